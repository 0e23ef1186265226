/**
 * Reads an ONNX model as a multilayer perceptron: a chain from one input (or several N × 1 inputs
 * joined by a Concat, as Neurograph writes them) through fully connected layers (Gemm, or MatMul then
 * Add) and the activations Neurograph has, to one output. Everything else is a problem, each naming
 * the operator and where it is (its node's name and index), all listed at once.
 */
import { decodeModel, type ModelProto } from '../../engine/export/onnx';
import type { GraphProto } from '../../engine/export/onnx/proto';
import type { ElementwiseId } from '../../engine/kinds/activation-functions';
import type { Problem } from '../problem';
import { type Chain, type Constant, readNode, readTensor } from './read-mlp-node';

/** One step of the chain. A layer's W is units × inputs, row by row, as a dense node holds it. */
export type Stage =
  | {
      type: 'layer';
      units: number;
      inputs: number;
      W: Float64Array;
      b: Float64Array;
      activation: ElementwiseId;
      alpha?: number;
      closed?: boolean;
    }
  | { type: 'activation'; activation: ElementwiseId; alpha?: number }
  | { type: 'softmax' }
  | { type: 'prelu'; alpha: number };

export interface Mlp {
  name: string;
  /** The input's features, one name each. */
  features: string[];
  output: string;
  stages: Stage[];
}

export type MlpResult = { ok: true; mlp: Mlp } | { ok: false; problems: Problem[] };

export function readMlp(bytes: Uint8Array, fileName = 'model.onnx'): MlpResult {
  let model: ModelProto;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    return fail(
      '',
      `this is not a whole ONNX model: the file is truncated or not ONNX (${(e as Error).message})`,
    );
  }
  const graph = model.graph;
  if (!graph?.node?.length || !graph.output?.length)
    return fail(
      '',
      'this is not an ONNX model: it has no graph with nodes and outputs (is the file truncated or another format?)',
    );
  const problems: Problem[] = [];
  const chain = startChain(graph, readInitializers(graph, problems), problems);
  for (const [index, node] of graph.node.entries()) readNode(node, index, chain, problems);
  checkEnd(graph, chain, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    mlp: {
      name: graph.name?.trim() || fileName.replace(/\.onnx$/i, ''),
      features: chain.features,
      output: graph.output[0].name ?? 'output',
      stages: chain.stages,
    },
  };
}

/** The graph's initializers by name (each a problem when its numbers are elsewhere or sparse). */
function readInitializers(graph: GraphProto, problems: Problem[]): Map<string, Constant> {
  const consts = new Map<string, Constant>();
  for (const [i, t] of (graph.initializer ?? []).entries()) {
    const path = `graph.initializer[${i}]`;
    if (t.data_location === 1 || t.external_data?.length) {
      problems.push({
        path,
        message: `the tensor “${t.name}” keeps its numbers in an external file; save the model with its data inside`,
      });
      continue;
    }
    const c = readTensor(t, path, problems);
    if (c && t.name) consts.set(t.name, c);
  }
  for (const [i] of (graph.sparse_initializer ?? []).entries())
    problems.push({ path: `graph.sparse_initializer[${i}]`, message: 'sparse tensors are not supported' });
  return consts;
}

/**
 * Where the chain starts: one input of a fixed number of features, or several inputs of one
 * feature each that the first node joins (as Neurograph writes them).
 */
function startChain(graph: GraphProto, consts: Map<string, Constant>, problems: Problem[]): Chain {
  const chain: Chain = { consts, stream: undefined, width: 0, features: [], joining: false, stages: [] };
  const inputs = (graph.input ?? []).filter((v) => v.name && !consts.has(v.name));
  if (inputs.length === 1) {
    const stream = inputs[0].name!;
    const dims = inputs[0].type?.tensor_type?.shape?.dim ?? [];
    const width = dims.length === 0 ? 0 : (dims[dims.length - 1]?.dim_value ?? 0);
    if (!width)
      problems.push({
        path: 'graph.input[0]',
        message: `the input “${stream}” has no fixed number of features`,
      });
    chain.stream = stream;
    chain.width = width;
    chain.features = width === 1 ? [stream] : Array.from({ length: width }, (_, i) => `${stream}${i + 1}`);
  } else if (inputs.length > 1) {
    // Several inputs are one feature each, joined by the first node.
    chain.joining = true;
    chain.features = inputs.map((v) => v.name!);
  } else problems.push({ path: 'graph.input', message: 'the model has no input' });
  return chain;
}

/** One output, at the end of the chain, and at least one layer. */
function checkEnd(graph: GraphProto, chain: Chain, problems: Problem[]): void {
  const outputs = graph.output ?? [];
  if (outputs.length > 1)
    problems.push({
      path: 'graph.output',
      message: `the model has ${outputs.length} outputs; an MLP has one`,
    });
  else if (problems.length === 0 && outputs[0].name !== chain.stream)
    problems.push({
      path: 'graph.output[0]',
      message: `the output “${outputs[0].name}” is not the end of the chain of layers`,
    });
  if (problems.length === 0 && !chain.stages.some((s) => s.type === 'layer'))
    problems.push({ path: 'graph', message: 'the model has no fully connected layer (Gemm or MatMul)' });
}

function fail(path: string, message: string): MlpResult {
  return { ok: false, problems: [{ path, message }] };
}
