/**
 * A training session: the whole state machine behind "step and train visually", usable directly
 * (tests, command line) or inside the worker. It compiles graphs, trains step by step or phase by
 * phase, keeps a history to seek into and rewind to, watches for trouble, stops at the first
 * non-finite number, and packs what the canvas shows into compact snapshots. Recomputing an earlier
 * step to show it (seeking, and the last finite step after a halt) is seek-view.ts's.
 */
import { compile } from '../compiler/compile';
import type { Plan } from '../compiler/plan';
import type { Diagnostic } from '../diagnostics';
import type { EdgeId, Graph } from '../graph';
import { type ParameterMemory, rememberParameters } from '../runtime/parameters';
import { type Phase, Trainer } from '../runtime/trainer';
import { type Evaluation, Evaluator, type GridOptions, type GridPrediction, penaltyAt } from './evaluate';
import { checkPhase, type NonFiniteReport } from './finite';
import {
  type ExplainOptions,
  explainEdgeGradient,
  explainParameter,
  type GradientExplanation,
  type GradientSubject,
  type GradientVerification,
  verifyGradient,
} from './gradient-check';
import { type HistoryOptions, ParameterHistory } from './history';
import { describePlan, type PhaseTouch, phaseTouches, type TrainingLayout } from './layout';
import {
  computeView,
  epochAt,
  makeSeekBuffers,
  type SeekBuffers,
  type SeekView,
  showableStep,
  viewSubject,
} from './seek-view';
import { compact } from './snapshot-pack';
import { spacingAt } from './thinning';
import { TrainingWatch, type WatchDiagnostic, type WatchOptions } from './watch';

export interface SessionOptions {
  /** Evaluate train and test loss/accuracy every this many steps (0: only on demand); default 50. */
  evaluateEvery?: number;
  history?: HistoryOptions;
  watch?: WatchOptions;
  /** The example of the batch whose numbers snapshots show; default 0. */
  example?: number;
  /** Clock for `run({ ms })`; default performance.now. */
  now?: () => number;
}

/** Settings that can change while a session runs. */
export interface SessionSettings {
  evaluateEvery?: number;
  example?: number;
}

export interface LoadOptions {
  /** Keep the learned values of every parameter block the new graph still has (same key and size). */
  keep?: boolean;
}

export interface LoadResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  layout: TrainingLayout | null;
  /** Keys of the blocks whose learned values were kept. */
  kept: string[];
}

export interface RunBudget {
  /** At most this many steps. */
  steps?: number;
  /** Stop once this many milliseconds have passed (checked after each step). */
  ms?: number;
  /** Stop when the run reaches this step. */
  until?: number;
}

export interface RewindResult {
  step: number;
  /** Whether the replayed θ equals the one the history held for that step, bit for bit (null: evicted). */
  matchesHistory: boolean | null;
}

/** Per buffer number: the shown example's and the batch mean, at `slot.base + j` (see TrainingLayout). */
export interface ArenaSnapshot {
  example: Float64Array;
  mean: Float64Array;
}

