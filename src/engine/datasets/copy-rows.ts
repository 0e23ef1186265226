/**
 * Copies examples of a split into a batch: example `rows[b]` of `split` becomes example b of the
 * batch's feature and target slots (example b's numbers at offset + b·width, as the runtime lays
 * them out). The training loader, replay (scrubbing the timeline) and evaluation all fill their
 * batches through this one function. Allocation-free: the training loop calls it every step.
 */
import type { Split } from './table';

/** Row indices into a split: a list (a shuffled batch), or `count` rows in a run from `start`. */
export type Rows = ArrayLike<number> | { start: number };

export function copyRows(
  split: Split,
  nFeatures: number,
  nTargets: number,
  rows: Rows,
  count: number,
  features: Float64Array,
  featureOffset: number,
  targets: Float64Array,
  targetOffset: number,
): void {
  const { x, y } = split;
  const d = nFeatures;
  const t = nTargets;
  if ('start' in rows) {
    // A run of rows is one run of numbers in both.
    const s = rows.start;
    features.set(x.subarray(s * d, (s + count) * d), featureOffset);
    targets.set(y.subarray(s * t, (s + count) * t), targetOffset);
    return;
  }
  for (let b = 0; b < count; b++) {
    const row = rows[b];
    for (let j = 0; j < d; j++) features[featureOffset + b * d + j] = x[row * d + j];
    for (let j = 0; j < t; j++) targets[targetOffset + b * t + j] = y[row * t + j];
  }
}
