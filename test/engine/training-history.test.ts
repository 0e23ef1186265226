import { describe, expect, it } from 'vitest';
import { findExample } from '../../src/engine';
import { compile } from '../../src/engine/compiler/compile';
import { Trainer } from '../../src/engine/runtime/trainer';
import {
  type CheckpointSource,
  isKept,
  keptBound,
  ParameterHistory,
  spacingAt,
  TrainingSession,
} from '../../src/engine/training';

/** A run of one parameter whose θ after step s is s·10 (no optimizer state, no data). */
const at = (step: number): CheckpointSource => ({
  theta: Float64Array.of(step * 10),
  optimizerState: [],
  loader: null,
});

describe('the thinning rule', () => {
  it('keeps every step among the recent ones, then every 2nd, 4th, 8th … step, bands doubling', () => {
    // recent = 4: distances 0–3 every step, 4–7 every 2nd, 8–15 every 4th, 16–31 every 8th.
    expect([0, 3, 4, 7, 8, 15, 16, 31, 32].map((d) => spacingAt(d, 4))).toEqual([1, 1, 2, 2, 4, 4, 8, 8, 16]);
    const kept = Array.from({ length: 41 }, (_, s) => s).filter((s) => isKept(s, 40, 4));
    // Worked out by hand from the bands above, latest = 40: 37–40 (1), 33–36 (2), 25–32 (4),
    // 9–24 (8), 0–8 (16); and step 0 always.
    expect(kept).toEqual([0, 16, 24, 28, 32, 34, 36, 37, 38, 39, 40]);
  });

  it('never wants back a step it has dropped, and stays near recent · (1 + ½ log₂(L / recent))', () => {
    const recent = 16;
    const alive = new Set<number>();
    let most = 0;
    for (let latest = 0; latest <= 20_000; latest++) {
      alive.add(latest);
      for (const s of alive) if (!isKept(s, latest, recent)) alive.delete(s);
      most = Math.max(most, alive.size);
      if (latest % 997 === 0) {
        // Every step the rule keeps is still there: none was dropped too early.
        for (let s = 0; s <= latest; s++) if (isKept(s, latest, recent)) expect(alive.has(s)).toBe(true);
      }
    }
    expect(alive.has(0)).toBe(true);
    expect(most).toBeLessThanOrEqual(keptBound(20_000, recent));
    expect(most).toBeLessThan(recent * (1 + 0.5 * Math.log2(20_000 / recent)) + 2 * recent);
  });
});

