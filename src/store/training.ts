/**
 * Training state: one TrainingClient (the worker) following the document. Not undoable and apart
 * from the document store: training never touches the document, so it never fills the undo history.
 *
 * - The compiled graph is loaded whenever the document's structure changes (debounced). An edit
 *   while training pauses it, recompiles, and keeps the learned weights of what did not change.
 * - Per-step numbers go to the overlay store (training-overlay.ts), keyed by edge and node id.
 * - Snapshots are applied at most once per animation frame (the worker sends at most ~30 a second).
 */
import { create } from 'zustand';
import type { EdgeId, Graph, GraphEdge } from '../engine/graph';
import type { Phase } from '../engine/runtime/trainer';
import {
  type Evaluation,
  type GradientExplanation,
  type GradientVerification,
  type GridOptions,
  type GridPrediction,
  LossCurve,
  type NonFiniteReport,
  type TrainingLayout,
  type TrainingSnapshot,
  type WatchDiagnostic,
} from '../engine/training';
import { TrainingClient, type WorkerLike } from '../worker/client';
import type { PlayStatus, PlayStopReason } from '../worker/protocol';
import type { DocumentStore } from './document';
import { indexById } from './index-by-id';
import { perId } from './per-id';
import { type Structure, sameStructure } from './structure';
import {
  buildOverlay,
  createOverlayStore,
  emptyOverlay,
  type OverlayState,
  type OverlayStore,
} from './training-overlay';

export type Speed = number | 'max';
export type LabelMode = 'values' | 'gradients' | 'both' | 'none';

/** The part of the graph the last phase touched, in the order it did (phase-by-phase stepping). */
export interface Wave {
  phase: Phase;
  nodes: ReadonlyMap<string, number>;
  edges: ReadonlyMap<string, number>;
  /** Counts waves, so the same phase twice still restarts the animation. */
  id: number;
}

/** A training problem pinned to a node or an edge: a non-finite number, or a watch diagnostic. */
export interface TrainingProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface BatchView {
  /** Rows of the training split in the shown batch. */
  indices: readonly number[];
  size: number;
  /** The example whose numbers are shown (when not showing the mean). */
  example: number;
}

export interface TrainingData {
  /** A client exists (the app started training). */
  started: boolean;
  /** Whether the last load compiled; null before the first load. */
  compiled: boolean | null;
  /** Why the graph cannot train (the first compile error), when it does not compile. */
  loadProblem: string | null;
  /** A load is waiting (debounce) or running. */
  loading: boolean;
  layout: TrainingLayout | null;
  loadId: number;
  /** Keys of the blocks whose learned values the last load kept. */
  kept: readonly string[];
  playing: boolean;
  /** Completed steps of what is shown (the seeked step while seeking). */
  step: number;
  /** Completed steps of the run itself. */
  liveStep: number;
  epoch: number;
  seeking: boolean;
  /** L on the shown batch (NaN before the loss phase ran). */
  loss: number;
  /** How the history around the shown step is kept: the timeline says which steps are exact. */
  history: TrainingSnapshot['history'];
  /** Something has run on the shown step (a phase, a step, or an earlier step shown): values mean something. */
  ran: boolean;
  phase: TrainingSnapshot['phase'] | null;
  /** Set while stepping phase by phase: what the last phase touched. */
  wave: Wave | null;
  batch: BatchView;
  /** The last evaluation of the shown θ. */
  evaluation: Evaluation | null;
  /** Every evaluation of the run so far, by step (test loss and accuracy on the chart). */
  evaluations: readonly Evaluation[];
  /** Incremented whenever the loss curve grows or changes. */
  curveVersion: number;
  diagnostics: readonly WatchDiagnostic[];
  nonFinite: NonFiniteReport | null;
  /** Training refuses to continue after a non-finite number, until reset or rewind. */
  paused: boolean;
  /** Why playing stopped last (null while playing or before). */
  stopReason: PlayStopReason | null;
  error: string | null;
  problems: {
    nodes: ReadonlyMap<string, readonly TrainingProblem[]>;
    edges: ReadonlyMap<string, readonly TrainingProblem[]>;
  };
  // Settings.
  speed: Speed;
  /** Show the batch mean instead of one example. */
  mean: boolean;
  labels: LabelMode;
  logScale: boolean;
  /** The neuron (and unit) under the pointer: the prediction view shows its own output. */
  hover: { nodeId: string; index: number } | null;
}

