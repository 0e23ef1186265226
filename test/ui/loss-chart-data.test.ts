/**
 * The loss chart's columns: the train loss at every point of the curve, the test loss and accuracy
 * at the evaluations, and an L1/L2 penalty — a term of the train loss — at the train loss's points.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/engine/training';
import { LossCurve } from '../../src/engine/training';
import { chartData } from '../../src/ui/training/LossChart';

const split = (loss: number) => ({ count: 10, loss, accuracy: 0.5 }) as Evaluation['train'];
const evaluation = (step: number, loss: number, penalty?: number): Evaluation =>
  ({
    step,
    train: split(loss),
    test: split(loss),
    ...(penalty === undefined ? {} : { penalty }),
  }) as Evaluation;

describe('the loss chart’s data', () => {
  it('draws the penalty at every step the train loss has, not only at the evaluations', () => {
    const losses = new LossCurve();
    losses.append(1, [0.9, 0.8, 0.7, 0.6]);
    const penalties = new LossCurve();
    penalties.append(1, [0.1, 0.11, 0.12, 0.13]);
    const [xs, train, test, , penalty] = chartData(losses, [evaluation(2, 0.75, 0.5)], false, penalties);
    expect(xs).toEqual([1, 2, 3, 4]);
    expect(train).toEqual([0.9, 0.8, 0.7, 0.6]);
    expect(test).toEqual([null, 0.75, null, null]);
    // The evaluation's own penalty (at θ after step 2) is not mixed in: the line is the steps'.
    expect(penalty).toEqual([0.1, 0.11, 0.12, 0.13]);
  });

  it('merges the penalty over the same buckets as the train loss on a long run', () => {
    const n = 4800;
    const losses = new LossCurve();
    losses.append(
      1,
      Array.from({ length: n }, () => 1),
    );
    const penalties = new LossCurve();
    penalties.append(
      1,
      Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.2 : 0.4)),
    );
    const [xs, train, , , penalty] = chartData(losses, [], false, penalties);
    expect(xs.length).toBeLessThan(n);
    expect(penalty).toHaveLength(xs.length);
    // At most 1,200 points: buckets of 4 steps, the mean of 0.2, 0.4, 0.2, 0.4 in each.
    expect(xs).toHaveLength(1200);
    for (let i = 0; i < xs.length; i++) {
      expect(train[i]).toBe(1);
      expect(penalty[i]).toBeCloseTo(0.3, 12);
    }
  });

  it('has no penalty points without a penalty curve', () => {
    const losses = new LossCurve();
    losses.append(1, [0.5, 0.4]);
    const [, , , , penalty] = chartData(losses, [], false, new LossCurve());
    expect(penalty).toEqual([null, null]);
  });
});
