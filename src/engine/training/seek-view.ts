/**
 * Showing an earlier step without changing the run: the step the history can recompute nearest a
 * wanted one, and that step recomputed from its checkpoint on buffers of its own — its batch
 * forward and backward on θ before its update, and the update itself — the same operations on the
 * same numbers as the run, so the same results bit for bit.
 */
import { copyRows } from '../datasets/copy-rows';
import { Runtime } from '../runtime/runtime';
import type { Trainer } from '../runtime/trainer';
import { type Evaluation, Evaluator } from './evaluate';
import type { GradientSubject } from './gradient-check';
import type { Checkpoint, ParameterHistory } from './history';

/** An earlier step recomputed on buffers of its own. */
export interface SeekView {
  step: number;
  /** θ before the step (the forward and backward ran on it) and after it (what is shown). */
  before: Float64Array;
  after: Float64Array;
  grad: Float64Array;
  delta: Float64Array;
  /** The optimizer's state, when the update is recomputed (a step between checkpoints). */
  state: Float64Array[];
  runtime: Runtime;
  evaluator: Evaluator;
  loss: number;
  batch: Int32Array;
  evaluation: Evaluation | null;
}

/** The buffers a view is recomputed on, made once per plan and reused by every seek. */
export type SeekBuffers = Omit<SeekView, 'step' | 'loss' | 'batch' | 'evaluation'>;

/**
 * The step the timeline can show nearest `step`: one the history can recompute exactly (step 0,
 * or one right after a checkpoint). `snap` says which way to look when `step` itself cannot be
 * shown: 'down' to the latest before it, 'up' to the earliest after it (or the run's own step).
 */
export function showableStep(t: Trainer, h: ParameterHistory, step: number, snap: 'down' | 'up'): number {
  const s = Math.max(0, Math.min(t.step, Math.round(step)));
  if (s === 0 || s === t.step || h.has(s - 1)) return s;
  if (snap === 'up') {
    const next = h.ceil(s - 1);
    return next < 0 || next + 1 > t.step ? t.step : next + 1;
  }
  return Math.max(0, h.floor(s - 1) + 1);
}

/** Buffers for views of `t`'s plan, apart from the run's own. */
export function makeSeekBuffers(t: Trainer): SeekBuffers {
  const plan = t.plan;
  const before = new Float64Array(plan.paramCount);
  const after = new Float64Array(plan.paramCount);
  const grad = new Float64Array(plan.paramCount);
  return {
    before,
    after,
    grad,
    state: t.optimizerState.map(() => new Float64Array(plan.paramCount)),
    delta: new Float64Array(plan.paramCount),
    runtime: new Runtime(plan, before, grad, t.runtime.capacity, { mode: 'train' }),
    evaluator: new Evaluator(plan, after),
  };
}

/**
 * A view's buffers for checking and explaining gradients: its batch at θ before its update, as the
 * step itself computed it.
 */
export function viewSubject(t: Trainer, view: SeekView): GradientSubject {
  return {
    plan: t.plan,
    theta: view.before,
    thetaGrad: view.grad,
    runtime: view.runtime,
    nextPhase: view.step > 0 ? 'update' : 'forward',
    step: view.step,
    loss: view.loss,
  };
}

/** Completed epochs after `step` steps of `t`'s run: an epoch is ⌈train count / batch size⌉ batches. */
export function epochAt(t: Trainer, step: number): number {
  const loader = t.loader;
  if (!loader) return 0;
  const perEpoch = Math.ceil(loader.table.train.count / loader.batchSize);
  return Math.floor(step / perEpoch);
}

/**
 * The view of the graph after `step` of `t`'s run, recomputed from the checkpoint before it on
 * `buffers`: that step's batch forward and backward on θ before its update, and the update itself
 * on a copy of the optimizer's state (or θ after it, when the history keeps it).
 */
export function computeView(t: Trainer, h: ParameterHistory, step: number, buffers: SeekBuffers): SeekView {
  if (!Number.isInteger(step) || step < 0 || step > t.step) {
    throw new RangeError(`Can show a step from 0 to ${t.step}, not ${step}.`);
  }
  const checkpoint = h.checkpoint(step === 0 ? 0 : step - 1);
  if (!checkpoint) {
    throw new RangeError(
      `Step ${step} is not kept exactly: the nearest ones are ${showableStep(t, h, step, 'down')} and ${showableStep(t, h, step, 'up')}.`,
    );
  }
  const { runtime: rt, before, after, delta } = buffers;
  const plan = t.plan;
  before.set(checkpoint.theta);
  rt.values.fill(0);
  rt.grads.fill(0);
  buffers.grad.fill(0);
  let batch = new Int32Array(0);
  let loss = Number.NaN;
  if (step === 0) {
    after.set(before);
    delta.fill(0);
    rt.n = plan.data ? 0 : 1;
    return { ...buffers, step, loss, batch, evaluation: null };
  }
  const data = plan.data;
  if (data && checkpoint.order) {
    // The batch the step trained on: the next rows of the order from where the loader stood.
    const order = checkpoint.order.order;
    const count = Math.min(t.loader!.batchSize, order.length - checkpoint.position);
    batch = order.slice(checkpoint.position, checkpoint.position + count);
    const { nFeatures, nTargets, train } = data.table;
    const f0 = rt.offset(data.features);
    const t0 = rt.offset(data.target);
    copyRows(train, nFeatures, nTargets, batch, batch.length, rt.values, f0, rt.values, t0);
    rt.n = batch.length;
  } else {
    rt.n = 1;
  }
  // The step ran its forward pass with its own random numbers (Dropout's mask): draw them again.
  rt.clock.step = step - 1;
  rt.forward();
  loss = rt.computeLoss();
  rt.backward();
  const kept = h.at(step);
  if (kept) {
    after.set(kept);
    for (let i = 0; i < delta.length; i++) delta[i] = after[i] - before[i];
  } else {
    replayUpdate(t, step, buffers, checkpoint);
  }
  return { ...buffers, step, loss, batch, evaluation: null };
}

/**
 * The update of `step`, which the history does not keep: the optimizer on a copy of its state at
 * the checkpoint, and the buffers (running statistics) taking in the batch just run.
 */
function replayUpdate(t: Trainer, step: number, buffers: SeekBuffers, checkpoint: Checkpoint): void {
  const { runtime: rt, before, after, delta, state } = buffers;
  const plan = t.plan;
  after.set(before);
  for (let i = 0; i < state.length; i++) state[i].set(checkpoint.state[i]);
  const opt = plan.optimizer;
  // The optimizer steps the trained blocks; buffers (running statistics) take in the batch.
  const k = plan.trainableCount;
  if (opt?.kind.optimizer) {
    const trained = state.map((s) => s.subarray(0, k));
    opt.kind.optimizer.step(
      opt.params,
      after.subarray(0, k),
      buffers.grad.subarray(0, k),
      trained,
      step,
      delta.subarray(0, k),
    );
  } else delta.fill(0);
  if (k < plan.paramCount) {
    // The runtime updates the θ it reads (before): move the result to after, then put back.
    rt.updateBuffers();
    after.set(before.subarray(k), k);
    before.set(checkpoint.theta.subarray(k), k);
    for (let i = k; i < delta.length; i++) delta[i] = after[i] - before[i];
  }
}