export interface TrainingActions {
  /** Creates the client and follows the document (idempotent). */
  start(): void;
  dispose(): void;
  /** Loads the document now if a load is waiting; resolves when the graph shown is the document's. */
  flush(): Promise<void>;
  /** One full training step (or `count`). */
  trainStep(count?: number): Promise<void>;
  /** One phase: forward, loss, backward or update. */
  phaseStep(): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  togglePlay(): Promise<void>;
  /** Starts over from the seeded initial weights. */
  reset(): Promise<void>;
  /**
   * Shows an earlier step (null: back to the live run). Far back the history is thinned: `snap`
   * moves a step it cannot show to the nearest one it can, that way ('down' or 'up').
   */
  seek(step: number | null, snap?: 'down' | 'up'): Promise<void>;
  /** "Continue from here": the run is rebuilt at `step`. */
  rewind(step: number): Promise<void>;
  setSpeed(speed: Speed): void;
  setMean(mean: boolean): void;
  setExample(example: number): void;
  setLabels(mode: LabelMode): void;
  setLogScale(log: boolean): void;
  setHover(hover: { nodeId: string; index: number } | null): void;
  /** The run's loss per step: every step recently, means of 2, 4, 8 … steps further back. */
  lossCurve(): LossCurve;
  explainEdge(edgeId: string, element?: number): Promise<GradientExplanation>;
  explainParameter(index: number): Promise<GradientExplanation>;
  verifyGradient(index: number): Promise<GradientVerification>;
  predictGrid(options?: GridOptions): Promise<GridPrediction | null>;
}

export type TrainingState = TrainingData & TrainingActions;

export interface TrainingOptions {
  /** Makes the worker (the real one, or a test's fake). */
  createWorker: () => WorkerLike;
  /** Makes the client around the worker; default `new TrainingClient(createWorker)`. */
  createClient?: (factory: () => WorkerLike) => TrainingClient;
  documents: DocumentStore;
  /** Quiet time after an edit before the graph recompiles in the worker; default 250 ms. */
  debounceMs?: number;
  /** Runs a function before the next frame (snapshots are applied once per frame). */
  frame?: (fn: () => void) => void;
  /**
   * Train/test evaluation every this many steps while playing faster than a watchable pace;
   * default 50. Stepping and watchable play evaluate every step, so accuracy and loss follow each one.
   */
  evaluateEvery?: number;
  /** Evaluation interval while playing at full speed, where a snapshot carries one in ~1,000 steps anyway; default 1000. */
  fastEvaluateEvery?: number;
  /** Most snapshots applied per second while playing (the canvas need not show more); default 12. */
  playingHz?: number;
  /** Most updates of printed numbers per second while playing; default 4. */
  readoutHz?: number;
  /** The same at full speed, where every readout changes most printed digits; default 2. */
  fastReadoutHz?: number;
  now?: () => number;
}

const NO_PROBLEMS = new Map<string, readonly TrainingProblem[]>();
const EMPTY_BATCH: BatchView = { indices: [], size: 0, example: 0 };
const NO_CURVE = new LossCurve(2, 1);
const EVERY_STEP: TrainingSnapshot['history'] = { exactEvery: 1, everyStepFrom: 0 };

/** How long a diagnostic stays listed after it was last seen, while playing. */
const STICKY_MS = 2500;

/** Most evaluations kept: beyond it, every other one of the older half is dropped. */
const MAX_EVALUATIONS = 2000;

function append(list: readonly Evaluation[], e: Evaluation): readonly Evaluation[] {
  if (list.length < MAX_EVALUATIONS) return [...list, e];
  const half = list.length >> 1;
  return [...list.slice(0, half).filter((_, i) => i % 2 === 0), ...list.slice(half), e];
}

export const SPEEDS: readonly Speed[] = [1, 2, 5, 10, 30, 100, 300, 1000, 'max'];

