/**
 * How each operation kind is written as ONNX operators: one row per kind id, read by the exporter
 * (export.ts). Data kinds become the graph's inputs and losses and optimizers are not part of an
 * inference model, so only `op` kinds are here; a test checks that every one of them has a row.
 * A kind whose row is missing, or a row that refuses a node, stops the export with the node's name.
 */
import type { PlanNode } from '../../compiler/plan';
import { ELEMENTWISE, ELEMENTWISE_IDS, type ElementwiseId } from '../../kinds/activation-functions';
import { attr, type OnnxGraph, type Value } from './builder';
import { FormulaExportError, formulaToOnnx } from './formula';

export interface OnnxNodeContext {
  node: PlanNode;
  /** Per input port, the values on its edges in document order. */
  inputs: Record<string, Value[]>;
  /** The node's own parameter blocks (current values), by block name. */
  blocks: Record<string, Float64Array>;
  /** Per input port, the weights each edge owns (a neuron's), in edge order. */
  edgeWeights: Record<string, (Float64Array | undefined)[]>;
  graph: OnnxGraph;
  /** An N × 1 tensor of v (N is the batch's size; 1 without a dataset). */
  fill(v: number, hint: string): string;
}

export interface OnnxRow {
  /**
   * Nodes with the same key are written together (a layer of neurons with the same inputs and
   * activation as one Gemm); `emit` then receives all of them, in execution order.
   */
  layerKey?(node: PlanNode): string;
  /** Each node's outputs by port. */
  emit(nodes: OnnxNodeContext[]): Record<string, Value>[];
}

/** Thrown by a row for a node it cannot express: the message says why. */
export class OnnxRefusal extends Error {}

/**
 * f(z) for the elementwise functions neurons, layers and activation nodes share: the operator the
 * activation's row names (kinds/activation-functions.ts), with α when the row has one.
 */
export function activation(g: OnnxGraph, id: ElementwiseId, alpha: number, z: string, hint: string): string {
  const row = ELEMENTWISE[id];
  if (row.onnx === 'identity') return z;
  return g.op(row.onnx.op, [z], hint, row.alpha ? [attr.float('alpha', alpha)] : []);
}

/** The activation an ONNX operator computes, by the rows' `onnx` forms (what the reader recognises). */
export const ELEMENTWISE_OF_ONNX_OP: ReadonlyMap<string, ElementwiseId> = new Map(
  ELEMENTWISE_IDS.flatMap((id) => {
    const form = ELEMENTWISE[id].onnx;
    return form === 'identity' ? [] : [[form.op, id] as const];
  }),
);

const one = (emit: (ctx: OnnxNodeContext) => Record<string, Value>): OnnxRow => ({
  emit: (nodes) => nodes.map(emit),
});

const tensor = (t: string, width: number): Value => ({ tensor: t, width });

const elementwise = (id: ElementwiseId) =>
  one((ctx) => {
    const x = ctx.inputs.in[0];
    const alpha = typeof ctx.node.params.alpha === 'number' ? ctx.node.params.alpha : 0;
    const xt = ctx.graph.tensor(x);
    const y = activation(ctx.graph, id, alpha, xt, ctx.node.label);
    return { out: y === xt ? x : tensor(y, x.width) };
  });

/** Sums or products of the inputs in edge order; width-1 inputs broadcast as in the engine. */
const fold = (op: 'Add' | 'Mul') =>
  one((ctx) => {
    const xs = ctx.inputs.in;
    if (xs.length === 1) return { out: xs[0] };
    const g = ctx.graph;
    const y = xs.slice(1).reduce((acc, v) => g.op(op, [acc, g.tensor(v)], ctx.node.label), g.tensor(xs[0]));
    return { out: tensor(y, Math.max(...xs.map((x) => x.width))) };
  });

/** z = x Wᵀ + b for a (units × inputs) W given row by row, then f. */
function gemm(
  ctx: OnnxNodeContext,
  x: readonly Value[],
  w: ArrayLike<number>,
  b: ArrayLike<number>,
  units: number,
): string {
  const g = ctx.graph;
  const nIn = x.reduce((s, v) => s + v.width, 0);
  const label = ctx.node.label;
  const z = g.op(
    'Gemm',
    [g.concat(x), g.floats(`${label}/W`, [units, nIn], w), g.floats(`${label}/b`, [units], b)],
    `${label}/z`,
    [attr.int('transB', 1)],
  );
  const p = ctx.node.params;
  return activation(g, p.activation as ElementwiseId, typeof p.alpha === 'number' ? p.alpha : 0, z, label);
}

