/**
 * θ: one flat vector holding every trainable number of a plan, initialised block by block.
 */
import type { Plan } from '../compiler/plan';
import { initialize } from '../init';

/** Block values by block key, to carry learned weights across a recompile. */
export type ParameterMemory = ReadonlyMap<string, Float64Array>;

export function initialParameters(plan: Plan, previous?: ParameterMemory): Float64Array {
  const theta = new Float64Array(plan.paramCount);
  for (const block of plan.blocks) {
    const view = theta.subarray(block.offset, block.offset + block.size);
    const kept = previous?.get(block.key);
    if (kept && kept.length === block.size) view.set(kept);
    else initialize(block.init, view, plan.seed, block.key);
  }
  return theta;
}

export function rememberParameters(plan: Plan, theta: Float64Array): Map<string, Float64Array> {
  return new Map(plan.blocks.map((b) => [b.key, theta.slice(b.offset, b.offset + b.size)]));
}

/** The parameters by label, as the command line prints them: a number, or an array for a block. */
export function parametersByLabel(plan: Plan, theta: Float64Array): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const b of plan.blocks) {
    out[b.label] = b.size === 1 ? theta[b.offset] : Array.from(theta.subarray(b.offset, b.offset + b.size));
  }
  return out;
}
