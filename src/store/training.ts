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
import type { Phase } from '../engine/runtime/trainer';
import type {
  Evaluation,
  GradientExplanation,
  GradientVerification,
  GridOptions,
  GridPrediction,
  LoadResult,
  LossCurve,
  NonFiniteReport,
  TrainingLayout,
  TrainingSnapshot,
  WatchDiagnostic,
} from '../engine/training';
import { TrainingClient, type WorkerLike } from '../worker/client';
import type { PlayStatus, PlayStopReason } from '../worker/protocol';
import type { DocumentStore } from './document';
import { followDocument } from './document-follower';
import { perId } from './per-id';
import { createStickyDiagnostics } from './sticky-diagnostics';
import { runActions, type TrainingRun } from './training-actions';
import {
  buildOverlay,
  createOverlayStore,
  emptyOverlay,
  type OverlayState,
  type OverlayStore,
} from './training-overlay';
import { createFramePacer, createReadoutPacer, readoutInterval, syncEvaluation } from './training-pacing';
import { EMPTY_BATCH, loadedPatch, NO_PROBLEMS, snapshotPatch } from './training-snapshot';

export { keepsWeights } from './document-follower';

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
  /** The L1/L2 penalty term in each point of `lossCurve` (empty without a penalty). */
  penaltyCurve(): LossCurve;
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

const EVERY_STEP: TrainingSnapshot['history'] = { exactEvery: 1, everyStepFrom: 0 };

export const SPEEDS: readonly Speed[] = [1, 2, 5, 10, 30, 100, 300, 1000, 'max'];

/** Play's pace until the learner picks another: a few steps a second, slow enough to watch each one. */
export const DEFAULT_SPEED: Speed = 5;

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
  const evaluation = syncEvaluation(
    { evaluateEvery: options.evaluateEvery ?? 50, fastEvaluateEvery: options.fastEvaluateEvery ?? 1000 },
    () => client,
  );
  const overlay: OverlayStore = createOverlayStore();
  /**
   * The same entries for what prints numbers (labels, node values, the inspector): while playing at
   * most `readoutHz` a second — faster than that nobody reads them, and every change of text costs
   * a layout — otherwise at once.
   */
  const readout: OverlayStore = createOverlayStore();
  const readoutMs = 1000 / (options.readoutHz ?? 4);
  const fastReadoutMs = 1000 / (options.fastReadoutHz ?? 2);
  const readoutPacer = createReadoutPacer({
    overlay,
    readout,
    now,
    interval: () => readoutInterval(store.getState().speed, readoutMs, fastReadoutMs),
  });
  const setOverlay = (state: OverlayState) => {
    overlay.setState(state, true);
    readoutPacer.sync(!store.getState().playing);
  };
  const steady = createStickyDiagnostics(now);
  let client: TrainingClient | null = null;
  /** The last action was a phase step: the touched part of the graph is shown as a wave. */
  let phaseMode = false;
  let waves = 0;
  let lastSnapshot: TrainingSnapshot | null = null;

  const store = create<TrainingState>()((set, get) => {
    const applySnapshot = (s: TrainingSnapshot) => {
      const layout = client?.layout;
      if (!layout || layout.loadId !== s.loadId) return;
      lastSnapshot = s;
      const state = get();
      const waveId = phaseMode && s.phase.last && !s.seeking ? ++waves : null;
      set(snapshotPatch(state, s, { diagnostics: steady(s.diagnostics, state.playing), waveId }));
      setOverlay(buildOverlay(overlay.getState(), layout, s, { mean: get().mean }));
    };

    // While playing, at most `playingHz` a second; a step, a seek or a pause shows at the next frame.
    const frames = createFramePacer<TrainingSnapshot>({
      frame,
      now,
      minInterval: 1000 / (options.playingHz ?? 12),
      show: applySnapshot,
    });
    const onSnapshot = (s: TrainingSnapshot) => frames.offer(s, !s.paused && get().playing);

    const onStatus = (status: PlayStatus) => {
      set({
        playing: status.playing,
        liveStep: status.step,
        stopReason: status.playing ? null : (status.reason ?? null),
        error: status.reason === 'error' ? (status.error ?? 'Training failed.') : get().error,
      });
      if (status.playing) return;
      // Stopped: the snapshot of where it stopped came first; show it now, not after the throttle.
      if (frames.waiting()) frames.flush();
      else readoutPacer.sync(true);
      if (status.reason !== 'load') evaluation.settle();
    };

    /** What a finished load shows: the new layout, and a fresh start when it does not compile. */
    const loaded = (result: LoadResult, c: TrainingClient) => {
      // The snapshot of the new graph may still wait for its frame: apply it now, with its layout.
      phaseMode = false;
      set(loadedPatch(result, get()));
      if (!result.ok) {
        lastSnapshot = null;
        setOverlay(emptyOverlay());
      } else if (c.latest && c.latest.loadId === result.layout?.loadId) {
        frames.drop();
        applySnapshot(c.latest);
      }
    };

    const follower = followDocument({
      documents: options.documents,
      debounceMs,
      client: () => client,
      playing: () => get().playing,
      loading: (loading) => set({ loading }),
      loaded,
      failed: (e) => set({ error: e instanceof Error ? e.message : String(e) }),
    });
    const flush = () => follower.flush();

    const run: TrainingRun = {
      get,
      set,
      client: () => client,
      flush,
      onStatus,
      setPhaseMode(on) {
        phaseMode = on;
      },
      evaluateFor: (speed) => evaluation.forSpeed(speed),
      showNow() {
        if (frames.waiting()) frames.flush();
      },
      redraw(mean) {
        const layout = client?.layout;
        if (layout && lastSnapshot && lastSnapshot.loadId === layout.loadId) {
          setOverlay(buildOverlay(overlay.getState(), layout, lastSnapshot, { mean }));
        }
      },
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
        void client.configure({ evaluateEvery: evaluation.every() });
        set({ started: true });
        follower.start();
      },

      dispose() {
        follower.stop();
        readoutPacer.dispose();
        client?.dispose();
        client = null;
        lastSnapshot = null;
        frames.drop();
        setOverlay(emptyOverlay());
        set({ ...initialTrainingData() });
      },

      flush,

      ...runActions(run),
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