const inputKey = (node: PlanNode) =>
  (node.inputs.in ?? []).map((i) => `${i.sourceNode}\u0000${i.sourcePort}`).join('\u0001');

export const ONNX_ROWS: Record<string, OnnxRow> = {
  // Neurons that read the same values with the same activation form one layer: one Gemm whose row j
  // is neuron j's weights (its edges' in order) and whose column j is its output.
  neuron: {
    layerKey: (node) => `${node.params.activation}\u0000${node.params.alpha}\u0000${inputKey(node)}`,
    emit(nodes) {
      const first = nodes[0];
      const fanIn = first.inputs.in.reduce((s, v) => s + v.width, 0);
      const W = new Float64Array(nodes.length * fanIn);
      nodes.forEach((ctx, j) => {
        let at = j * fanIn;
        for (const w of ctx.edgeWeights.in) {
          W.set(w!, at);
          at += w!.length;
        }
      });
      const b = nodes.map((ctx) => ctx.blocks.bias[0]);
      const layer = {
        ...first,
        node: nodes.length === 1 ? first.node : { ...first.node, label: `${first.node.label}…` },
      };
      const y = gemm(layer, first.inputs.in, W, b, nodes.length);
      if (nodes.length === 1) return [{ out: tensor(y, 1) }];
      return nodes.map((_, index) => ({ out: { columnOf: y, index, total: nodes.length, width: 1 } }));
    },
  },
  dense: one((ctx) => {
    const units = ctx.node.params.units as number;
    return { out: tensor(gemm(ctx, ctx.inputs.in, ctx.blocks.W, ctx.blocks.b, units), units) };
  }),
  ...Object.fromEntries(ELEMENTWISE_IDS.map((id) => [`act.${id}`, elementwise(id)])),
  'act.softmax': one((ctx) => {
    const x = ctx.inputs.in[0];
    const y = ctx.graph.op('Softmax', [ctx.graph.tensor(x)], ctx.node.label, [attr.int('axis', 1)]);
    return { out: tensor(y, x.width) };
  }),
  'act.prelu': one((ctx) => {
    const g = ctx.graph;
    const x = ctx.inputs.in[0];
    const slope = g.floats(`${ctx.node.label}/alpha`, [1], ctx.blocks.alpha);
    return { out: tensor(g.op('PRelu', [g.tensor(x), slope], ctx.node.label), x.width) };
  }),
  'act.custom': one((ctx) => {
    const x = ctx.inputs.in[0];
    try {
      const y = formulaToOnnx(
        String(ctx.node.params.formula),
        ctx.graph.tensor(x),
        ctx.graph,
        ctx.node.label,
      );
      return { out: tensor(y, x.width) };
    } catch (e) {
      if (e instanceof FormulaExportError) throw new OnnxRefusal(e.message);
      throw e;
    }
  }),
  // An inference model: dropout passes its input through (as PyTorch's model.eval()).
  dropout: one((ctx) => ({ out: ctx.inputs.in[0] })),
  layernorm: one((ctx) => {
    const g = ctx.graph;
    const x = ctx.inputs.in[0];
    const width = x.width;
    const gamma = g.floats(`${ctx.node.label}/gamma`, [width], ctx.blocks.gamma);
    const beta = g.floats(`${ctx.node.label}/beta`, [width], ctx.blocks.beta);
    const y = g.op('LayerNormalization', [g.tensor(x), gamma, beta], ctx.node.label, [
      attr.int('axis', -1),
      attr.float('epsilon', ctx.node.params.eps as number),
    ]);
    return { out: tensor(y, width) };
  }),
  // An inference model: the running statistics (BatchNormalization in its default, inference mode).
  batchnorm: one((ctx) => {
    const g = ctx.graph;
    const x = ctx.inputs.in[0];
    const width = x.width;
    const label = ctx.node.label;
    const y = g.op(
      'BatchNormalization',
      [
        g.tensor(x),
        g.floats(`${label}/gamma`, [width], ctx.blocks.gamma),
        g.floats(`${label}/beta`, [width], ctx.blocks.beta),
        g.floats(`${label}/running_mean`, [width], ctx.blocks.running_mean),
        g.floats(`${label}/running_var`, [width], ctx.blocks.running_var),
      ],
      label,
      [attr.float('epsilon', ctx.node.params.eps as number)],
    );
    return { out: tensor(y, width) };
  }),
  'math.constant': one((ctx) => ({
    out: tensor(ctx.fill(ctx.node.params.value as number, ctx.node.label), 1),
  })),
  'math.parameter': one((ctx) => ({ out: tensor(ctx.fill(ctx.blocks.value[0], ctx.node.label), 1) })),
  'math.add': fold('Add'),
  'math.multiply': fold('Mul'),
};
