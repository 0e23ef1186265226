import { describe, expect, it } from 'vitest';
import { LossCurve } from '../../src/engine/training';

describe('LossCurve', () => {
  it('holds every step while there is room', () => {
    const c = new LossCurve(16, 4);
    c.append(1, [5, 4, 3]);
    c.append(4, [2]);
    expect(Array.from(c.steps)).toEqual([1, 2, 3, 4]);
    expect(Array.from(c.means())).toEqual([5, 4, 3, 2]);
  });

  it('stays within its capacity over a long run: recent steps one by one, older ones as exact means', () => {
    const c = new LossCurve(64, 16);
    // Loss of step s is s: a merged point's mean is the mean of the steps it covers.
    for (let s = 1; s <= 100_000; s += 1000)
      c.append(
        s,
        Float64Array.from({ length: 1000 }, (_, i) => s + i),
      );
    expect(c.length).toBeLessThanOrEqual(64);
    expect(c.lastStep).toBe(100_000);
    const steps = Array.from(c.steps);
    const means = Array.from(c.means());
    // The 16 latest are single steps.
    expect(steps.slice(-16)).toEqual(Array.from({ length: 16 }, (_, i) => 100_000 - 15 + i));
    expect(means.slice(-16)).toEqual(steps.slice(-16));
    // Each older point covers the steps after the previous point's end: mean = (first + last) / 2.
    for (let i = 0; i < steps.length; i++) {
      const first = i === 0 ? 1 : steps[i - 1] + 1;
      expect(means[i]).toBeCloseTo((first + steps[i]) / 2, 6);
    }
  });

  it('skips non-finite losses in a mean, and forgets what comes after a rewind', () => {
    const c = new LossCurve(8, 2);
    c.append(1, [1, Number.NaN, 3, Number.POSITIVE_INFINITY, 5, 6, 7, 8, 9, 10]);
    expect(c.length).toBeLessThanOrEqual(8);
    // Capacity 8 reached at step 9: steps 1–6 were merged in pairs (1–2, 3–4, 5–6).
    expect(Array.from(c.steps)).toEqual([2, 4, 6, 7, 8, 9, 10]);
    expect(Array.from(c.lossCounts)).toEqual([1, 1, 2, 1, 1, 1, 1]);
    expect(Array.from(c.means())).toEqual([1, 3, 5.5, 7, 8, 9, 10]);
    // Back to step 5 and on: the point 5–6 reached past it and went whole.
    c.append(6, [60]);
    expect(Array.from(c.steps)).toEqual([2, 4, 6]);
    expect(Array.from(c.means())).toEqual([1, 3, 60]);
  });
});
