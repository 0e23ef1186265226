/**
 * The graph's operations as ONNX nodes, in execution order: each node's row (kinds.ts) receives
 * what it reads (the values on its edges, its parameter blocks and its edges' weights from θ) and
 * writes its outputs into `values`. Neurons that form one layer are written together, when the
 * first of them comes up.
 */
import type { PlanNode } from '../../compiler/plan';
import { attr, type OnnxGraph, type Value } from './builder';
import { refKey } from './graph-inputs';
import { ONNX_ROWS, type OnnxNodeContext, OnnxRefusal } from './kinds';

export interface NodeWriting {
  graph: OnnxGraph;
  /** The parameters to write. */
  theta: Float64Array;
  /** Values computed so far, by refKey(node, port): the graph's inputs to begin with. */
  values: Map<string, Value>;
  /** The first graph input's name, whose batch size constants take; none without a dataset. */
  firstInput?: string;
  /** Stops the export, naming the node: a row refused it. */
  refuse(problems: string[]): never;
}

/** Writes every node of `nodes` (in execution order) but the data nodes. */
export function writeNodes(nodes: readonly PlanNode[], w: NodeWriting): void {
  const contextOf = nodeContexts(w);
  const layers = layersOf(nodes);
  const done = new Set<string>();
  for (const node of nodes) {
    if (node.kind.role === 'data' || done.has(node.id)) continue;
    const row = ONNX_ROWS[node.kind.id];
    const key = row.layerKey?.(node);
    const members = key === undefined ? [node] : layers.get(`${node.kind.id}\u0000${key}`)!;
    let outs: Record<string, Value>[];
    try {
      outs = row.emit(members.map(contextOf));
    } catch (e) {
      if (e instanceof OnnxRefusal) w.refuse([`${node.kind.label} “${node.label}”: ${e.message}`]);
      throw e;
    }
    members.forEach((m, j) => {
      done.add(m.id);
      for (const [port, v] of Object.entries(outs[j])) w.values.set(refKey(m.id, port), v);
    });
  }
}

/** Layers of neurons: the nodes that share a row's layer key, in execution order. */
function layersOf(nodes: readonly PlanNode[]): Map<string, PlanNode[]> {
  const layers = new Map<string, PlanNode[]>();
  for (const node of nodes) {
    const key = ONNX_ROWS[node.kind.id]?.layerKey?.(node);
    if (key === undefined) continue;
    const id = `${node.kind.id}\u0000${key}`;
    layers.set(id, [...(layers.get(id) ?? []), node]);
  }
  return layers;
}

/** What a row sees of a node: its inputs' values, its blocks and its edges' weights. */
function nodeContexts(w: NodeWriting): (node: PlanNode) => OnnxNodeContext {
  const { graph: g, theta, values } = w;
  const fill = batchFill(g, w.firstInput);
  return (node) => {
    const ins: Record<string, Value[]> = {};
    const edgeWeights: Record<string, (Float64Array | undefined)[]> = {};
    for (const [port, list] of Object.entries(node.inputs)) {
      ins[port] = list.map((i) => values.get(refKey(i.sourceNode, i.sourcePort))!);
      edgeWeights[port] = list.map(
        (i) => i.block && theta.slice(i.block.offset, i.block.offset + i.block.size),
      );
    }
    const blocks: Record<string, Float64Array> = {};
    for (const [name, b] of Object.entries(node.blocks))
      blocks[name] = theta.slice(b.offset, b.offset + b.size);
    return { node, inputs: ins, blocks, edgeWeights, graph: g, fill };
  };
}

/** An N × 1 tensor of a constant: 1 × 1 without inputs, else expanded to the batch's size. */
function batchFill(g: OnnxGraph, firstInput: string | undefined): OnnxNodeContext['fill'] {
  let batchShape: string | undefined;
  return (v, hint) => {
    const c = g.floats(hint, [1, 1], [v]);
    if (firstInput === undefined) return c;
    // The batch's size from the first input: Shape(x)[0:1] joined with [1].
    batchShape ??= g.op(
      'Concat',
      [g.op('Shape', [firstInput], 'N', [attr.int('end', 1)]), g.ints('one', [1])],
      'N×1',
      [attr.int('axis', 0)],
    );
    return g.op('Expand', [c, batchShape], hint);
  };
}