describe('ParameterHistory', () => {
  it('reaches step 0 of a long run while holding a few hundred checkpoints', () => {
    const h = new ParameterHistory(1, 0, { recent: 32 });
    for (let s = 0; s <= 100_000; s++) h.record(s, at(s), s);
    expect(h.latest).toBe(100_000);
    expect(h.oldest).toBe(0);
    expect(h.at(0)).toEqual(Float64Array.of(0));
    // The recent steps one by one, and exactly the steps the rule keeps further back.
    for (let s = 100_000 - 31; s <= 100_000; s++) expect(h.at(s)).toEqual(Float64Array.of(s * 10));
    for (let s = 0; s <= 100_000; s += 7) expect(h.has(s)).toBe(isKept(s, 100_000, 32));
    expect(h.size).toBeLessThanOrEqual(keptBound(100_000, 32));
    expect(h.size).toBeLessThan(400);
    // The nearest checkpoints either side of a step that is not kept.
    const gap = spacingAt(100_000 - 50_001, 32);
    expect(h.floor(50_001)).toBe(50_001 - (50_001 % gap));
    expect(h.ceil(50_001)).toBe(50_001 - (50_001 % gap) + gap);
    // Losses of the recent million steps stay.
    expect(h.lossAt(3)).toBe(3);
  });

  it('keeps each step’s penalty term beside its loss, through the rings’ growth, and none without', () => {
    const h = new ParameterHistory(1, 0, { recent: 32 });
    h.record(0, at(0), Number.NaN);
    for (let s = 1; s <= 5000; s++) h.record(s, at(s), s, s / 1000);
    const penalties = h.penaltiesFrom(4990);
    expect(Array.from(penalties)).toEqual(Array.from({ length: 11 }, (_, i) => (4990 + i) / 1000));
    expect(h.penaltiesFrom(1)[0]).toBe(0.001);
    expect(h.lossesFrom(4990)[0]).toBe(4990);
    const plain = new ParameterHistory(1, 0, { recent: 32 });
    for (let s = 0; s <= 10; s++) plain.record(s, at(s), s);
    expect(Array.from(plain.penaltiesFrom(1)).every(Number.isNaN)).toBe(true);
  });

  it('shrinks its band of single steps to fit the byte budget, never below 2', () => {
    expect(new ParameterHistory(10, 1).recent).toBe(1000);
    const tight = new ParameterHistory(1000, 10, { maxBytes: 4 * 1024 * 1024 });
    expect(tight.recent).toBeLessThan(1000);
    expect(keptBound(2 ** 40, tight.recent) * (1000 * 8 + 40 + 128)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(new ParameterHistory(10_000_000, 0).recent).toBe(2);
  });

  it('forgets the future when an earlier step is recorded again, and on truncate', () => {
    const h = new ParameterHistory(1, 0, { recent: 100 });
    for (let s = 0; s <= 10; s++) h.record(s, at(s), s);
    h.truncate(6);
    expect(h.latest).toBe(6);
    expect(h.at(7)).toBeNull();
    h.record(4, at(40), 99);
    expect(h.latest).toBe(4);
    expect(h.at(4)).toEqual(Float64Array.of(400));
    expect(h.lossAt(4)).toBe(99);
    expect(h.at(5)).toBeNull();
    h.clear();
    expect(h.at(0)).toBeNull();
    expect(h.latest).toBe(-1);
  });
});

describe('checkpoints', () => {
  it('a trainer restored from a checkpoint goes on bit for bit as the straight run (Adam, shuffled batches)', () => {
    const graph = findExample('spiral')!.build();
    const plan = compile(graph).plan!;
    expect(plan.data!.table.shuffle).toBe(true);
    expect(plan.optimizer!.kind.id).toBe('opt.adam');
    const straight = new Trainer(plan);
    const h = new ParameterHistory(
      plan.paramCount,
      straight.loader!.batchSize,
      { recent: 8 },
      straight.optimizerState.length,
      4 * plan.data!.table.train.count,
    );
    h.record(0, straight, Number.NaN);
    // Several epochs (and reshuffles): the spiral's 2-8-8-1 takes ~10 steps an epoch.
    for (let s = 1; s <= 400; s++) {
      straight.trainStep();
      h.record(s, straight, straight.loss);
    }
    for (const from of [0, 64, 256, 399]) {
      expect(h.has(from)).toBe(true);
      const resumed = new Trainer(plan);
      resumed.restore(h.checkpoint(from)!);
      const replay = new Trainer(plan);
      for (let s = 0; s < from; s++) replay.trainStep();
      for (let s = from; s < 400; s++) {
        resumed.trainStep();
        replay.trainStep();
      }
      expect(resumed.step).toBe(400);
      for (let i = 0; i < plan.paramCount; i++)
        expect(Object.is(resumed.theta[i], straight.theta[i])).toBe(true);
      expect(resumed.optimizerState).toEqual(straight.optimizerState);
      expect(resumed.loader!.epoch).toBe(straight.loader!.epoch);
      expect(resumed.theta).toEqual(replay.theta);
    }
  });

  it('continues from step 1 of a 100,000-step run from a checkpoint, not by replaying the run', () => {
    const s = new TrainingSession({ evaluateEvery: 0 });
    s.load(findExample('border-at-3')!.build());
    s.run({ steps: 100_000 });
    expect(s.showable(1)).toBe(1);
    s.seek(1);
    const shownAtOne = s.snapshot()!.theta.slice();
    s.seek(null);
    // Step 0 is kept, step 1 far back is not: continuing restores step 0 and trains one step.
    expect(s.timeline!.has(0)).toBe(true);
    expect(s.timeline!.has(1)).toBe(false);
    expect(s.rewind(1).step).toBe(1);
    expect(s.trainer!.theta).toEqual(shownAtOne);
    expect(s.timeline!.latest).toBe(1);
    // And it goes on exactly as a fresh run does.
    s.run({ steps: 9 });
    const fresh = new TrainingSession({ evaluateEvery: 0 });
    fresh.load(findExample('border-at-3')!.build());
    fresh.run({ steps: 10 });
    expect(s.trainer!.theta).toEqual(fresh.trainer!.theta);
  });
});