export interface TrainingSnapshot {
  loadId: number;
  /** Completed steps of what is shown (the seeked step while seeking). */
  step: number;
  epoch: number;
  /** Completed steps of the run itself. */
  liveStep: number;
  /** Showing an earlier step from the history; the run itself is unchanged. */
  seeking: boolean;
  phase: {
    /** The phase that ran last (null right after a load, reset or rewind). */
    last: Phase | null;
    next: Phase;
    /** Nodes and edges the last phase touched, in the order it did. */
    touched: PhaseTouch;
  };
  /** L on the shown batch (NaN before the loss phase has run). */
  loss: number;
  /**
   * Per-step losses of the run (not of the seeked step) from `from` to liveStep: a loss curve keeps
   * what it holds before `from` and appends these.
   */
  /**
   * The loss of each step from `from` on (since the last snapshot), and when the trained loss has
   * an L1/L2 penalty, the penalty term in each of them.
   */
  losses: { from: number; values: Float64Array; penalties?: Float64Array };
  /** The last evaluation of the shown θ, if any. */
  evaluation: Evaluation | null;
  theta: Float64Array;
  thetaGrad: Float64Array;
  delta: Float64Array;
  /** How the history around the shown step is kept (the timeline says which steps are exact). */
  history: {
    /** Kept steps near the one shown are this far apart: 1 near the end, 2, 4, … further back. */
    exactEvery: number;
    /** From this step on, every step is kept. */
    everyStepFrom: number;
  };
  /** Optimizer state vectors (e.g. m, v for Adam); null while seeking (the history keeps θ only). */
  optimizer: { names: string[]; state: Float64Array[] } | null;
  batch: {
    /** Rows of the training split in the shown batch. */
    indices: Int32Array;
    size: number;
    /** The example whose numbers `values.example` and `grads.example` hold. */
    example: number;
  };
  values: ArenaSnapshot;
  grads: ArenaSnapshot;
  nonFinite: NonFiniteReport | null;
  /** Training refuses to continue (after a non-finite number) until reset or rewind. */
  paused: boolean;
  diagnostics: WatchDiagnostic[];
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class TrainingSession {
  private plan: Plan | null = null;
  private trainerRef: Trainer | null = null;
  private history: ParameterHistory | null = null;
  private watch: TrainingWatch | null = null;
  private evaluator: Evaluator | null = null;
  private layoutRef: TrainingLayout | null = null;
  private touches: Record<Phase, PhaseTouch> | null = null;
  /** Learned values of the last run that compiled, carried into a kept load. */
  private memory: ParameterMemory | null = null;
  private seekView: SeekView | null = null;
  /**
   * After a non-finite number: the last finite step, recomputed like a seeked one, so everything
   * shown (loss, values, gradients, Δθ, counters) is that step's and nothing of the broken one.
   */
  private haltView: SeekView | null = null;
  /** Optimizer state after the last finite step, when the broken step had not touched it yet. */
  private haltOptimizer: Float64Array[] | null = null;
  private seekBuffers: SeekBuffers | null = null;
  private replaying = false;
  private evaluateEvery: number;
  private example: number;
  private readonly clock: () => number;
  private loads = 0;
  private report: NonFiniteReport | null = null;
  private last: Phase | null = null;
  private evaluated: Evaluation | null = null;

  constructor(private readonly options: SessionOptions = {}) {
    this.evaluateEvery = options.evaluateEvery ?? 50;
    this.example = options.example ?? 0;
    this.clock = options.now ?? now;
  }

  /** The run's trainer (null when the graph does not compile). Read it; change it only through the session. */
  get trainer(): Trainer | null {
    return this.trainerRef;
  }

  get layout(): TrainingLayout | null {
    return this.layoutRef;
  }

  /** Increases with every load; snapshots and layouts carry it. */
  get loadId(): number {
    return this.loads;
  }

  /** Why training paused: the first non-finite number, located (null while all is well). */
  get nonFinite(): NonFiniteReport | null {
    return this.report;
  }

  /** The phase that ran last (null right after a load, reset or rewind). */
  get lastPhase(): Phase | null {
    return this.last;
  }

  /** The last evaluation of the run's θ (every `evaluateEvery` steps, or on demand). */
  get evaluation(): Evaluation | null {
    return this.evaluated;
  }

  get paused(): boolean {
    return this.report !== null;
  }

  /** Completed steps of the run. */
  get currentStep(): number {
    return this.trainerRef?.step ?? 0;
  }

  /** The step being shown while seeking, else null. */
  get seeking(): number | null {
    return this.seekView?.step ?? null;
  }

  /** The run's history of θ, losses and batches (null before a successful load). */
  get timeline(): ParameterHistory | null {
    return this.history;
  }

  get diagnostics(): readonly WatchDiagnostic[] {
    return this.watch?.diagnostics ?? [];
  }

  configure(settings: SessionSettings): void {
    if (settings.evaluateEvery !== undefined)
      this.evaluateEvery = Math.max(0, Math.floor(settings.evaluateEvery));
    if (settings.example !== undefined) this.example = Math.max(0, Math.floor(settings.example));
  }

  /**
   * Compiles a graph and starts a new run on it (step 0). With `keep`, every parameter block the
   * new plan shares with the last one that compiled (same key, same size) keeps its learned value.
   */
  load(graph: Graph, options: LoadOptions = {}): LoadResult {
    if (this.plan && this.trainerRef) this.memory = rememberParameters(this.plan, this.trainerRef.theta);
    const { plan, diagnostics } = compile(graph);
    this.loads++;
    if (!plan) {
      this.clear();
      return { ok: false, diagnostics, layout: null, kept: [] };
    }
    const previous = options.keep && this.memory ? this.memory : undefined;
    const kept = previous
      ? plan.blocks.filter((b) => previous.get(b.key)?.length === b.size).map((b) => b.key)
      : [];
    this.plan = plan;
    this.seekBuffers = null;
    this.watch = new TrainingWatch(plan, this.options.watch);
    this.touches = phaseTouches(plan);
    const trainer = new Trainer(plan, { previous });
    const batchSize = trainer.loader?.batchSize ?? 0;
    const table = plan.data?.table;
    this.history = new ParameterHistory(
      plan.paramCount,
      batchSize,
      this.options.history,
      trainer.optimizerState.length,
      table?.shuffle ? table.train.count * 4 : 0,
    );
    this.layoutRef = describePlan(plan, this.loads, this.history.recent);
    this.begin(trainer);
    return { ok: true, diagnostics, layout: this.layoutRef, kept };
  }

  private clear(): void {
    this.plan = null;
    this.trainerRef = null;
    this.history = null;
    this.watch = null;
    this.evaluator = null;
    this.layoutRef = null;
    this.touches = null;
    this.seekView = null;
    this.seekBuffers = null;
    this.haltView = null;
    this.haltOptimizer = null;
    this.report = null;
    this.last = null;
    this.evaluated = null;
  }

  /** Starts the run of `trainer` at step 0. */
  private begin(trainer: Trainer): void {
    this.trainerRef = trainer;
    this.evaluator = new Evaluator(trainer.plan, trainer.theta);
    this.history!.clear();
    this.history!.record(0, trainer, Number.NaN);
    this.watch!.reset();
    this.seekView = null;
    this.haltView = null;
    this.haltOptimizer = null;
    this.report = null;
    this.last = null;
    this.evaluated = this.evaluateEvery > 0 ? this.evaluateLive() : null;
  }

  /** Starts over from the seeded initial values (forgetting kept weights). */
  reset(): void {
    if (!this.plan) return;
    this.begin(new Trainer(this.plan));
  }

  /** Runs the next phase; returns it, or null when paused or there is nothing to train. */
  phase(): Phase | null {
    this.seekView = null;
    if (!this.trainerRef || this.report) return null;
    return this.advance();
  }

  /** Completes the current step (all four phases from a fresh one). Returns whether a step completed. */
  step(): boolean {
    this.seekView = null;
    const t = this.trainerRef;
    if (!t || this.report) return false;
    do this.advance();
    while (t.nextPhase !== 'forward' && !this.report);
    return !this.report;
  }

  /** Trains until a budget runs out (or training pauses); returns the steps completed. */
  run(budget: RunBudget = {}): number {
    this.seekView = null;
    const t = this.trainerRef;
    if (!t) return 0;
    const steps = budget.steps ?? Number.POSITIVE_INFINITY;
    const ms = budget.ms ?? Number.POSITIVE_INFINITY;
    if (!Number.isFinite(steps) && !Number.isFinite(ms) && budget.until === undefined) {
      throw new Error('run() needs a budget: steps, ms or until.');
    }
    const start = Number.isFinite(ms) ? this.clock() : 0;
    let done = 0;
    // Nobody looks at the steps in between: backward skips the data's own gradient, and a
    // snapshot or an explanation adds it for the step it shows (completeLive).
    const scope = t.runtime.gradients;
    scope.all = false;
    try {
      while (done < steps && !this.report && (budget.until === undefined || t.step < budget.until)) {
        if (!this.step()) break;
        done++;
        if (Number.isFinite(ms) && this.clock() - start >= ms) break;
      }
    } finally {
      scope.all = true;
    }
    return done;
  }

  /** The live run's gradients, all of them: adds what a fast step left out (see run). */
  private completeLive(t: Trainer): void {
    if (!t.runtime.gradientsPending) return;
    t.completeGradients(this.history?.at(t.step - 1) ?? null);
  }

  private advance(): Phase {
    const t = this.trainerRef!;
    const phase = t.runPhase();
    this.last = phase;
    const report = checkPhase(t, phase);
    if (report) {
      this.report = report;
      if (phase === 'update') {
        // Back to the last step whose numbers were all finite: the history holds it.
        t.theta.set(this.history!.at(t.step - 1)!);
        t.step--;
      }
      this.halt(t, phase);
    } else if (phase === 'update') {
      this.afterStep(t);
    }
    return phase;
  }

  /**
   * Shows the last finite step in place of the broken one. The trainer's buffers hold the broken
   * step's batch, loss and gradients (and, if the update failed, an optimizer state one step on),
   * so that step is recomputed from the history on buffers of the session's own.
   */
  private halt(t: Trainer, phase: Phase): void {
    this.haltOptimizer = phase === 'update' ? null : t.optimizerState.map((s) => s.slice());
    // Buffers of its own: seeking while halted must not overwrite what going back to live shows.
    this.haltView = computeView(t, this.history!, t.step, makeSeekBuffers(t));
  }

  private afterStep(t: Trainer): void {
    this.history!.record(t.step, t, t.loss, t.penalty);
    this.watch!.observe(t);
    if (!this.replaying && this.evaluateEvery > 0 && t.step % this.evaluateEvery === 0) {
      this.evaluated = this.evaluateLive();
    }
  }

  /**
   * "Continue from here": puts the run back at `step`. The history holds a checkpoint of the whole
   * run (θ, optimizer state, the loader's place) at or just before every step it can show, so this
   * restores the one before `step` and trains the single step `step` again — runs are reproducible
   * bit for bit, so it lands exactly on the θ the history held. A step between checkpoints (far
   * back, where they thin out) is reached by replaying from the one before it.
   */
  rewind(step: number): RewindResult {
    const plan = this.plan;
    const t = this.trainerRef;
    const h = this.history;
    if (!plan || !t || !h) throw new Error('Nothing to rewind: the graph does not compile.');
    if (!Number.isInteger(step) || step < 0 || step > t.step) {
      throw new RangeError(`Can rewind to a step from 0 to ${t.step}, not ${step}.`);
    }
    const expected = h.at(step)?.slice() ?? null;
    const from = step === 0 ? 0 : h.floor(step - 1);
    const checkpoint = h.checkpoint(from);
    if (!checkpoint) throw new RangeError(`Step ${step} can no longer be reached.`);
    h.truncate(from);
    t.restore(checkpoint);
    this.watch!.reset();
    this.seekView = null;
    this.haltView = null;
    this.haltOptimizer = null;
    this.report = null;
    this.replaying = true;
    try {
      while (t.step < step) {
        if (!this.step()) break;
      }
    } finally {
      this.replaying = false;
    }
    this.last = null;
    if (this.evaluateEvery > 0) this.evaluated = this.evaluateLive();
    let matches: boolean | null = null;
    if (expected) {
      matches = expected.length === t.theta.length;
      for (let i = 0; matches && i < expected.length; i++) matches = Object.is(expected[i], t.theta[i]);
    }
    return { step: t.step, matchesHistory: matches };
  }

  /**
   * The step the timeline can show nearest `step`: one the history can recompute exactly (step 0,
   * or one right after a checkpoint). `snap` says which way to look when `step` itself cannot be
   * shown: 'down' (default) to the latest before it, 'up' to the earliest after it (or the run's own step).
   */
  showable(step: number, snap: 'down' | 'up' = 'down'): number {
    const t = this.trainerRef;
    const h = this.history;
    return t && h ? showableStep(t, h, step, snap) : 0;
  }

  /**
   * Shows the graph as it was after `step` without changing the run: θ from the history, and that
   * step's batch run forward and backward (on θ before its update, as the step itself did) on
   * buffers of the session's own. null (or the run's own step) goes back to the live run.
   */
  seek(step: number | null, snap?: 'down' | 'up'): void {
    const t = this.trainerRef;
    const live = this.haltView ? this.haltView.step : t?.nextPhase === 'forward' ? t.step : -1;
    if (step !== null && t && snap && Number.isInteger(step) && step >= 0 && step <= t.step) {
      step = this.showable(step, snap);
    }
    if (step === null || !t || step === live) {
      this.seekView = null;
      return;
    }
    this.seekBuffers ??= makeSeekBuffers(t);
    this.seekView = computeView(t, this.history!, step, this.seekBuffers);
  }

  /** What snapshots, explanations and the heatmap show: a seeked step, or the last finite one. */
  private get shownView(): SeekView | null {
    return this.seekView ?? this.haltView;
  }

  private evaluateLive(): Evaluation | null {
    const t = this.trainerRef;
    if (!t || !this.evaluator || !t.plan.data) return null;
    return withPenalty(t.plan, t.theta, {
      step: t.step,
      train: this.evaluator.evaluate('train'),
      test: this.evaluator.evaluate('test'),
    });
  }

  /** Train and test loss and accuracy of the θ shown (the seeked step's while seeking). */
  evaluate(): Evaluation | null {
    const view = this.seekView;
    if (view) {
      if (!this.plan?.data) return null;
      view.evaluation = withPenalty(this.plan, view.after, {
        step: view.step,
        train: view.evaluator.evaluate('train'),
        test: view.evaluator.evaluate('test'),
      });
      return view.evaluation;
    }
    this.evaluated = this.evaluateLive();
    return this.evaluated;
  }

  /** The prediction (or a node's output) over the input plane, for the θ shown. */
  predictGrid(options: GridOptions = {}): GridPrediction | null {
    const evaluator = this.shownView?.evaluator ?? this.evaluator;
    return evaluator ? evaluator.predictGrid(options) : null;
  }

  /**
   * The buffers gradients are checked and explained on: the run's, or while seeking the shown
   * step's (its batch at θ before its update, as the step itself computed it).
   */
  private gradientSubject(what: string): GradientSubject {
    const t = this.trainerRef;
    if (!t) throw new Error(`Nothing to ${what}: the graph does not compile.`);
    const view = this.shownView;
    if (view) return viewSubject(t, view);
    this.completeLive(t);
    return t;
  }

  /** Finite-difference check of ∂L/∂θ_index on the shown batch (the run is left as it was). */
  verifyGradient(index: number): GradientVerification {
    return verifyGradient(this.gradientSubject('check'), index);
  }

  /** The chain rule behind an edge's gradient, with the shown step's numbers. */
  explainEdge(edgeId: EdgeId, options: ExplainOptions = {}): GradientExplanation {
    return explainEdgeGradient(this.gradientSubject('explain'), edgeId, options);
  }

  /** The chain rule behind ∂L/∂θ_index, with the shown step's numbers. */
  explainParameter(index: number, options: ExplainOptions = {}): GradientExplanation {
    return explainParameter(this.gradientSubject('explain'), index, options);
  }

  /**
   * What the canvas shows, as fresh copies in typed arrays (transferable). `lossesFrom`: the first
   * step whose loss to include (default: only the run's latest step).
   */
  snapshot(options: { lossesFrom?: number } = {}): TrainingSnapshot | null {
    const t = this.trainerRef;
    const plan = this.plan;
    if (!t || !plan) return null;
    const view = this.shownView;
    if (!view) this.completeLive(t);
    const seeking = this.seekView !== null;
    const step = view ? view.step : t.step;
    const rt = view ? view.runtime : t.runtime;
    const n = rt.n;
    const example = Math.min(this.example, Math.max(0, n - 1));
    const last: Phase | null = view ? (view.step > 0 ? 'update' : null) : this.last;
    const next: Phase = view ? 'forward' : t.nextPhase;
    const from = Math.min(options.lossesFrom ?? t.step, t.step + 1);
    const liveLoader = t.loader;
    const indices = view
      ? view.batch.slice()
      : liveLoader && t.step + (t.nextPhase === 'forward' ? 0 : 1) > 0
        ? liveLoader.batch.slice(0, liveLoader.count)
        : new Int32Array(0);
    return {
      loadId: this.loads,
      step,
      epoch: view ? epochAt(t, view.step) : t.epoch,
      liveStep: t.step,
      seeking,
      phase: { last, next, touched: last ? this.touches![last] : { nodes: [], edges: [] } },
      loss: view ? view.loss : t.loss,
      losses: {
        from: Math.max(1, from),
        values: this.history!.lossesFrom(from),
        ...(t.runtime.penalized ? { penalties: this.history!.penaltiesFrom(from) } : {}),
      },
      evaluation: seeking ? view!.evaluation : this.evaluated,
      theta: (view ? view.after : t.theta).slice(),
      thetaGrad: (view ? view.grad : t.thetaGrad).slice(),
      delta: (view ? view.delta : t.delta).slice(),
      history: {
        exactEvery: spacingAt(t.step - step, this.history!.recent),
        everyStepFrom: Math.max(0, t.step - this.history!.recent + 1),
      },
      optimizer: this.optimizerShown(seeking),
      batch: { indices, size: n, example },
      values: compact(plan, rt, rt.values, example),
      grads: compact(plan, rt, rt.grads, example),
      nonFinite: this.report,
      paused: this.report !== null,
      diagnostics: [...this.diagnostics],
    };
  }

  /** The optimizer state of what is shown: none while seeking (the history keeps θ only). */
  private optimizerShown(seeking: boolean): TrainingSnapshot['optimizer'] {
    const state = this.haltView ? this.haltOptimizer : this.trainerRef!.optimizerState;
    if (seeking || !state) return null;
    return {
      names: [...(this.plan!.optimizer?.kind.optimizer?.state ?? [])],
      state: state.map((s) => s.slice()),
    };
  }
}

/** An evaluation with the penalty term at its θ, when the trained loss has one (the chart's own line). */
function withPenalty(plan: Plan, theta: Float64Array, evaluation: Evaluation): Evaluation {
  const penalty = penaltyAt(plan, theta);
  return penalty === undefined ? evaluation : { ...evaluation, penalty };
}
