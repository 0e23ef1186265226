/**
 * The plane of parameter space a landscape is drawn on: θ(a, b) = origin + a·u + b·v.
 * A network with exactly two trainable numbers uses them as the axes (origin 0, u and v the unit
 * vectors), so a point's coordinates are the parameters themselves. Bigger networks use a plane
 * through a chosen θ spanned by two filter-normalised random directions or the path's top two
 * principal directions.
 */
import type { Plan } from '../compiler/plan';
import { createRng } from '../rng';
import { filterNormalizedDirection, filtersOf } from './filters';
import { principalDirections } from './principal';

export type PlaneKind = 'parameters' | 'random' | 'pca';

export interface Plane {
  kind: PlaneKind;
  origin: Float64Array;
  u: Float64Array;
  v: Float64Array;
  /** What each axis is: a parameter's label, or the direction's name. */
  names: [string, string];
}

export interface PlaneOptions {
  /** For networks of more than two numbers: which directions span the plane (default 'random'). */
  directions?: 'random' | 'pca';
  /** Seeds the random directions (default the plan's seed). */
  seed?: number;
}

/** The plane for a plan, through `center` (the current θ), given the path so far. */
export function planeFor(
  plan: Plan,
  center: Float64Array,
  path: readonly Float64Array[],
  options: PlaneOptions = {},
): Plane {
  const p = plan.paramCount;
  if (p === 2) {
    // Weights before biases: the border example reads (w, b).
    const blocks = [...plan.blocks].sort((a, b) => Number(!a.edgeId) - Number(!b.edgeId));
    const axis = (offset: number) => {
      const e = new Float64Array(2);
      e[offset] = 1;
      return e;
    };
    return {
      kind: 'parameters',
      origin: new Float64Array(2),
      u: axis(blocks[0].offset),
      v: axis(blocks[1].offset),
      names: [blocks[0].label, blocks[1].label],
    };
  }
  const filters = filtersOf(plan);
  const rng = createRng((options.seed ?? plan.seed) ^ 0x1a5d);
  const random = () => filterNormalizedDirection(filters, center, rng);
  if (options.directions === 'pca') {
    const pcs = principalDirections(path);
    // A path along a line (or no path yet) lacks a second component: a random direction fills in.
    while (pcs.length < 2) pcs.push(orthogonalTo(random(), pcs));
    return {
      kind: 'pca',
      origin: Float64Array.from(center),
      u: pcs[0],
      v: pcs[1],
      names: ['principal direction 1', 'principal direction 2'],
    };
  }
  return {
    kind: 'random',
    origin: Float64Array.from(center),
    u: random(),
    v: random(),
    names: ['random direction 1', 'random direction 2'],
  };
}

/** θ at plane coordinates (a, b), written into `out`. */
export function pointOn(plane: Plane, a: number, b: number, out: Float64Array): Float64Array {
  const { origin, u, v } = plane;
  for (let k = 0; k < out.length; k++) out[k] = origin[k] + a * u[k] + b * v[k];
  return out;
}

/**
 * The plane coordinates of θ: the least-squares (a, b) of θ − origin ≈ a·u + b·v (exact when θ
 * is on the plane, as always for a two-parameter network).
 */
export function coordinatesOf(plane: Plane, theta: Float64Array): [number, number] {
  const { origin, u, v } = plane;
  let uu = 0;
  let uv = 0;
  let vv = 0;
  let ur = 0;
  let vr = 0;
  for (let k = 0; k < theta.length; k++) {
    const r = theta[k] - origin[k];
    uu += u[k] * u[k];
    uv += u[k] * v[k];
    vv += v[k] * v[k];
    ur += u[k] * r;
    vr += v[k] * r;
  }
  const det = uu * vv - uv * uv;
  if (!(Math.abs(det) > 0)) return [uu > 0 ? ur / uu : 0, 0];
  return [(ur * vv - vr * uv) / det, (vr * uu - ur * uv) / det];
}

function orthogonalTo(d: Float64Array, basis: readonly Float64Array[]): Float64Array {
  for (const e of basis) {
    let dot = 0;
    for (let k = 0; k < d.length; k++) dot += d[k] * e[k];
    for (let k = 0; k < d.length; k++) d[k] -= dot * e[k];
  }
  let n = 0;
  for (let k = 0; k < d.length; k++) n += d[k] * d[k];
  n = Math.sqrt(n);
  if (n > 0) for (let k = 0; k < d.length; k++) d[k] /= n;
  return d;
}
