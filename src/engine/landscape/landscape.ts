/**
 * The loss landscape: the training-set loss (the document's own loss, averaged over every training
 * example) over a K×K grid of a plane of parameter space, with the optimizer's path on it.
 */
import type { Plan } from '../compiler/plan';
import { Evaluator } from '../training/evaluate';
import { coordinatesOf, type Plane, pointOn } from './plane';

export interface LandscapeAxis {
  name: string;
  /** K evenly spaced coordinates. */
  values: number[];
}

export interface Landscape {
  axes: [LandscapeAxis, LandscapeAxis];
  /** K·K losses: loss[i·K + j] at (axes[0].values[i], axes[1].values[j]); NaN where not finite. */
  loss: Float64Array;
  size: number;
  /** The path in plane coordinates, one point per step from 0. */
  path: [number, number][];
  /** Smallest and largest finite loss on the grid (for a colour scale). */
  min: number;
  max: number;
}

/** Extra room around the path, as a fraction of its span on each side. */
const MARGIN = 0.15;

/**
 * The grid's range along each axis: it covers the path (and the plane's origin), widened by a
 * margin, and at least ±1 around the middle (one filter norm, for a random plane; one unit, for a
 * parameter axis).
 */
export function rangesFor(pathCoords: readonly [number, number][], plane: Plane): [number, number][] {
  return [0, 1].map((axis) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    if (plane.kind !== 'parameters') {
      lo = 0;
      hi = 0;
    }
    for (const p of pathCoords) {
      const x = p[axis];
      if (!Number.isFinite(x)) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (!Number.isFinite(lo)) return [-1, 1];
    const pad = (hi - lo) * MARGIN;
    lo -= pad;
    hi += pad;
    const mid = (lo + hi) / 2;
    if (hi - lo < 2) return [mid - 1, mid + 1];
    return [lo, hi];
  }) as [number, number][];
}

/** Evaluates the landscape of `plan` on `plane` at `size`×`size` points. */
export function computeLandscape(
  plan: Plan,
  plane: Plane,
  path: readonly Float64Array[],
  size: number,
  ranges?: [number, number][],
): Landscape {
  const k = Math.max(2, Math.floor(size));
  const pathCoords = path.map((t) => coordinatesOf(plane, t));
  const [r0, r1] = ranges ?? rangesFor(pathCoords, plane);
  const values = (r: [number, number]) =>
    Array.from({ length: k }, (_, i) => r[0] + ((r[1] - r[0]) * i) / (k - 1));
  const axes: [LandscapeAxis, LandscapeAxis] = [
    { name: plane.names[0], values: values(r0) },
    { name: plane.names[1], values: values(r1) },
  ];
  const loss = new Float64Array(k * k);
  const theta = new Float64Array(plan.paramCount);
  const evaluator = new Evaluator(plan, theta);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      pointOn(plane, axes[0].values[i], axes[1].values[j], theta);
      const l = trainingLoss(evaluator);
      loss[i * k + j] = l;
      if (l < min) min = l;
      if (l > max) max = l;
    }
  }
  return { axes, loss, size: k, path: pathCoords, min, max };
}

/** The training-set loss at the evaluator's θ; NaN when it is not a finite number. */
export function trainingLoss(evaluator: Evaluator): number {
  const l = evaluator.evaluate('train').loss;
  return l !== null && Number.isFinite(l) ? l : Number.NaN;
}
