/**
 * Elementwise activation functions: one row each, and every other place reads the row. A row holds
 * f and its derivative side by side (the table is the documentation), its KaTeX, its parameter α
 * with its default when it has one, and its PyTorch and NumPy forms. From the rows come the
 * activation nodes (activations.ts), the neuron's and dense layer's "Activation" choice and α
 * (neurons.ts), the Python exporters' helpers (export/prelude.ts), the ONNX exporter's operators and
 * the ONNX importer's (export/onnx/kinds.ts) and the batch kernels below.
 *
 * Derivatives take both the input x and the output y = f(x), whichever is cheaper.
 *
 * Conventions at kinks (one-sided choices, as PyTorch makes them):
 *   relu'(0) = 0, leaky_relu'(0) = α, elu'(0) = α (the left limit, f(0) = 0 = y, so y + α = α).
 *
 * Adding an activation: add its id to ELEMENTWISE_IDS, its row to ELEMENTWISE, and a case to each
 * of the two kernels (the compiler points at both: their switches are exhaustive). Nothing else.
 */
import { assertNever } from '../assert-never';
import { pyOperand } from '../export/emit';
import { ANY_NUMBER, type ValueRange } from '../value-range';

/** The function's one parameter (leaky ReLU's slope, ELU's scale). */
export interface AlphaParam {
  default: number;
  /** One sentence for the inspector. */
  help: string;
}

export interface ElementwiseFunction {
  id: ElementwiseId;
  label: string;
  /** One or two sentences for the palette and the inspector. */
  description: string;
  /** A short glyph drawn on the activation node. */
  icon: string;
  /** KaTeX of f. */
  tex: string;
  f(x: number, alpha: number): number;
  df(x: number, y: number, alpha: number): number;
  /** Its parameter α, when it has one; f and df of the others ignore α (0 is passed). */
  alpha?: AlphaParam;
  /**
   * f′ is 0 wherever x ≤ 0: a unit whose x stays there for every example has stopped learning for
   * good (a dead ReLU), which the training watch looks for.
   */
  diesBelowZero?: true;
  /**
   * The body of the exported helper `_<id>(z)` (or `_<id>(z, alpha)` with α), per back end: Python
   * statements ending with a `return`, computing exactly f. Absent for the identity, which the
   * exporters write as z itself.
   */
  python?: { torch: string; numpy: string };
  /**
   * The ONNX operator (opset 17) computing exactly f, with α as its `alpha` attribute when the row
   * has an α; `identity` for the identity, which the ONNX exporter writes as z itself. The ONNX
   * exporter writes it and the ONNX reader recognises it (required: a row cannot forget it).
   */
  onnx: OnnxForm;
  /** The numbers f can give, whatever x (what a loss reading them may warn about). */
  range: ValueRange;
}

/**
 * An activation's ONNX operator. `alphaDefault` is ONNX's own default for the attribute, what a
 * model that leaves it out means (a reader takes it; the exporter always writes α).
 */
export type OnnxForm = 'identity' | { op: string; alphaDefault?: number };