/** Play's pace until the learner picks another: a few steps a second, slow enough to watch each one. */
export const DEFAULT_SPEED: Speed = 5;

/** Up to this many steps a second, the canvas prints the numbers of every step it shows. */
const WATCHABLE_SPEED = 10;

export function initialTrainingData(): TrainingData {
  return {
    started: false,
    compiled: null,
    loadProblem: null,
    loading: false,
    layout: null,
    loadId: 0,
    kept: [],
    playing: false,
    step: 0,
    liveStep: 0,
    epoch: 0,
    seeking: false,
    loss: Number.NaN,
    history: EVERY_STEP,
    ran: false,
    phase: null,
    wave: null,
    batch: EMPTY_BATCH,
    evaluation: null,
    evaluations: [],
    curveVersion: 0,
    diagnostics: [],
    nonFinite: null,
    paused: false,
    stopReason: null,
    error: null,
    problems: { nodes: NO_PROBLEMS, edges: NO_PROBLEMS },
    speed: DEFAULT_SPEED,
    mean: false,
    labels: 'both',
    logScale: false,
    hover: null,
  };
}

const sameWeight = (a: GraphEdge['weight'], b: GraphEdge['weight']) =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => Object.is(x, b[i])));

/**
 * Whether a reload after this change keeps the learned weights: an edit of the same network does
 * (some node or edge object is untouched), opening another one does not, nor does a new seed or a
 * new initial weight on an edge (the learner asked for that start).
 */
export function keepsWeights(previous: Structure, next: Structure): boolean {
  if (previous.seed !== next.seed) return false;
  const oldNodes = new Set(previous.nodes);
  const oldEdges = new Set(previous.edges);
  const shared = next.nodes.some((n) => oldNodes.has(n)) || next.edges.some((e) => oldEdges.has(e));
  if (!shared) return false;
  const byId = new Map(previous.edges.map((e) => [e.id as string, e]));
  for (const e of next.edges) {
    const old = byId.get(e.id);
    if (old && old !== e && !sameWeight(old.weight, e.weight)) return false;
  }
  return true;
}

function sameProblems(a: readonly TrainingProblem[] | undefined, b: readonly TrainingProblem[]): boolean {
  return (
    !!a &&
    a.length === b.length &&
    a.every((p, i) => p.message === b[i].message && p.severity === b[i].severity && p.code === b[i].code)
  );
}

/** Problems by node and edge id, keeping each list's identity while its messages stay the same. */
function indexProblems(
  snapshot: { nonFinite: NonFiniteReport | null; diagnostics: readonly WatchDiagnostic[] },
  previous: TrainingData['problems'],
): TrainingData['problems'] {
  const nodes: [string, TrainingProblem][] = [];
  const edges: [string, TrainingProblem][] = [];
  const add = (p: TrainingProblem, at: { nodeId?: string; edgeId?: string }) => {
    if (at.edgeId) edges.push([at.edgeId, p]);
    else if (at.nodeId) nodes.push([at.nodeId, p]);
  };
  const nf = snapshot.nonFinite;
  if (nf) add({ code: 'non-finite', severity: 'error', message: nf.message }, nf);
  for (const d of snapshot.diagnostics) add({ code: d.code, severity: 'warning', message: d.message }, d);
  const n = indexById(nodes, previous.nodes, sameProblems);
  const e = indexById(edges, previous.edges, sameProblems);
  return n === previous.nodes && e === previous.edges ? previous : { nodes: n, edges: e };
}

function sameIndices(a: readonly number[], b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameSplit = (a: Evaluation['train'], b: Evaluation['train']) =>
  a.count === b.count && Object.is(a.loss, b.loss) && Object.is(a.accuracy, b.accuracy);
const sameEvaluation = (a: Evaluation, b: Evaluation) =>
  a.step === b.step && sameSplit(a.train, b.train) && sameSplit(a.test, b.test);

const sameDiagnostics = (a: readonly WatchDiagnostic[], b: readonly WatchDiagnostic[]) =>
  a.length === b.length && a.every((d, i) => d.message === b[i].message && d.code === b[i].code);

const defaultFrame = (fn: () => void) => {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) {
    requestAnimationFrame(() => fn());
  } else {
    setTimeout(fn, 0);
  }
};

