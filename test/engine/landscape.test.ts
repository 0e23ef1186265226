import { describe, expect, it } from 'vitest';
import {
  compile,
  computeLandscape,
  contourSegments,
  coordinatesOf,
  Evaluator,
  filtersOf,
  findExample,
  logLevels,
  parametersByLabel,
  planeFor,
  pointOn,
  Trainer,
  trainPath,
} from '../../src/engine';

function planOf(id: string) {
  const { plan } = compile(findExample(id)!.build());
  return plan!;
}

/** The border set and its loss, written out by hand: mean over the 4 points of ½(relu(w·x + b) − y)². */
const XS = [2.9, -1, 3, 1000];
const YS = [0, 0, 1, 1];
function borderLoss(w: number, b: number): number {
  let s = 0;
  for (let i = 0; i < 4; i++) s += 0.5 * (Math.max(0, w * XS[i] + b) - YS[i]) ** 2;
  return s / 4;
}

describe('the loss landscape of the border example', () => {
  const plan = planOf('border-at-3');
  const path = trainPath(plan, 8);
  const plane = planeFor(plan, path[path.length - 1], path);
  const land = computeLandscape(plan, plane, path, 41);

  it('uses w and b themselves as the axes', () => {
    expect(plane.kind).toBe('parameters');
    expect(land.axes.map((a) => a.name)).toEqual(['w', 'b']);
    expect(land.axes[0].values).toHaveLength(41);
    expect(land.axes[1].values).toHaveLength(41);
  });

  it('is the training-set loss at every sampled grid point', () => {
    for (const [i, j] of [
      [0, 0],
      [40, 40],
      [20, 7],
      [3, 33],
      [37, 12],
    ]) {
      const w = land.axes[0].values[i];
      const b = land.axes[1].values[j];
      expect(land.loss[i * 41 + j]).toBeCloseTo(borderLoss(w, b), 9);
    }
  });

  it('has a range covering the whole path, including the jump to w ≈ −98.8 at step 4', () => {
    expect(land.path).toHaveLength(9);
    expect(land.path[4][0]).toBeCloseTo(-98.8, 0);
    const [w, b] = land.axes;
    for (const [pw, pb] of land.path) {
      expect(pw).toBeGreaterThan(w.values[0]);
      expect(pw).toBeLessThan(w.values[40]);
      expect(pb).toBeGreaterThan(b.values[0]);
      expect(pb).toBeLessThan(b.values[40]);
    }
  });

  it('places the path exactly at the trainer’s (w, b) after every step', () => {
    const trainer = new Trainer(plan);
    for (let s = 0; s <= 8; s++) {
      const p = parametersByLabel(plan, trainer.theta);
      expect(land.path[s]).toEqual([p.w, p.b]);
      trainer.trainStep();
    }
  });
});

describe('the loss landscape of a bigger network', () => {
  const plan = planOf('spiral');
  const path = trainPath(plan, 6);
  const center = path[path.length - 1];

  it('on a random plane: each point is the loss at θ + a·u + b·v, evaluated directly', () => {
    const plane = planeFor(plan, center, path, { directions: 'random' });
    expect(plane.names).toEqual(['random direction 1', 'random direction 2']);
    const land = computeLandscape(plan, plane, path, 5);
    const theta = new Float64Array(plan.paramCount);
    const direct = new Evaluator(plan, theta);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        const a = land.axes[0].values[i];
        const b = land.axes[1].values[j];
        for (let k = 0; k < theta.length; k++) theta[k] = center[k] + a * plane.u[k] + b * plane.v[k];
        expect(land.loss[i * 5 + j]).toBe(direct.evaluate('train').loss);
      }
    // The plane passes through the current θ: its path point is the origin.
    expect(land.path[6][0]).toBeCloseTo(0, 12);
    expect(land.path[6][1]).toBeCloseTo(0, 12);
  });

  it('scales each unit’s random direction to the norm of that unit’s weights and bias', () => {
    const plane = planeFor(plan, center, path, { directions: 'random' });
    const filters = filtersOf(plan);
    // 8 + 8 + 1 units, each with its incoming weights and bias: every number in exactly one filter.
    expect(filters).toHaveLength(17);
    expect(filters.reduce((s, f) => s + f.length, 0)).toBe(plan.paramCount);
    const norm = (v: Float64Array, f: Int32Array) => Math.sqrt([...f].reduce((s, i) => s + v[i] * v[i], 0));
    for (const f of filters) {
      expect(norm(plane.u, f)).toBeCloseTo(norm(center, f), 12);
      expect(norm(plane.v, f)).toBeCloseTo(norm(center, f), 12);
    }
  });

  it('groups a dense layer’s numbers unit by unit: one row of W and its bias', () => {
    const digits = planOf('digits');
    const filters = filtersOf(digits);
    const W = digits.blocks.find((b) => b.label === 'layer 1.W')!;
    const b = digits.blocks.find((b) => b.label === 'layer 1.b')!;
    const nIn = W.size / b.size;
    const unit3 = filters.find((f) => f[f.length - 1] === b.offset + 3)!;
    expect([...unit3]).toEqual([
      ...Array.from({ length: nIn }, (_, i) => W.offset + 3 * nIn + i),
      b.offset + 3,
    ]);
  });

  it('on the path’s principal plane: the path lies in the plane, each point at the trainer’s θ', () => {
    const short = trainPath(plan, 2);
    const plane = planeFor(plan, short[2], short, { directions: 'pca' });
    expect(plane.names).toEqual(['principal direction 1', 'principal direction 2']);
    const trainer = new Trainer(plan);
    const at = new Float64Array(plan.paramCount);
    for (let s = 0; s <= 2; s++) {
      const [a, b] = coordinatesOf(plane, short[s]);
      pointOn(plane, a, b, at);
      for (let k = 0; k < at.length; k++) expect(at[k]).toBeCloseTo(trainer.theta[k], 12);
      trainer.trainStep();
    }
  });
});

describe('contour lines', () => {
  it('cross each cell edge where the linear interpolation meets the level', () => {
    // f(i, j) = i on a 3×3 grid: the level 0.5 is the vertical line i = 0.5, one segment per row of cells.
    const values = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const segments = contourSegments(values, 3, 0.5);
    expect(segments).toHaveLength(2);
    for (const [x0, , x1] of segments) {
      expect(x0).toBeCloseTo(0.5, 12);
      expect(x1).toBeCloseTo(0.5, 12);
    }
    expect(logLevels(1, 1000, 2).map((l) => Math.round(l))).toEqual([10, 100]);
  });
});
