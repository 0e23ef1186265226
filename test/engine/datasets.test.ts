import { describe, expect, it } from 'vitest';
import {
  buildDataTable,
  DATASETS,
  type DatasetId,
  type DatasetOptions,
  datasetInfo,
} from '../../src/engine/datasets/builtin';
import type { Split } from '../../src/engine/datasets/table';

const ALL_IDS: DatasetId[] = [
  'border',
  'xor-table',
  'xor',
  'circle',
  'gaussians',
  'spiral',
  'linear',
  'sine',
  'gaussians3',
  'digits',
];

function options(dataset: DatasetId, extra: Partial<DatasetOptions> = {}): DatasetOptions {
  return { dataset, n: 200, noise: 0.1, seed: 7, testFraction: 0, batchSize: 16, shuffle: true, ...extra };
}

/** Rows of a split as [features, targets] pairs, for readable assertions. */
function rows(s: Split, nFeatures: number, nTargets: number): { x: number[]; y: number[] }[] {
  return Array.from({ length: s.count }, (_, i) => ({
    x: Array.from(s.x.subarray(i * nFeatures, (i + 1) * nFeatures)),
    y: Array.from(s.y.subarray(i * nTargets, (i + 1) * nTargets)),
  }));
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('the catalogue', () => {
  it('lists every dataset once, in display order, each findable by id', () => {
    expect(DATASETS.map((d) => d.id)).toEqual(ALL_IDS);
    for (const id of ALL_IDS) expect(datasetInfo(id)?.id).toBe(id);
    expect(datasetInfo('mnist')).toBeUndefined();
  });

  it('declares the task and widths each set actually has', () => {
    const shape = (id: DatasetId) => {
      const d = datasetInfo(id)!;
      return [d.task, d.nFeatures, d.nTargets, d.featureNames.length];
    };
    expect(shape('border')).toEqual(['binary', 1, 1, 1]);
    expect(shape('xor')).toEqual(['binary', 2, 1, 2]);
    expect(shape('xor-table')).toEqual(['binary', 2, 1, 2]);
    expect(shape('circle')).toEqual(['binary', 2, 1, 2]);
    expect(shape('gaussians')).toEqual(['binary', 2, 1, 2]);
    expect(shape('spiral')).toEqual(['binary', 2, 1, 2]);
    expect(shape('linear')).toEqual(['regression', 1, 1, 1]);
    expect(shape('sine')).toEqual(['regression', 1, 1, 1]);
    expect(shape('gaussians3')).toEqual(['multiclass', 2, 3, 2]);
    expect(shape('digits')).toEqual(['multiclass', 64, 10, 64]);
  });

  it('explains what noise means in every non-fixed description', () => {
    for (const d of DATASETS) if (!d.fixedSize) expect(d.description).toMatch(/noise/i);
  });
});

describe('buildDataTable', () => {
  it('gives identical arrays for identical options, and different ones for another seed', () => {
    // The digits' 115,000 pixels are held to this in digits.test.ts, more cheaply.
    for (const id of ALL_IDS.filter((d) => d !== 'digits')) {
      const a = buildDataTable(options(id, { testFraction: 0.25 }));
      const b = buildDataTable(options(id, { testFraction: 0.25 }));
      expect(b.train.x).toEqual(a.train.x);
      expect(b.train.y).toEqual(a.train.y);
      expect(b.test.x).toEqual(a.test.x);
      expect(b.test.y).toEqual(a.test.y);
      if (id !== 'border') {
        const c = buildDataTable(options(id, { testFraction: 0.25, seed: 8 }));
        expect(c.train.x).not.toEqual(a.train.x);
      }
    }
  });

  it('produces count × nFeatures inputs and count × nTargets targets for every set', () => {
    for (const id of ALL_IDS) {
      const info = datasetInfo(id)!;
      const t = buildDataTable(options(id, { n: 50, testFraction: 0.2 }));
      const total = info.fixedSize ? info.defaultN : 50;
      expect(t.train.count + t.test.count).toBe(total);
      for (const s of [t.train, t.test]) {
        expect(s.x.length).toBe(s.count * info.nFeatures);
        expect(s.y.length).toBe(s.count * info.nTargets);
        expect(s.x.every(Number.isFinite)).toBe(true);
      }
      expect([t.task, t.nFeatures, t.nTargets]).toEqual([info.task, info.nFeatures, info.nTargets]);
      expect(t.featureNames).toEqual(info.featureNames);
    }
  });

  it('copies batch size and shuffle through as given', () => {
    const t = buildDataTable(options('xor', { batchSize: 5, shuffle: false }));
    expect(t.batchSize).toBe(5);
    expect(t.shuffle).toBe(false);
  });

  it('keeps inputs on a TF-Playground scale with the default noise', () => {
    for (const d of DATASETS) {
      if (d.fixedSize) continue;
      const t = buildDataTable(options(d.id, { n: d.defaultN, noise: d.defaultNoise }));
      const inside = t.train.x.filter((v) => Math.abs(v) <= 6).length;
      expect(inside / t.train.x.length).toBeGreaterThan(0.99);
    }
  });
});

describe('the border set', () => {
  it('is exactly the four points in their given order, whatever n and noise say', () => {
    const t = buildDataTable(options('border', { n: 1000, noise: 5 }));
    expect(Array.from(t.train.x)).toEqual([2.9, -1, 3, 1000]);
    expect(Array.from(t.train.y)).toEqual([0, 0, 1, 1]);
    expect(t.test.count).toBe(0);
  });

  it('ignores invalid n and noise, since it never uses them', () => {
    expect(() => buildDataTable(options('border', { n: 0, noise: -1 }))).not.toThrow();
  });

  it('still holds the same four points when some are held out', () => {
    const t = buildDataTable(options('border', { testFraction: 0.25 }));
    expect([t.train.count, t.test.count]).toEqual([3, 1]);
    const xs = [...t.train.x, ...t.test.x].sort((a, b) => a - b);
    expect(xs).toEqual([-1, 2.9, 3, 1000]);
  });
});

describe('class balance', () => {
  it('splits binary sets as evenly as an odd n allows', () => {
    for (const id of ['xor', 'circle', 'gaussians', 'spiral'] as const) {
      const y = Array.from(buildDataTable(options(id, { n: 101 })).train.y);
      expect(y.every((v) => v === 0 || v === 1)).toBe(true);
      const ones = y.filter((v) => v === 1).length;
      expect([50, 51]).toContain(ones);
    }
  });

  it('gives gaussians3 one-hot rows and three near-equal classes', () => {
    const t = buildDataTable(options('gaussians3', { n: 100 }));
    const counts = [0, 0, 0];
    for (const { y } of rows(t.train, 2, 3)) {
      expect(y.reduce((a, b) => a + b, 0)).toBe(1);
      expect(y.every((v) => v === 0 || v === 1)).toBe(true);
      counts[y.indexOf(1)]++;
    }
    expect(counts.sort()).toEqual([33, 33, 34]);
  });
});

describe('the train/test split', () => {
  it('trains on round(n·(1 − testFraction)) examples and tests on the rest', () => {
    const sizes = (n: number, testFraction: number) => {
      const t = buildDataTable(options('circle', { n, testFraction }));
      return [t.train.count, t.test.count];
    };
    expect(sizes(10, 0.3)).toEqual([7, 3]);
    expect(sizes(5, 0.5)).toEqual([3, 2]); // 2.5 rounds up
    expect(sizes(200, 0)).toEqual([200, 0]);
    expect(sizes(3, 0.6)).toEqual([1, 2]);
  });

  it('holds out a shuffled subset of the very same examples', () => {
    const whole = buildDataTable(options('sine', { n: 40 }));
    const split = buildDataTable(options('sine', { n: 40, testFraction: 0.25 }));
    const key = (r: { x: number[]; y: number[] }) => `${r.x}|${r.y}`;
    const original = rows(whole.train, 1, 1).map(key);
    const regrouped = [...rows(split.train, 1, 1), ...rows(split.test, 1, 1)].map(key);
    expect([...regrouped].sort()).toEqual([...original].sort());
    expect(regrouped).not.toEqual(original);
  });

  it('keeps generation order when nothing is held out (spiral arms grow outwards)', () => {
    const t = buildDataTable(options('spiral', { n: 60, noise: 0 }));
    const radii = rows(t.train, 2, 1).map(({ x }) => Math.hypot(x[0], x[1]));
    for (const arm of [0, 1]) {
      const own = radii.filter((_, i) => i % 2 === arm);
      for (let i = 1; i < own.length; i++) expect(own[i]).toBeGreaterThan(own[i - 1]);
    }
  });
});

describe('geometry', () => {
  it('circle: the inner class lies well inside the outer one', () => {
    const noisy = rows(buildDataTable(options('circle', { noise: 0.2 })).train, 2, 1);
    const radius = (r: { x: number[] }) => Math.hypot(r.x[0], r.x[1]);
    const inner = noisy.filter((r) => r.y[0] === 1).map(radius);
    const outer = noisy.filter((r) => r.y[0] === 0).map(radius);
    expect(mean(inner)).toBeLessThan(mean(outer));

    const clean = rows(buildDataTable(options('circle', { noise: 0 })).train, 2, 1);
    for (const r of clean) {
      if (r.y[0] === 1) expect(radius(r)).toBeLessThanOrEqual(2.5);
      else expect(radius(r)).toBeGreaterThanOrEqual(3.5 - 1e-12);
    }
  });

  it('xor: without noise, class 1 exactly where the two coordinates have opposite signs', () => {
    const clean = rows(buildDataTable(options('xor', { noise: 0 })).train, 2, 1);
    for (const { x, y } of clean) {
      expect(y[0]).toBe(x[0] * x[1] < 0 ? 1 : 0);
      expect(Math.min(Math.abs(x[0]), Math.abs(x[1]))).toBeGreaterThanOrEqual(0.3);
      expect(Math.max(Math.abs(x[0]), Math.abs(x[1]))).toBeLessThanOrEqual(5);
    }
  });

  it('gaussians: class 1 centred near (2, 2), class 0 near (−2, −2)', () => {
    const all = rows(buildDataTable(options('gaussians', { n: 1000, noise: 1 })).train, 2, 1);
    for (const [label, centre] of [
      [1, 2],
      [0, -2],
    ]) {
      const own = all.filter((r) => r.y[0] === label);
      expect(mean(own.map((r) => r.x[0]))).toBeCloseTo(centre, 0);
      expect(mean(own.map((r) => r.x[1]))).toBeCloseTo(centre, 0);
    }
    const clean = rows(buildDataTable(options('gaussians', { noise: 0 })).train, 2, 1);
    for (const { x, y } of clean) expect(x).toEqual(y[0] === 1 ? [2, 2] : [-2, -2]);
  });

  it('gaussians3: without noise, each class sits on its own point 3 from the origin, 120° apart', () => {
    const clean = rows(buildDataTable(options('gaussians3', { noise: 0 })).train, 2, 3);
    const centres = [0, 1, 2].map((c) => clean.find((r) => r.y[c] === 1)!.x);
    for (const c of centres) expect(Math.hypot(c[0], c[1])).toBeCloseTo(3, 12);
    // Sides of an equilateral triangle inscribed in a circle of radius 3: 3·√3.
    for (let a = 0; a < 3; a++) {
      const b = (a + 1) % 3;
      expect(Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1])).toBeCloseTo(
        3 * Math.sqrt(3),
        12,
      );
    }
  });

  it('sine: targets are sin(x) without noise, and scatter by about the noise std with it', () => {
    const clean = rows(buildDataTable(options('sine', { noise: 0 })).train, 1, 1);
    for (const { x, y } of clean) {
      expect(Math.abs(x[0])).toBeLessThanOrEqual(Math.PI);
      expect(y[0]).toBeCloseTo(Math.sin(x[0]), 12);
    }
    const noisy = rows(buildDataTable(options('sine', { n: 4000, noise: 0.2 })).train, 1, 1);
    const residuals = noisy.map(({ x, y }) => y[0] - Math.sin(x[0]));
    const std = Math.sqrt(mean(residuals.map((r) => r * r)));
    expect(std).toBeGreaterThan(0.18);
    expect(std).toBeLessThan(0.22);
  });

  it('linear: without noise every point lies on y = 0.5·x + 1', () => {
    const clean = rows(buildDataTable(options('linear', { noise: 0 })).train, 1, 1);
    for (const { x, y } of clean) {
      expect(Math.abs(x[0])).toBeLessThanOrEqual(5);
      expect(y[0]).toBeCloseTo(0.5 * x[0] + 1, 12);
    }
  });
});

