import { describe, expect, it } from 'vitest';
import { fmtStep, STEP_INCREMENTS } from '../../src/ui/training/format';

describe('step axis labels', () => {
  it('are compact at every size', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [7, '7'],
      [950, '950'],
      [1000, '1k'],
      [1500, '1.5k'],
      [12_000, '12k'],
      [250_000, '250k'],
      [999_000, '999k'],
      [999_999, '1M'],
      [1_000_000, '1M'],
      [2_500_000, '2.5M'],
      [1_200_000_000, '1.2B'],
    ];
    for (const [n, label] of cases) expect(fmtStep(n)).toBe(label);
  });

  it('never get longer than 5 characters up to a billion steps', () => {
    for (let n = 1; n < 1e9; n = Math.ceil(n * 1.37)) expect(fmtStep(n).length).toBeLessThanOrEqual(5);
  });

  it('ticks come in whole steps of 1, 2 and 5 times a power of ten', () => {
    expect(STEP_INCREMENTS.slice(0, 7)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(STEP_INCREMENTS.every(Number.isInteger)).toBe(true);
    expect(STEP_INCREMENTS[STEP_INCREMENTS.length - 1]).toBeGreaterThanOrEqual(1e9);
  });
});
