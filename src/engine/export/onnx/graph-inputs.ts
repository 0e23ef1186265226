/**
 * The model's inputs: the dataset's features, one N × 1 graph input each, named after the feature,
 * and — for a standardized CSV — the nodes that move each raw column by the training split's mean
 * and scale, so the model takes the raw columns as a user has them.
 */
import type { Plan } from '../../compiler/plan';
import type { OnnxGraph, Value } from './builder';
import type { ValueInfoProto } from './proto';
import { tensorInfo } from './tensor-info';

/** Where a value lives in the exporter's map: a node's output port. */
export const refKey = (node: string, port: string) => `${node}\u0000${port}`;

/**
 * Declares one graph input per feature (a unique name each, claimed before any internal tensor)
 * and sets the data node's ports in `values`: `x0`, `x1`, … and `features` (all side by side).
 */
export function featureInputs(g: OnnxGraph, plan: Plan, values: Map<string, Value>): ValueInfoProto[] {
  const data = plan.data;
  if (!data) return [];
  const inputs: ValueInfoProto[] = [];
  const features = data.table.featureNames.map((name, i) => {
    const base = name.trim() || `x${i}`;
    let input = base;
    for (let k = 2; !g.claim(input); k++) input = `${base}_${k}`;
    inputs.push(tensorInfo(input, 1, `feature ${i + 1} of “${data.table.name}”`));
    return { tensor: input, width: 1 } satisfies Value;
  });
  setFeatures(values, data.node, features);
  return inputs;
}

/** A standardized CSV: the model takes the raw columns and moves them as training did. */
export function standardizeFeatures(g: OnnxGraph, plan: Plan, values: Map<string, Value>): void {
  const data = plan.data;
  if (!data?.table.standardized) return;
  const { mean, scale } = data.table.standardized;
  const parts = data.table.featureNames.map((_, i) => {
    const raw = values.get(refKey(data.node, `x${i}`)) as { tensor: string; width: number };
    const hint = `${raw.tensor}/standardized`;
    const centred = g.op('Sub', [raw.tensor, g.floats(`${raw.tensor}/mean`, [1], [mean[i]])], hint);
    const moved = g.op('Mul', [centred, g.floats(`${raw.tensor}/scale`, [1], [scale[i]])], hint);
    return { tensor: moved, width: 1 } satisfies Value;
  });
  setFeatures(values, data.node, parts);
}

function setFeatures(values: Map<string, Value>, node: string, features: Value[]): void {
  for (const [i, f] of features.entries()) values.set(refKey(node, `x${i}`), f);
  values.set(refKey(node, 'features'), { parts: features, width: features.length });
}