describe('option validation', () => {
  const rejects = (extra: Partial<DatasetOptions>, message: RegExp) =>
    expect(() => buildDataTable(options('xor', extra))).toThrow(message);

  it('names the option at fault', () => {
    rejects({ n: 0 }, /^n must/);
    rejects({ n: 2.5 }, /^n must/);
    rejects({ n: 1e9 }, /^n must/);
    rejects({ noise: -0.1 }, /^noise must/);
    rejects({ noise: Number.NaN }, /^noise must/);
    rejects({ seed: 1.5 }, /^seed must/);
    rejects({ testFraction: 1 }, /^testFraction must/);
    rejects({ testFraction: -0.1 }, /^testFraction must/);
    rejects({ n: 3, testFraction: 0.9 }, /^testFraction .* leaves no training examples/);
    rejects({ batchSize: 0 }, /^batchSize must/);
    expect(() => buildDataTable(options('mnist' as DatasetId))).toThrow(/^dataset must be one of/);
  });
});

describe('the XOR truth table', () => {
  it('is exactly the four corners with XOR labels, in table order', () => {
    const t = buildDataTable(options('xor-table', { n: 999, noise: 3 }));
    expect(Array.from(t.train.x)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(t.train.y)).toEqual([0, 1, 1, 0]);
  });
});
