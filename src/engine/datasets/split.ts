/**
 * Divides generated examples into a training and a test split.
 */
import type { Rng } from '../rng';
import type { Split } from './table';

/** How many of `count` examples train when a fraction `testFraction` is held out. */
export function trainCount(count: number, testFraction: number): number {
  return Math.round(count * (1 - testFraction));
}

/**
 * The first trainCount examples of a seeded shuffle train, the rest test. With testFraction 0
 * nothing is shuffled: every example trains, in generation order, so a hand-made ordering (the
 * border set) reaches the learner exactly as written.
 */
export function splitExamples(
  all: Split,
  nFeatures: number,
  nTargets: number,
  testFraction: number,
  rng: Rng,
): { train: Split; test: Split } {
  const order = Int32Array.from({ length: all.count }, (_, i) => i);
  if (testFraction > 0) rng.shuffle(order);
  const nTrain = trainCount(all.count, testFraction);
  const pick = (rows: Int32Array): Split => {
    const x = new Float64Array(rows.length * nFeatures);
    const y = new Float64Array(rows.length * nTargets);
    rows.forEach((row, i) => {
      x.set(all.x.subarray(row * nFeatures, (row + 1) * nFeatures), i * nFeatures);
      y.set(all.y.subarray(row * nTargets, (row + 1) * nTargets), i * nTargets);
    });
    return { x, y, count: rows.length };
  };
  return { train: pick(order.subarray(0, nTrain)), test: pick(order.subarray(nTrain)) };
}
