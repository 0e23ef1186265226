/**
 * The engine as the app runs it: a compiled plan trained by a Trainer, one `trainStep()` per batch,
 * with the gradients training needs (as the app's session trains at full speed: the data's own
 * ∂L/∂x is computed only for a step that is shown).
 */
import { nodeId, type Plan, Trainer } from '../src/engine';
import { Runtime } from '../src/engine/runtime/runtime';
import type { Contender, LayerParams } from './setup';

export function engineContender(plan: Plan): Contender & { trainer: Trainer } {
  const trainer = new Trainer(plan);
  trainer.runtime.gradients.all = false;
  return {
    trainer,
    step: () => trainer.trainStep(),
    loss: () => fullLoss(plan, trainer.theta),
  };
}

/**
 * L over the whole training set at θ, on a runtime of its own (as the app evaluates its test set),
 * so the trainer's batch order is not disturbed.
 */
export function fullLoss(plan: Plan, theta: Float64Array): number {
  const { table, features, target } = plan.data!;
  const { train, nFeatures, nTargets } = table;
  const rt = new Runtime(plan, theta, new Float64Array(plan.paramCount), train.count);
  rt.values.set(train.x.subarray(0, train.count * nFeatures), rt.offset(features));
  rt.values.set(train.y.subarray(0, train.count * nTargets), rt.offset(target));
  rt.n = train.count;
  rt.forward();
  return rt.computeLoss();
}

/** The layers' W ([out][in], row-major) and b of a dense-level plan, copied out of θ. */
export function denseLayerParams(plan: Plan, theta: Float64Array, layers: number): LayerParams[] {
  return Array.from({ length: layers }, (_, i) => {
    const node = plan.nodes.get(nodeId(`dense${i + 1}`));
    if (!node) throw new Error(`no layer dense${i + 1} in the plan`);
    const { W, b } = node.blocks;
    return { W: theta.slice(W.offset, W.offset + W.size), b: theta.slice(b.offset, b.offset + b.size) };
  });
}

/** ∂L/∂θ of a dense-level plan at θ on the given training rows, per layer (for the cross-check). */
export function engineGradientOn(
  plan: Plan,
  theta: Float64Array,
  rows: readonly number[],
  layers: number,
): LayerParams[] {
  const { table, features, target } = plan.data!;
  const { train, nFeatures: d, nTargets: m } = table;
  const grad = new Float64Array(plan.paramCount);
  const rt = new Runtime(plan, theta, grad, rows.length);
  rows.forEach((row, b) => {
    rt.values.set(train.x.subarray(row * d, (row + 1) * d), rt.offset(features) + b * d);
    rt.values.set(train.y.subarray(row * m, (row + 1) * m), rt.offset(target) + b * m);
  });
  rt.n = rows.length;
  rt.forward();
  rt.computeLoss();
  rt.backward();
  return denseLayerParams(plan, grad, layers);
}
