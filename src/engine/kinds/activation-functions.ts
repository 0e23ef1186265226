/**
 * Elementwise activation functions with their derivatives, side by side: the table is the
 * documentation. Derivatives take both the input x and the output y = f(x), whichever is cheaper.
 *
 * Conventions at kinks (one-sided choices, as PyTorch makes them):
 *   relu'(0) = 0, leaky_relu'(0) = α, elu'(0) = α (the left limit, f(0) = 0 = y, so y + α = α).
 */
import { pyOperand } from '../export/emit';
import { ANY_NUMBER, type ValueRange } from '../value-range';

export interface ElementwiseFunction {
  id: ElementwiseId;
  label: string;
  /** KaTeX of f. */
  tex: string;
  f(x: number, alpha: number): number;
  df(x: number, y: number, alpha: number): number;
  /** Whether it uses α (leaky ReLU slope, ELU scale). */
  usesAlpha?: boolean;
  /** The numbers f can give, whatever x (what a loss reading them may warn about). */
  range: ValueRange;
}

export const ELEMENTWISE_IDS = ['linear', 'relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh'] as const;
export type ElementwiseId = (typeof ELEMENTWISE_IDS)[number];

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export const ELEMENTWISE: Record<ElementwiseId, ElementwiseFunction> = {
  linear: {
    id: 'linear',
    label: 'Linear (identity)',
    tex: 'f(x) = x',
    f: (x) => x,
    df: () => 1,
    range: ANY_NUMBER,
  },
  relu: {
    id: 'relu',
    label: 'ReLU',
    tex: 'f(x) = \\max(0, x)',
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    range: { min: 0, max: Number.POSITIVE_INFINITY },
  },
  leaky_relu: {
    id: 'leaky_relu',
    label: 'Leaky ReLU',
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    f: (x, a) => (x > 0 ? x : a * x),
    df: (x, _y, a) => (x > 0 ? 1 : a),
    usesAlpha: true,
    range: ANY_NUMBER,
  },
  elu: {
    id: 'elu',
    label: 'ELU',
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    f: (x, a) => (x > 0 ? x : a * Math.expm1(x)),
    df: (x, y, a) => (x > 0 ? 1 : y + a),
    usesAlpha: true,
    // Bounded below by −α; negative and unbounded above is all the checks need to know.
    range: ANY_NUMBER,
  },
  sigmoid: {
    id: 'sigmoid',
    label: 'Sigmoid',
    tex: 'f(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}',
    f: sigmoid,
    df: (_x, y) => y * (1 - y),
    range: { min: 0, max: 1 },
  },
  tanh: {
    id: 'tanh',
    label: 'tanh',
    tex: 'f(x) = \\tanh(x)',
    f: Math.tanh,
    df: (_x, y) => 1 - y * y,
    range: { min: -1, max: 1 },
  },
};

/**
 * f(z) as Python for the exporters: `_relu(z)` and the like, helpers each back end defines the same
 * way as f above (export/prelude.ts); the identity is z itself.
 */
export function elementwisePython(id: ElementwiseId, alpha: number, z: string): string {
  if (id === 'linear') return z;
  return ELEMENTWISE[id].usesAlpha ? `_${id}(${z}, ${pyOperand(alpha)})` : `_${id}(${z})`;
}

/** Default α for the activations that use one. */
export const DEFAULT_ALPHA: Partial<Record<ElementwiseId, number>> = { leaky_relu: 0.01, elu: 1 };

/**
 * y[y0 + j] = f(x[x0 + j]) for j < count, for the function `id` of the table above.
 *
 * The neuron and dense kernels call this once per batch rather than f once per number: each case is
 * its own loop with f written inline, which V8 compiles without a call per element (a call through
 * `ELEMENTWISE[id].f` from a loop shared by every layer sees several functions and is not inlined).
 * Each case computes exactly what the table's f does.
 */
export function applyElementwise(
  id: ElementwiseId,
  alpha: number,
  x: Float64Array,
  x0: number,
  y: Float64Array,
  y0: number,
  count: number,
): void {
  switch (id) {
    case 'linear':
      for (let j = 0; j < count; j++) y[y0 + j] = x[x0 + j];
      return;
    case 'relu':
      for (let j = 0; j < count; j++) {
        const v = x[x0 + j];
        y[y0 + j] = v > 0 ? v : 0;
      }
      return;
    case 'leaky_relu':
      for (let j = 0; j < count; j++) {
        const v = x[x0 + j];
        y[y0 + j] = v > 0 ? v : alpha * v;
      }
      return;
    case 'elu':
      for (let j = 0; j < count; j++) {
        const v = x[x0 + j];
        y[y0 + j] = v > 0 ? v : alpha * Math.expm1(v);
      }
      return;
    case 'sigmoid':
      for (let j = 0; j < count; j++) y[y0 + j] = sigmoid(x[x0 + j]);
      return;
    case 'tanh':
      for (let j = 0; j < count; j++) y[y0 + j] = Math.tanh(x[x0 + j]);
      return;
  }
}

/**
 * out[o0 + j] = g[g0 + j] · f'(x[x0 + j], y[y0 + j]) for j < count: the chain rule through f, one
 * specialised loop per function (see applyElementwise), each multiplying by exactly what the
 * table's df returns.
 */
export function backElementwise(
  id: ElementwiseId,
  alpha: number,
  x: Float64Array,
  x0: number,
  y: Float64Array,
  y0: number,
  g: Float64Array,
  g0: number,
  out: Float64Array,
  o0: number,
  count: number,
): void {
  switch (id) {
    case 'linear':
      // f' = 1.
      for (let j = 0; j < count; j++) out[o0 + j] = g[g0 + j];
      return;
    case 'relu':
      for (let j = 0; j < count; j++) out[o0 + j] = g[g0 + j] * (x[x0 + j] > 0 ? 1 : 0);
      return;
    case 'leaky_relu':
      for (let j = 0; j < count; j++) out[o0 + j] = g[g0 + j] * (x[x0 + j] > 0 ? 1 : alpha);
      return;
    case 'elu':
      for (let j = 0; j < count; j++) out[o0 + j] = g[g0 + j] * (x[x0 + j] > 0 ? 1 : y[y0 + j] + alpha);
      return;
    case 'sigmoid':
      for (let j = 0; j < count; j++) {
        const s = y[y0 + j];
        out[o0 + j] = g[g0 + j] * (s * (1 - s));
      }
      return;
    case 'tanh':
      for (let j = 0; j < count; j++) {
        const t = y[y0 + j];
        out[o0 + j] = g[g0 + j] * (1 - t * t);
      }
      return;
  }
}
