/**
 * What a node kind declares so the exporters can write it as Python: its forward pass as tensor
 * code, given Python expressions for its inputs and names for its parameter tensors.
 *
 * Conventions shared by every emitter and both back ends (PyTorch and NumPy):
 * - every value is a 2-D array of shape (n, width): one row per example of the batch;
 * - inside the forward function `n` is the batch size, `x` the batch's features (n × nFeatures) and
 *   `y` its targets (n × nTargets);
 * - parameter tensors are flat, like their block of θ: a neuron's bias (1,), an edge's weights
 *   (width,), a dense layer's W (units·inputs,) row-major, which the layer reshapes;
 * - helpers whose names start with `_` (`_relu`, `_softmax`, `_bce`, …) are defined by the script's
 *   prelude (export/prelude.ts) for the back end at hand, so one emitter often serves both;
 * - a loss returns its per-example loss as (n, 1); the exporter averages it over the batch.
 */

export type PyBackend = 'torch' | 'numpy';

/** An incoming edge as an emitter sees it. */
export interface PyInput {
  /** A Python expression for the values on the edge, shape (n, width). */
  expr: string;
  width: number;
  sourceNode: string;
  sourceKind: string;
  /** The name of the parameter tensor this edge owns (a neuron's weights), shape (width,). */
  weight?: string;
  /** The source's own input, when the compiler fused this edge with its source (compiler/fusion.ts). */
  sourceInput?: string;
}

export interface PyContext<P> {
  params: P;
  backend: PyBackend;
  /** Per input port, its edges in document order. */
  inputs: Record<string, PyInput[]>;
  /** The node's own parameter tensors by block name (flat, see above). */
  blocks: Record<string, string>;
  /** Width of every output port. */
  outputs: Record<string, number>;
  /**
   * The key of the node's random stream (runtime/step-random.ts: streamKey), for kinds that draw
   * (Dropout). The PyTorch script's training loop keeps the step in `CLOCK["step"]`.
   */
  streamKey: number;
  /** Every parameter tensor of the script, in θ order, with the node (and edge) owning it. */
  parameterBlocks: readonly { nodeId: string; name: string; edgeId?: string; tensor: string }[];
  /**
   * Declares a module-level definition once per `key` (e.g. the autograd Function of a custom
   * formula) and returns the name it gets, `_` + `hint` made unique; `define` receives that name and
   * returns the definition's lines.
   */
  helper(hint: string, key: string, define: (name: string) => string[]): string;
}

/** The node's forward pass: one Python expression per output port it computes. */
export type PyEmitter<P> = (ctx: PyContext<P>) => Record<string, string>;

/** An optimizer kind: the `torch.optim` constructor call with its hyper-parameters, on `parameters`. */
export type TorchOptimizerEmitter<P> = (params: P, parameters: string) => string;

/**
 * A float as a Python literal that reads back as the same double: JavaScript's shortest round-trip
 * digits, always with a decimal point or exponent (so `torch.tensor(2.0)` is a float, not an int).
 */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Number.POSITIVE_INFINITY) return "float('inf')";
  if (v === Number.NEGATIVE_INFINITY) return "float('-inf')";
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A float for use as an operand: negative numbers parenthesised (`x ** (-2.0)`, `a * (-0.5)`). */
export function pyOperand(v: number): string {
  const s = pyFloat(v);
  return s.startsWith('-') ? `(${s})` : s;
}

export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** A Python str literal (a JSON string is one). */
export const pyStr = (s: string): string => JSON.stringify(s);

/** A list of floats, wrapped into lines of at most `width` characters after `indent`. */
export function pyFloatList(values: ArrayLike<number>, indent = '    ', width = 100): string {
  if (values.length === 0) return '[]';
  if (values.length <= 6) {
    const short = Array.from(values, pyFloat).join(', ');
    if (short.length <= 60) return `[${short}]`;
  }
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const item = `${pyFloat(values[i])},`;
    if (line && indent.length + line.length + 1 + item.length > width) {
      lines.push(line);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  }
  lines.push(line);
  return `[\n${lines.map((l) => indent + l).join('\n')}\n${indent.slice(4)}]`;
}

/** User text (a label, a formula) made safe for a one-line `#` comment. */
export const pyComment = (s: string): string => s.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ');
