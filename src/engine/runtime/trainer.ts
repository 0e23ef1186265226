/**
 * One training run over a plan: θ, its gradient, the optimizer state and the batch loader.
 * A step is four phases — forward, loss, backward, update — that can also be run one at a time,
 * so the canvas can show each. Nothing here allocates per step.
 */
import type { Plan } from '../compiler/plan';
import { BatchLoader, type LoaderOrder } from './loader';
import { initialParameters, type ParameterMemory } from './parameters';
import { Runtime } from './runtime';

export const PHASES = ['forward', 'loss', 'backward', 'update'] as const;
export type Phase = (typeof PHASES)[number];

/** A run's state right after a step (see training/history.ts, which keeps them). */
export interface TrainerCheckpoint {
  readonly step: number;
  readonly theta: Float64Array;
  readonly state: readonly Float64Array[];
  readonly batch: Int32Array;
  readonly count: number;
  readonly loss: number;
  readonly order: LoaderOrder | null;
  readonly position: number;
  readonly epoch: number;
}

export interface TrainerOptions {
  /** Learned values to keep, by block key (after an edit recompiled the graph). */
  previous?: ParameterMemory;
}

export class Trainer {
  readonly theta: Float64Array;
  readonly thetaGrad: Float64Array;
  /** Each parameter's change in the last update. */
  readonly delta: Float64Array;
  /** Optimizer state vectors, named by the optimizer's rule (e.g. m and v for Adam). */
  readonly optimizerState: Float64Array[];
  readonly runtime: Runtime;
  readonly loader: BatchLoader | null;
  /** θ, its gradient, its change and the optimizer's state over the trained blocks only. */
  private readonly trained: {
    theta: Float64Array;
    grad: Float64Array;
    delta: Float64Array;
    state: Float64Array[];
  };
  /** Completed steps. */
  step = 0;
  /** The phase that runs next. */
  nextPhase: Phase = 'forward';
  /** L on the current batch (after the loss phase). */
  loss = Number.NaN;
  /** The penalty terms in `loss` (NaN when the loss has none). */
  penalty = Number.NaN;

  constructor(
    readonly plan: Plan,
    options: TrainerOptions = {},
  ) {
    this.theta = initialParameters(plan, options.previous);
    this.thetaGrad = new Float64Array(plan.paramCount);
    this.delta = new Float64Array(plan.paramCount);
    this.optimizerState = (plan.optimizer?.kind.optimizer?.state ?? []).map(
      () => new Float64Array(plan.paramCount),
    );
    this.loader = plan.data ? new BatchLoader(plan.data.table, plan.orderSeed) : null;
    this.runtime = new Runtime(plan, this.theta, this.thetaGrad, this.loader?.batchSize ?? 1, {
      mode: 'train',
    });
    this.runtime.n = this.loader ? 0 : 1;
    // Buffers (BatchNorm's running statistics) sit after the trained blocks: the optimizer sees
    // views that stop before them, so neither its step nor its weight decay touches them.
    const k = plan.trainableCount;
    this.trained = {
      theta: this.theta.subarray(0, k),
      grad: this.thetaGrad.subarray(0, k),
      delta: this.delta.subarray(0, k),
      state: this.optimizerState.map((s) => s.subarray(0, k)),
    };
  }

  get epoch(): number {
    return this.loader?.epoch ?? 0;
  }

  /**
   * Puts the run back (or on) to a checkpoint: right after step `step`, with θ, the optimizer's
   * state and the loader's place as they were. Training on from here gives, bit for bit, what the
   * run gave. The buffers of the last forward and backward are cleared.
   */
  restore(checkpoint: TrainerCheckpoint): void {
    this.theta.set(checkpoint.theta);
    for (let i = 0; i < this.optimizerState.length; i++) this.optimizerState[i].set(checkpoint.state[i]);
    if (this.loader && checkpoint.order) {
      this.loader.restore(
        checkpoint.order,
        checkpoint.position,
        checkpoint.epoch,
        checkpoint.batch,
        checkpoint.count,
      );
    }
    this.step = checkpoint.step;
    this.nextPhase = 'forward';
    this.loss = checkpoint.loss;
    this.penalty = Number.NaN;
    this.thetaGrad.fill(0);
    this.delta.fill(0);
    this.runtime.clear();
    this.runtime.n = this.loader ? 0 : 1;
  }

  /** Runs the next phase and returns which it was. */
  runPhase(): Phase {
    const phase = this.nextPhase;
    switch (phase) {
      case 'forward':
        // Step t's random numbers (Dropout's masks) depend on t alone: replays and exports agree.
        this.runtime.clock.step = this.step;
        this.loadBatch();
        this.runtime.forward();
        break;
      case 'loss':
        this.loss = this.runtime.computeLoss();
        this.penalty = this.runtime.penalty();
        break;
      case 'backward':
        this.runtime.backward();
        break;
      case 'update':
        this.update();
        this.step++;
        break;
    }
    this.nextPhase = PHASES[(PHASES.indexOf(phase) + 1) % PHASES.length];
    return phase;
  }

  /** Finishes the current step (all four phases when starting fresh). */
  trainStep(): void {
    do this.runPhase();
    while (this.nextPhase !== 'forward');
  }

  /** Forward, loss and backward on the next batch, without updating: the gradient at θ. */
  gradientStep(): void {
    while (this.nextPhase !== 'update') this.runPhase();
  }

  /**
   * Adds the gradients the last backward left out (it ran with `runtime.gradients.all` false: the
   * data's own ∂L/∂x), exactly as a backward with them would have. Once the update has run, they
   * need θ as that backward saw it: `before`, θ after the step before (the history's). Returns
   * whether every gradient is now in place.
   */
  completeGradients(before: Float64Array | null): boolean {
    const rt = this.runtime;
    if (!rt.gradientsPending) return true;
    if (this.nextPhase === 'update') {
      rt.completeGradients();
      return true;
    }
    if (!before) return false;
    // θ as the backward saw it, for as long as it takes, then θ as it is: bit for bit.
    this.swap ??= new Float64Array(this.theta.length);
    this.swap.set(this.theta);
    this.theta.set(before);
    try {
      rt.completeGradients();
    } finally {
      this.theta.set(this.swap);
    }
    return true;
  }

  private swap: Float64Array | null = null;

  private loadBatch(): void {
    const data = this.plan.data;
    if (!data || !this.loader) return;
    const rt = this.runtime;
    this.runtime.n = this.loader.next(rt.values, rt.offset(data.features), rt.values, rt.offset(data.target));
  }

  private update(): void {
    const opt = this.plan.optimizer;
    const t = this.trained;
    if (opt?.kind.optimizer) {
      opt.kind.optimizer.step(opt.params, t.theta, t.grad, t.state, this.step + 1, t.delta);
    } else t.delta.fill(0);
    // Every training step's forward pass moves the running statistics on, with or without an
    // optimizer (PyTorch's BatchNorm updates them in forward, in training mode).
    this.updateBuffers();
  }

  /** Buffers take in this step's batch, and their change is shown as the parameters' is. */
  private updateBuffers(): void {
    const k = this.plan.trainableCount;
    if (k === this.plan.paramCount) return;
    const { theta, delta } = this;
    for (let i = k; i < theta.length; i++) delta[i] = theta[i];
    this.runtime.updateBuffers();
    for (let i = k; i < theta.length; i++) delta[i] = theta[i] - delta[i];
  }
}