export const ELEMENTWISE_IDS = ['linear', 'relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh'] as const;
export type ElementwiseId = (typeof ELEMENTWISE_IDS)[number];

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export const ELEMENTWISE: Record<ElementwiseId, ElementwiseFunction> = {
  linear: {
    id: 'linear',
    label: 'Linear (identity)',
    description:
      'Passes its input through unchanged (f(x) = x); its gradient is 1, so it changes nothing in backprop.',
    icon: '/',
    tex: 'f(x) = x',
    f: (x) => x,
    df: () => 1,
    onnx: 'identity',
    range: ANY_NUMBER,
  },
  relu: {
    id: 'relu',
    label: 'ReLU',
    description:
      'Keeps positive numbers and turns negative ones into 0. Where the input is negative no gradient flows back; at exactly 0 the slope is taken as 0.',
    icon: '⌐',
    tex: 'f(x) = \\max(0, x)',
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    diesBelowZero: true,
    python: { torch: 'return torch.relu(z)', numpy: 'return np.where(z > 0, z, 0.0)' },
    onnx: { op: 'Relu' },
    range: { min: 0, max: Number.POSITIVE_INFINITY },
  },
  leaky_relu: {
    id: 'leaky_relu',
    label: 'Leaky ReLU',
    description:
      'Like ReLU, but negative inputs keep a small slope α, so some gradient always flows back. At exactly 0 the slope is taken as α.',
    icon: '⌐',
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    f: (x, a) => (x > 0 ? x : a * x),
    df: (x, _y, a) => (x > 0 ? 1 : a),
    alpha: { default: 0.01, help: 'The slope for x ≤ 0.' },
    python: {
      torch: 'return torch.nn.functional.leaky_relu(z, alpha)',
      numpy: 'return np.where(z > 0, z, alpha * z)',
    },
    onnx: { op: 'LeakyRelu', alphaDefault: 0.01 },
    range: ANY_NUMBER,
  },
  elu: {
    id: 'elu',
    label: 'ELU',
    description:
      'Like ReLU for positive inputs; negative inputs curve smoothly down towards −α instead of being cut to 0.',
    icon: 'e',
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    f: (x, a) => (x > 0 ? x : a * Math.expm1(x)),
    df: (x, y, a) => (x > 0 ? 1 : y + a),
    // PyTorch's default too (torch.nn.ELU), so an exported ELU is the same function.
    alpha: { default: 1, help: 'The scale for x ≤ 0: f tends to −α far to the left.' },
    python: {
      torch: 'return torch.nn.functional.elu(z, alpha)',
      numpy: 'return np.where(z > 0, z, alpha * np.expm1(z))',
    },
    onnx: { op: 'Elu', alphaDefault: 1 },
    // Bounded below by −α; negative and unbounded above is all the checks need to know.
    range: ANY_NUMBER,
  },
  sigmoid: {
    id: 'sigmoid',
    label: 'Sigmoid',
    description:
      'Squashes any number into (0, 1), so the output reads as a probability. Its slope is at most ¼, which is why deep stacks of sigmoids learn slowly.',
    icon: 'σ',
    tex: 'f(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}',
    f: sigmoid,
    df: (_x, y) => y * (1 - y),
    python: {
      torch: 'return torch.sigmoid(z)',
      // Never exp of a large positive number: the same two branches as f.
      numpy: 'e = np.exp(-np.abs(z))\nreturn np.where(z >= 0, 1 / (1 + e), e / (1 + e))',
    },
    onnx: { op: 'Sigmoid' },
    range: { min: 0, max: 1 },
  },
  tanh: {
    id: 'tanh',
    label: 'tanh',
    description:
      'Squashes any number into (−1, 1), centred on 0. Its slope is 1 at 0 and fades away for large inputs.',
    icon: 'th',
    tex: 'f(x) = \\tanh(x)',
    f: Math.tanh,
    df: (_x, y) => 1 - y * y,
    python: { torch: 'return torch.tanh(z)', numpy: 'return np.tanh(z)' },
    onnx: { op: 'Tanh' },
    range: { min: -1, max: 1 },
  },
};

/** The activation `id` names (any string, e.g. from a node's parameters), if it is one of the table. */
export function elementwiseFunction(id: unknown): ElementwiseFunction | undefined {
  return typeof id === 'string' && Object.hasOwn(ELEMENTWISE, id)
    ? ELEMENTWISE[id as ElementwiseId]
    : undefined;
}

/** The α that f of activation `id` uses: the one given, else the row's default (0 without α). */
export function alphaFor(id: ElementwiseId, given: number | undefined): number {
  const spec = ELEMENTWISE[id].alpha;
  return spec ? (given ?? spec.default) : 0;
}

/** The activations that take an α, in table order. */
export const ALPHA_IDS: readonly ElementwiseId[] = ELEMENTWISE_IDS.filter((id) => ELEMENTWISE[id].alpha);

/**
 * f(z) as Python for the exporters: `_relu(z)` and the like, helpers each back end defines from
 * the row's `python` (export/prelude.ts); the identity is z itself.
 */
export function elementwisePython(id: ElementwiseId, alpha: number, z: string): string {
  const fn = ELEMENTWISE[id];
  if (!fn.python) return z;
  return fn.alpha ? `_${id}(${z}, ${pyOperand(alpha)})` : `_${id}(${z})`;
}

/**
 * y[y0 + j] = f(x[x0 + j]) for j < count, for the function `id` of the table above.
 *
 * The neuron and dense kernels call this once per batch rather than f once per number: each case is
 * its own loop with f written inline, which V8 compiles without a call per element (a call through
 * `ELEMENTWISE[id].f` from a loop shared by every layer sees several functions and is not inlined).
 * Each case computes exactly what the table's f does (test/engine/activation-registry.test.ts).
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
    default:
      assertNever(id, 'activation');
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
    default:
      assertNever(id, 'activation');
  }
}
