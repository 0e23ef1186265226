/**
 * The training store's actions: what the learner does (step, play, seek, rewind, the settings) and
 * what the panels ask (explanations, predictions), each a request to the worker's client. The
 * store (training.ts) owns the client, the document following and the snapshots, and hands these
 * a `TrainingRun`: the few things of its state they need.
 */
import type { EdgeId } from '../engine/graph';
import { LossCurve } from '../engine/training';
import type { TrainingClient } from '../worker/client';
import type { PlayStatus } from '../worker/protocol';
import type { Speed, TrainingActions, TrainingData, TrainingState } from './training';

export interface TrainingRun {
  get(): TrainingState;
  set(patch: Partial<TrainingData>): void;
  /** The client, once training started. */
  client(): TrainingClient | null;
  /** Resolves once the graph shown is the document's (a waiting load runs now). */
  flush(): Promise<void>;
  /** The worker's play status, into the store. */
  onStatus(status: PlayStatus): void;
  /** Whether the next snapshots show what each phase touched (a wave): only after a phase step. */
  setPhaseMode(on: boolean): void;
  /** Tells the worker how often to evaluate while playing at `speed`, if that changed. */
  evaluateFor(speed: Speed): Promise<void>;
  /** Shows the snapshot that waits for its frame now. */
  showNow(): void;
  /** Shows the last snapshot again, with the batch mean or one example. */
  redraw(mean: boolean): void;
}

export type RunActions = Omit<TrainingActions, 'start' | 'dispose' | 'flush'>;

const NO_CURVE = new LossCurve(2, 1);

export function runActions(run: TrainingRun): RunActions {
  const { get, set } = run;

  /** Runs a request against a graph that compiled; errors become the store's `error`. */
  const act = async (what: (c: TrainingClient) => Promise<unknown>) => {
    await run.flush();
    const c = run.client();
    if (!c || !get().compiled) return;
    try {
      await what(c);
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  /** The same, but the step is no phase step: no wave. */
  const stepAct = (what: (c: TrainingClient) => Promise<unknown>) =>
    act((c) => {
      run.setPhaseMode(false);
      return what(c);
    });

  const playOptions = () => {
    const speed = get().speed;
    return speed === 'max' ? {} : { stepsPerSecond: speed };
  };

  const requireClient = (): TrainingClient => {
    const c = run.client();
    if (!c) throw new Error('Training has not started.');
    return c;
  };

  return {
    trainStep: (count = 1) => stepAct((c) => c.step(count)),

    phaseStep: () =>
      act(async (c) => {
        run.setPhaseMode(true);
        await c.phase();
      }),

    play: () =>
      stepAct(async (c) => {
        if (get().paused) return;
        await run.evaluateFor(get().speed);
        run.onStatus(await c.play(playOptions()));
      }),

    pause: () => act(async (c) => run.onStatus(await c.pause())),

    async togglePlay() {
      if (get().playing) await get().pause();
      else await get().play();
    },

    reset: () =>
      stepAct(async (c) => {
        set({ evaluations: [], nonFinite: null, paused: false, stopReason: null, error: null });
        await c.reset();
      }),

    seek: (step, snap) =>
      stepAct(async (c) => {
        await c.seek(step, snap);
        // The step sought is shown when seek resolves, not a frame later: the timeline moves its
        // thumb from the step shown, so a key pressed before that frame would move from the old one.
        run.showNow();
        // The earlier step's train/test loss and accuracy (the session evaluates it on request).
        if (step !== null && get().layout?.data) {
          await c.evaluate();
          await c.snapshot();
        }
      }),

    rewind: (step) =>
      stepAct(async (c) => {
        set({ evaluations: get().evaluations.filter((e) => e.step <= step), stopReason: null, error: null });
        await c.rewind(step);
      }),

    setSpeed(speed) {
      set({ speed });
      if (get().playing) void get().play();
    },

    setMean(mean) {
      if (mean === get().mean) return;
      set({ mean });
      run.redraw(mean);
    },

    setExample(example) {
      if (get().mean) get().setMean(false);
      void run
        .client()
        ?.configure({ example })
        .catch(() => {});
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

    lossCurve: () => run.client()?.lossCurve ?? NO_CURVE,

    penaltyCurve: () => run.client()?.penaltyCurve ?? NO_CURVE,

    explainEdge: (edgeId, element) =>
      requireClient().explainEdge(edgeId as EdgeId, { example: get().batch.example, element }),

    explainParameter: (index) => requireClient().explainParameter(index, { example: get().batch.example }),

    verifyGradient: (index) => requireClient().verifyGradient(index),

    predictGrid: (grid = {}) => requireClient().predictGrid(grid),
  };
}