export function createTrainingStore(options: TrainingOptions) {
  const debounceMs = options.debounceMs ?? 250;
  const frame = options.frame ?? defaultFrame;
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const minInterval = 1000 / (options.playingHz ?? 12);
  const evaluateEvery = options.evaluateEvery ?? 50;
  const fastEvaluateEvery = options.fastEvaluateEvery ?? 1000;
  /** How often the worker evaluates at a speed: every step when each step can be watched. */
  const evaluationInterval = (speed: Speed | 'step') =>
    speed === 'step' || (speed !== 'max' && speed <= WATCHABLE_SPEED)
      ? 1
      : speed === 'max'
        ? fastEvaluateEvery
        : evaluateEvery;
  let lastApplied = Number.NEGATIVE_INFINITY;
  /** The evaluation interval the worker has; after a faster run, back to every step (and evaluate) when it stops. */
  let evaluationEvery = evaluationInterval('step');
  const overlay: OverlayStore = createOverlayStore();
  /**
   * The same entries for what prints numbers (labels, node values, the inspector): while playing at
   * most `readoutHz` a second — faster than that nobody reads them, and every change of text costs
   * a layout — otherwise at once.
   */
  const readout: OverlayStore = createOverlayStore();
  const readoutInterval = 1000 / (options.readoutHz ?? 4);
  const fastReadoutInterval = 1000 / (options.fastReadoutHz ?? 2);
  let lastReadout = Number.NEGATIVE_INFINITY;
  let readoutTimer: ReturnType<typeof setTimeout> | null = null;
  const syncReadout = (force: boolean) => {
    const t = now();
    const speed = store.getState().speed;
    // A watchable pace prints every step it shows; faster, nobody reads every one.
    const interval = speed === 'max' ? fastReadoutInterval : speed <= WATCHABLE_SPEED ? 0 : readoutInterval;
    const wait = force ? 0 : lastReadout + interval - t;
    if (wait <= 0) {
      if (readoutTimer) clearTimeout(readoutTimer);
      readoutTimer = null;
      lastReadout = t;
      if (readout.getState() !== overlay.getState()) readout.setState(overlay.getState(), true);
    } else if (!readoutTimer) {
      readoutTimer = setTimeout(() => {
        readoutTimer = null;
        syncReadout(true);
      }, wait);
    }
  };
  const setOverlay = (state: OverlayState) => {
    overlay.setState(state, true);
    syncReadout(!store.getState().playing);
  };
  let client: TrainingClient | null = null;
  let unsubscribe: (() => void) | null = null;
  /** The structure of the document last sent to the worker. */
  let loaded: Structure | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loadPromise: Promise<void> | null = null;
  let pending: TrainingSnapshot | null = null;
  let frameQueued = false;
  /** The last action was a phase step: the touched part of the graph is shown as a wave. */
  let phaseMode = false;
  let waves = 0;
  let lastSnapshot: TrainingSnapshot | null = null;

  const store = create<TrainingState>()((set, get) => {
    const structure = (): Structure => {
      const d = options.documents.getState();
      return { nodes: d.nodes, edges: d.edges, seed: d.seed };
    };

    const applySnapshot = (s: TrainingSnapshot) => {
      const layout = client?.layout;
      if (!layout || layout.loadId !== s.loadId) return;
      lastSnapshot = s;
      const state = get();
      const patch: Partial<TrainingData> = {
        step: s.step,
        liveStep: s.liveStep,
        epoch: s.epoch,
        seeking: s.seeking,
        loss: s.loss,
        ran: s.step > 0 || s.phase.last !== null,
        paused: s.paused,
        nonFinite: s.nonFinite,
        evaluation: s.evaluation,
        curveVersion: state.curveVersion + 1,
      };
      if (
        state.history.exactEvery !== s.history.exactEvery ||
        state.history.everyStepFrom !== s.history.everyStepFrom
      ) {
        patch.history = s.history;
      }
      if (!state.phase || state.phase.last !== s.phase.last || state.phase.next !== s.phase.next) {
        patch.phase = s.phase;
      }
      const b = s.batch;
      if (
        state.batch.size !== b.size ||
        state.batch.example !== b.example ||
        !sameIndices(state.batch.indices, b.indices)
      ) {
        patch.batch = { indices: Array.from(b.indices), size: b.size, example: b.example };
      }
      const diagnostics = steady(s.diagnostics, state.playing);
      if (!sameDiagnostics(state.diagnostics, diagnostics)) patch.diagnostics = diagnostics;
      patch.problems = indexProblems(
        { nonFinite: s.nonFinite, diagnostics: patch.diagnostics ?? state.diagnostics },
        state.problems,
      );
      if (s.evaluation && !s.seeking) {
        const list = state.evaluations;
        const last = list[list.length - 1];
        if (!last || last.step < s.evaluation.step) patch.evaluations = append(list, s.evaluation);
        else if (last.step > s.evaluation.step || !sameEvaluation(last, s.evaluation)) {
          patch.evaluations = [...list.filter((e) => e.step < s.evaluation!.step), s.evaluation];
        }
      }
      if (phaseMode && s.phase.last && !s.seeking) {
        const t = s.phase.touched;
        patch.wave = {
          phase: s.phase.last,
          nodes: new Map(t.nodes.map((id, i) => [id as string, i])),
          edges: new Map(t.edges.map((id, i) => [id as string, i])),
          id: ++waves,
        };
      } else if (state.wave) {
        patch.wave = null;
      }
      set(patch);
      setOverlay(buildOverlay(overlay.getState(), layout, s, { mean: get().mean }));
    };

    /**
     * While playing, a diagnostic that comes and goes (a gradient spike) would flicker: each stays
     * at least `STICKY_MS` after it was last seen, and its sentence changes at most once a second.
     * Stepping shows exactly the run's own list.
     */
    const shown = new Map<string, { d: WatchDiagnostic; seen: number; changed: number }>();
    const steady = (list: readonly WatchDiagnostic[], playing: boolean): readonly WatchDiagnostic[] => {
      const t = now();
      if (!playing) shown.clear();
      for (const d of list) {
        const key = `${d.code}:${d.nodeId ?? ''}:${d.edgeId ?? ''}`;
        const e = shown.get(key);
        if (!e) shown.set(key, { d, seen: t, changed: t });
        else {
          e.seen = t;
          if (e.d.message !== d.message && (!playing || t - e.changed >= 1000)) {
            e.d = d;
            e.changed = t;
          }
        }
      }
      for (const [key, e] of shown) if (t - e.seen > STICKY_MS) shown.delete(key);
      return [...shown.values()].map((e) => e.d);
    };

    const flushFrame = () => {
      frameQueued = false;
      const s = pending;
      pending = null;
      if (s) {
        lastApplied = now();
        applySnapshot(s);
      }
    };

    const onSnapshot = (s: TrainingSnapshot) => {
      pending = s;
      if (frameQueued) return;
      frameQueued = true;
      // While playing, at most `playingHz` a second; a step, a seek or a pause shows at the next frame.
      const wait = s.paused || !get().playing ? 0 : lastApplied + minInterval - now();
      if (wait > 1) setTimeout(() => frame(flushFrame), wait);
      else frame(flushFrame);
    };

    /** After a faster run: evaluations back to every step, and one of the θ reached. */
    const settleEvaluation = () => {
      if (evaluationEvery === 1 || !client) return;
      evaluationEvery = 1;
      const c = client;
      void c
        .configure({ evaluateEvery: 1 })
        .then(() => c.evaluate())
        .then(() => c.snapshot())
        .catch(() => {});
    };

    const onStatus = (status: PlayStatus) => {
      set({
        playing: status.playing,
        liveStep: status.step,
        stopReason: status.playing ? null : (status.reason ?? null),
        error: status.reason === 'error' ? (status.error ?? 'Training failed.') : get().error,
      });
      if (status.playing) return;
      // Stopped: the snapshot of where it stopped came first; show it now, not after the throttle.
      if (pending) flushFrame();
      else syncReadout(true);
      if (status.reason !== 'load') settleEvaluation();
    };

    /** Sends the document to the worker. */
    const load = async (): Promise<void> => {
      if (!client) return;
      const next = structure();
      const keep = loaded !== null && keepsWeights(loaded, next);
      loaded = next;
      const graph: Graph = { nodes: [...next.nodes], edges: [...next.edges], seed: next.seed };
      set({ loading: true });
      try {
        const result = await client.load(graph, { keep });
        if (loaded !== next) return; // a newer load is on its way
        // The snapshot of the new graph may still wait for its frame: apply it now, with its layout.
        phaseMode = false;
        const problem = result.diagnostics.find((d) => d.severity === 'error');
        set({
          compiled: result.ok,
          loadProblem: result.ok ? null : (problem?.message ?? 'The network does not compile.'),
          layout: result.layout,
          loadId: result.layout?.loadId ?? get().loadId,
          kept: result.kept,
          evaluations: [],
          wave: null,
          playing: false,
          seeking: false,
          error: null,
          ...(result.ok
            ? {}
            : {
                step: 0,
                liveStep: 0,
                epoch: 0,
                loss: Number.NaN,
                ran: false,
                phase: null,
                batch: EMPTY_BATCH,
                evaluation: null,
                diagnostics: [],
                nonFinite: null,
                paused: false,
                problems: { nodes: NO_PROBLEMS, edges: NO_PROBLEMS },
                curveVersion: get().curveVersion + 1,
              }),
        });
        if (!result.ok) {
          lastSnapshot = null;
          setOverlay(emptyOverlay());
        } else if (client.latest && client.latest.loadId === result.layout?.loadId) {
          pending = null;
          applySnapshot(client.latest);
        }
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) });
      } finally {
        if (loaded === next) set({ loading: false });
      }
    };

    const runLoad = (): Promise<void> => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      const p = load();
      loadPromise = p;
      void p.finally(() => {
        if (loadPromise === p) loadPromise = null;
      });
      return p;
    };

    const onDocument = () => {
      if (!client) return;
      const next = structure();
      if (loaded && sameStructure(loaded, next)) {
        if (timer) {
          // Back to what is loaded (an undo) before the debounce ran: nothing to reload.
          clearTimeout(timer);
          timer = null;
          set({ loading: false });
        }
        return;
      }
      // Editing while training: pause at once, recompile once the edits settle.
      if (get().playing) void client.pause().catch(() => {});
      set({ loading: true });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void runLoad();
      }, debounceMs);
    };

    const flush = async () => {
      if (timer) await runLoad();
      else if (loadPromise) await loadPromise;
    };

    /** Runs a request against a graph that compiled; errors become the store's `error`. */
    const act = async (what: (c: TrainingClient) => Promise<unknown>) => {
      await flush();
      const c = client;
      if (!c || !get().compiled) return;
      try {
        await what(c);
      } catch (e) {
        set({ error: e instanceof Error ? e.message : String(e) });
      }
    };

    const playOptions = () => {
      const speed = get().speed;
      return speed === 'max' ? {} : { stepsPerSecond: speed };
    };

    const requireClient = (): TrainingClient => {
      if (!client) throw new Error('Training has not started.');
      return client;
    };

    return {
      ...initialTrainingData(),

      start() {
        if (client) return;
        client = options.createClient
          ? options.createClient(options.createWorker)
          : new TrainingClient(options.createWorker);
        client.onSnapshot(onSnapshot);
        client.onStatus(onStatus);
        void client.configure({ evaluateEvery: evaluationEvery });
        unsubscribe = options.documents.subscribe(onDocument);
        set({ started: true });
        void runLoad();
      },

      dispose() {
        unsubscribe?.();
        unsubscribe = null;
        if (timer) clearTimeout(timer);
        timer = null;
        if (readoutTimer) clearTimeout(readoutTimer);
        readoutTimer = null;
        client?.dispose();
        client = null;
        loaded = null;
        lastSnapshot = null;
        pending = null;
        setOverlay(emptyOverlay());
        set({ ...initialTrainingData() });
      },

      flush,

      trainStep: (count = 1) =>
        act(async (c) => {
          phaseMode = false;
          await c.step(count);
        }),

      phaseStep: () =>
        act(async (c) => {
          phaseMode = true;
          await c.phase();
        }),

      play: () =>
        act(async (c) => {
          phaseMode = false;
          if (get().paused) return;
          const every = evaluationInterval(get().speed);
          if (every !== evaluationEvery) {
            evaluationEvery = every;
            await c.configure({ evaluateEvery: every });
          }
          const status = await c.play(playOptions());
          onStatus(status);
        }),

      pause: () =>
        act(async (c) => {
          const status = await c.pause();
          onStatus(status);
        }),

      async togglePlay() {
        if (get().playing) await get().pause();
        else await get().play();
      },

      reset: () =>
        act(async (c) => {
          phaseMode = false;
          set({ evaluations: [], nonFinite: null, paused: false, stopReason: null, error: null });
          await c.reset();
        }),

      seek: (step, snap) =>
        act(async (c) => {
          phaseMode = false;
          await c.seek(step, snap);
          // The step sought is shown when seek resolves, not a frame later: the timeline moves its
          // thumb from the step shown, so a key pressed before that frame would move from the old one.
          if (pending) flushFrame();
          // The earlier step's train/test loss and accuracy (the session evaluates it on request).
          if (step !== null && get().layout?.data) {
            await c.evaluate();
            await c.snapshot();
          }
        }),

      rewind: (step) =>
        act(async (c) => {
          phaseMode = false;
          set({
            evaluations: get().evaluations.filter((e) => e.step <= step),
            stopReason: null,
            error: null,
          });
          await c.rewind(step);
        }),

      setSpeed(speed) {
        set({ speed });
        if (get().playing) void get().play();
      },

      setMean(mean) {
        if (mean === get().mean) return;
        set({ mean });
        const layout = client?.layout;
        if (layout && lastSnapshot && lastSnapshot.loadId === layout.loadId) {
          setOverlay(buildOverlay(overlay.getState(), layout, lastSnapshot, { mean }));
        }
      },

      setExample(example) {
        if (get().mean) get().setMean(false);
        void client?.configure({ example }).catch(() => {});
      },

      setLabels(labels) {
        set({ labels });
      },

      setLogScale(logScale) {
        set({ logScale });
      },

      setHover(hover) {
        const h = get().hover;
        if (h === hover || (h && hover && h.nodeId === hover.nodeId && h.index === hover.index)) return;
        set({ hover });
      },

      lossCurve: () => client?.lossCurve ?? NO_CURVE,

      explainEdge: (edgeId, element) =>
        requireClient().explainEdge(edgeId as EdgeId, { example: get().batch.example, element }),

      explainParameter: (index) => requireClient().explainParameter(index, { example: get().batch.example }),

      verifyGradient: (index) => requireClient().verifyGradient(index),

      predictGrid: (grid = {}) => requireClient().predictGrid(grid),
    };
  });

  return { store, overlay, readout };
}

export type TrainingStore = ReturnType<typeof createTrainingStore>['store'];

// Per-id selectors, made once per id: a node or an edge subscribes to its own.

/** 'phase:order' while a phase step touched node `id` (order: when, within the phase), else null. */
export const selectNodeWave = perId((id) => (s: TrainingState): string | null => {
  const order = s.wave?.nodes.get(id);
  return order === undefined ? null : `${s.wave!.phase}:${order}:${s.wave!.id}`;
});

export const selectEdgeWave = perId((id) => (s: TrainingState): string | null => {
  const order = s.wave?.edges.get(id);
  return order === undefined ? null : `${s.wave!.phase}:${order}:${s.wave!.id}`;
});

const NO_LIST: readonly TrainingProblem[] = [];

export const selectNodeProblems = perId(
  (id) =>
    (s: TrainingState): readonly TrainingProblem[] =>
      s.problems.nodes.get(id) ?? NO_LIST,
);

export const selectEdgeProblems = perId(
  (id) =>
    (s: TrainingState): readonly TrainingProblem[] =>
      s.problems.edges.get(id) ?? NO_LIST,
);
