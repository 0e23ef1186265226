/**
 * Reads an ONNX model as a multilayer perceptron: a chain from one input (or several N × 1 inputs
 * joined by a Concat, as Neurograph writes them) through fully connected layers (Gemm, or MatMul then
 * Add) and the activations Neurograph has, to one output. Everything else is a problem, each naming
 * the operator and where it is (its node's name and index), all listed at once.
 */
import {
  decodeModel,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  tensorValues,
} from '../../engine/export/onnx';
import type { ElementwiseId } from '../../engine/kinds/activation-functions';
import type { Problem } from '../problem';

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

const ACTIVATIONS: Record<string, ElementwiseId> = {
  Relu: 'relu',
  LeakyRelu: 'leaky_relu',
  Elu: 'elu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
};
/** ONNX's defaults for the α of LeakyRelu and Elu. */
const DEFAULT_ALPHA: Record<string, number> = { LeakyRelu: 0.01, Elu: 1 };

const WHY_NOT: Record<string, string> = {
  Conv: 'convolutions are not part of an MLP',
  ConvTranspose: 'convolutions are not part of an MLP',
  MaxPool: 'pooling is not part of an MLP',
  AveragePool: 'pooling is not part of an MLP',
  Attention: 'attention is not part of an MLP',
  MultiHeadAttention: 'attention is not part of an MLP',
  If: 'control flow cannot be drawn as layers',
  Loop: 'control flow cannot be drawn as layers',
  Scan: 'control flow cannot be drawn as layers',
  LSTM: 'recurrent layers are not part of an MLP',
  GRU: 'recurrent layers are not part of an MLP',
  RNN: 'recurrent layers are not part of an MLP',
};

