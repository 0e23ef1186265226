import { describe, expect, it } from 'vitest';
import { ParameterHistory } from '../../src/engine/training';

const row = (step: number, size = 3) => Float64Array.from({ length: size }, (_, i) => step * 10 + i);

describe('ParameterHistory', () => {
  it('keeps the last maxSteps rows and forgets older ones', () => {
    const h = new ParameterHistory(3, 2, { maxSteps: 5 });
    expect(h.capacity).toBe(5);
    for (let s = 0; s <= 12; s++)
      h.record(s, row(s), s === 0 ? Number.NaN : s / 2, Int32Array.of(s, s + 1), 2);
    expect(h.latest).toBe(12);
    expect(h.oldest).toBe(8);
    expect(h.at(7)).toBeNull();
    expect(h.at(8)).toEqual(row(8));
    expect(h.at(12)).toEqual(row(12));
    expect(h.at(13)).toBeNull();
    expect(h.batchAt(10)).toEqual(Int32Array.of(10, 11));
    // Losses outlive the rows.
    expect(h.lossAt(3)).toBe(1.5);
    expect(Number.isNaN(h.lossAt(0))).toBe(true);
    expect(Array.from(h.lossesFrom(10))).toEqual([5, 5.5, 6]);
  });

  it('fits its rows within the byte budget', () => {
    const h = new ParameterHistory(1000, 10, { maxBytes: 1000 * 8 * 7 + 10 * 4 * 7 });
    expect(h.capacity).toBe(7);
    const big = new ParameterHistory(10_000_000, 0);
    // 80 MB a row: over the 64 MB budget, yet two rows are always kept (θ before and after a step).
    expect(big.capacity).toBe(2);
    expect(new ParameterHistory(2, 1).capacity).toBe(1000);
  });

  it('forgets the future when an earlier step is recorded again, and on truncate', () => {
    const h = new ParameterHistory(3, 0, { maxSteps: 100 });
    for (let s = 0; s <= 10; s++) h.record(s, row(s), s);
    h.truncate(6);
    expect(h.latest).toBe(6);
    expect(h.at(7)).toBeNull();
    h.record(4, row(40), 99);
    expect(h.latest).toBe(4);
    expect(h.at(4)).toEqual(row(40));
    expect(h.lossAt(4)).toBe(99);
    expect(h.at(5)).toBeNull();
    h.clear();
    expect(h.at(0)).toBeNull();
    expect(h.latest).toBe(-1);
  });

  it('grows its loss ring without losing a loss', () => {
    const h = new ParameterHistory(1, 0, { maxSteps: 2, maxLosses: 5000 });
    for (let s = 0; s <= 4000; s++) h.record(s, row(s, 1), s);
    expect(h.lossAt(1)).toBe(1);
    expect(h.lossAt(4000)).toBe(4000);
    expect(h.lossesFrom(1).length).toBe(4000);
    for (let s = 4001; s <= 6000; s++) h.record(s, row(s, 1), s);
    expect(h.oldestLoss).toBe(1001);
    expect(Number.isNaN(h.lossAt(1000))).toBe(true);
    expect(h.lossAt(1001)).toBe(1001);
  });
});