/** Where a node is, for a message: `node 3 (“/fc1/Gemm”)`. */
const where = (node: NodeProto, index: number) =>
  `graph.node[${index}]${node.name ? ` (“${node.name}”)` : ''}`;

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
  const consts = new Map<string, { dims: number[]; values: Float64Array }>();
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

  const inputs = (graph.input ?? []).filter((v) => v.name && !consts.has(v.name));
  const widthOf = (name: string | undefined) => {
    const dims = (graph.input ?? []).find((v) => v.name === name)?.type?.tensor_type?.shape?.dim ?? [];
    const last = dims[dims.length - 1];
    return dims.length === 0 ? undefined : (last?.dim_value ?? undefined);
  };
  let stream: string | undefined;
  let width = 0;
  let features: string[] = [];
  let joining = false;
  if (inputs.length === 1) {
    stream = inputs[0].name!;
    width = widthOf(stream) ?? 0;
    if (!width)
      problems.push({
        path: 'graph.input[0]',
        message: `the input “${stream}” has no fixed number of features`,
      });
    features = width === 1 ? [stream] : Array.from({ length: width }, (_, i) => `${stream}${i + 1}`);
  } else if (inputs.length > 1) {
    // Several inputs are one feature each, joined by the first node.
    joining = true;
    features = inputs.map((v) => v.name!);
  } else problems.push({ path: 'graph.input', message: 'the model has no input' });

  const stages: Stage[] = [];
  const last = () => stages[stages.length - 1];
  const nodes = graph.node;
  for (const [index, node] of nodes.entries()) {
    const op = node.op_type ?? '';
    const path = where(node, index);
    const ins = node.input ?? [];
    const out = node.output?.[0] ?? '';
    const say = (message: string) => problems.push({ path, message: `${op}: ${message}` });
    if (node.domain && node.domain !== 'ai.onnx') {
      say(`operators of the domain “${node.domain}” are not supported`);
      continue;
    }
    if (op === 'Constant') {
      const t = node.attribute?.find((a) => a.name === 'value')?.t;
      const c = t && readTensor(t, path, problems);
      if (c) consts.set(out, c);
      else say('only a tensor value is supported');
      continue;
    }
    if (
      joining &&
      op === 'Concat' &&
      ins.length === features.length &&
      ins.every((x, i) => x === features[i])
    ) {
      joining = false;
      stream = out;
      width = features.length;
      continue;
    }
    const streamAt = ins.indexOf(stream ?? '\u0000');
    if (streamAt < 0) {
      say(
        WHY_NOT[op] ??
          'it does not read the previous layer’s output: only a single chain of layers is supported',
      );
      continue;
    }
    const other = ins.filter((_, i) => i !== streamAt);
    const constOf = (name: string) => consts.get(name);
    switch (op) {
      case 'Identity':
      case 'Flatten':
      case 'Dropout':
        break;
      case 'Reshape': {
        const shape = constOf(ins[1]);
        const kept = shape && [...shape.values].filter((d) => d !== 1);
        if (!kept || !(kept.length === 1 && (kept[0] === width || kept[0] === -1 || kept[0] === 0))) {
          say(`only a reshape of the ${width} features into one row is supported`);
          continue;
        }
        break;
      }
      case 'Gemm':
      case 'MatMul': {
        const a = new Map((node.attribute ?? []).map((x) => [x.name, x]));
        if (streamAt !== 0 || (op === 'Gemm' && a.get('transA')?.i)) {
          say('the layer’s input must be the left operand, untransposed');
          continue;
        }
        const B = constOf(ins[1]);
        if (B?.dims.length !== 2) {
          say('the weights must be a constant matrix');
          continue;
        }
        const transB = op === 'Gemm' && !!a.get('transB')?.i;
        const [units, nIn] = transB ? B.dims : [B.dims[1], B.dims[0]];
        if (nIn !== width) {
          say(`the weights take ${nIn} inputs, but the previous layer gives ${width}`);
          continue;
        }
        const scale = op === 'Gemm' ? (a.get('alpha')?.f ?? 1) : 1;
        const W = new Float64Array(units * nIn);
        for (let u = 0; u < units; u++)
          for (let i = 0; i < nIn; i++)
            W[u * nIn + i] = scale * (transB ? B.values[u * nIn + i] : B.values[i * units + u]);
        const b = new Float64Array(units);
        if (op === 'Gemm' && ins[2]) {
          const C = constOf(ins[2]);
          const beta = a.get('beta')?.f ?? 1;
          if (!C || (C.values.length !== units && C.values.length !== 1)) {
            say('the bias must be a constant with one number per unit');
            continue;
          }
          for (let u = 0; u < units; u++) b[u] = beta * C.values[C.values.length === 1 ? 0 : u];
        }
        stages.push({ type: 'layer', units, inputs: nIn, W, b, activation: 'linear', closed: op === 'Gemm' });
        width = units;
        break;
      }
      case 'Add': {
        const C = constOf(other[0]);
        const layer = last();
        if (
          !C ||
          layer?.type !== 'layer' ||
          layer.closed ||
          (C.values.length !== width && C.values.length !== 1)
        ) {
          say('only a constant bias added right after a MatMul is supported');
          continue;
        }
        for (let u = 0; u < width; u++) layer.b[u] += C.values[C.values.length === 1 ? 0 : u];
        layer.closed = true;
        break;
      }
      case 'Relu':
      case 'LeakyRelu':
      case 'Elu':
      case 'Sigmoid':
      case 'Tanh': {
        const alpha = node.attribute?.find((x) => x.name === 'alpha')?.f ?? DEFAULT_ALPHA[op];
        const layer = last();
        if (layer?.type === 'layer' && layer.activation === 'linear') {
          layer.activation = ACTIVATIONS[op];
          layer.alpha = alpha;
          layer.closed = true;
        } else stages.push({ type: 'activation', activation: ACTIVATIONS[op], alpha });
        break;
      }
      case 'Softmax': {
        const axis = node.attribute?.find((x) => x.name === 'axis')?.i ?? -1;
        if (axis !== -1 && axis !== 1) {
          say(`a softmax over axis ${axis} is not over the units`);
          continue;
        }
        stages.push({ type: 'softmax' });
        break;
      }
      case 'PRelu': {
        const slope = constOf(other[0]);
        if (slope?.values.length !== 1) {
          say('only one slope shared by every unit is supported (Neurograph’s PReLU)');
          continue;
        }
        stages.push({ type: 'prelu', alpha: slope.values[0] });
        break;
      }
      default:
        say(WHY_NOT[op] ?? 'this operator is not supported in an MLP');
        continue;
    }
    stream = out;
  }
  if (graph.output.length > 1)
    problems.push({
      path: 'graph.output',
      message: `the model has ${graph.output.length} outputs; an MLP has one`,
    });
  else if (problems.length === 0 && graph.output[0].name !== stream)
    problems.push({
      path: 'graph.output[0]',
      message: `the output “${graph.output[0].name}” is not the end of the chain of layers`,
    });
  if (problems.length === 0 && !stages.some((s) => s.type === 'layer'))
    problems.push({ path: 'graph', message: 'the model has no fully connected layer (Gemm or MatMul)' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    mlp: {
      name: graph.name?.trim() || fileName.replace(/\.onnx$/i, ''),
      features,
      output: graph.output[0].name ?? 'output',
      stages,
    },
  };
}

function fail(path: string, message: string): MlpResult {
  return { ok: false, problems: [{ path, message }] };
}

function readTensor(
  t: TensorProto,
  path: string,
  problems: Problem[],
): { dims: number[]; values: Float64Array } | undefined {
  try {
    const values = tensorValues(t);
    const dims = (t.dims ?? []).map(Number);
    const size = dims.reduce((p, d) => p * d, 1);
    if (values.length !== size) {
      problems.push({
        path,
        message: `the tensor “${t.name ?? ''}” should hold ${size} numbers but holds ${values.length} (is the file truncated?)`,
      });
      return undefined;
    }
    return { dims, values };
  } catch (e) {
    problems.push({ path, message: (e as Error).message });
    return undefined;
  }
}
