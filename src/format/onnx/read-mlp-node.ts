/**
 * One ONNX node of a model read as an MLP: it must continue the chain (read the previous layer's
 * output) with an operator an MLP has — a fully connected layer (Gemm, or MatMul then Add), an
 * activation of the rows (kinds/activation-functions.ts, by their ONNX form), Softmax, PReLU, or a
 * pass-through — else it is a problem naming the operator and where it is.
 */
import {
  ELEMENTWISE_OF_ONNX_OP,
  type NodeProto,
  type TensorProto,
  tensorValues,
} from '../../engine/export/onnx';
import { ELEMENTWISE, type ElementwiseId } from '../../engine/kinds/activation-functions';
import type { Problem } from '../problem';
import type { Stage } from './read-mlp';

export interface Constant {
  dims: number[];
  values: Float64Array;
}

/** The chain read so far. */
export interface Chain {
  /** Constants by tensor name: initializers and Constant nodes. */
  consts: Map<string, Constant>;
  /** The tensor the next layer reads (undefined: the model's inputs are not usable). */
  stream: string | undefined;
  /** Its number of features. */
  width: number;
  /** The input's features, one name each. */
  features: string[];
  /** Several inputs wait for the Concat that joins them into the stream. */
  joining: boolean;
  stages: Stage[];
}

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

/** Where a node is, for a message: `graph.node[3] (“/fc1/Gemm”)`. */
const where = (node: NodeProto, index: number) =>
  `graph.node[${index}]${node.name ? ` (“${node.name}”)` : ''}`;

/** Reads a node into the chain, or adds the problem with it to `problems`. */
export function readNode(node: NodeProto, index: number, chain: Chain, problems: Problem[]): void {
  const op = node.op_type ?? '';
  const path = where(node, index);
  const ins = node.input ?? [];
  const out = node.output?.[0] ?? '';
  const say = (message: string) => problems.push({ path, message: `${op}: ${message}` });
  if (node.domain && node.domain !== 'ai.onnx') {
    say(`operators of the domain “${node.domain}” are not supported`);
    return;
  }
  if (op === 'Constant') {
    const t = node.attribute?.find((a) => a.name === 'value')?.t;
    const c = t && readTensor(t, path, problems);
    if (c) chain.consts.set(out, c);
    else say('only a tensor value is supported');
    return;
  }
  const { features } = chain;
  if (
    chain.joining &&
    op === 'Concat' &&
    ins.length === features.length &&
    ins.every((x, i) => x === features[i])
  ) {
    chain.joining = false;
    chain.stream = out;
    chain.width = features.length;
    return;
  }
  const streamAt = ins.indexOf(chain.stream ?? '\u0000');
  if (streamAt < 0) {
    say(
      WHY_NOT[op] ??
        'it does not read the previous layer’s output: only a single chain of layers is supported',
    );
    return;
  }
  const why = readOp(node, op, streamAt, chain);
  if (why) say(why);
  else chain.stream = out;
}

/** Adds what the operator does to the chain; or says why it cannot be part of an MLP. */
function readOp(node: NodeProto, op: string, streamAt: number, chain: Chain): string | undefined {
  const ins = node.input ?? [];
  const other = ins.filter((_, i) => i !== streamAt);
  const activation = ELEMENTWISE_OF_ONNX_OP.get(op);
  if (activation) return readActivation(node, activation, chain);
  switch (op) {
    case 'Identity':
    case 'Flatten':
    case 'Dropout':
      return undefined;
    case 'Reshape': {
      const shape = chain.consts.get(ins[1]);
      const kept = shape && [...shape.values].filter((d) => d !== 1);
      const w = chain.width;
      return kept?.length === 1 && (kept[0] === w || kept[0] === -1 || kept[0] === 0)
        ? undefined
        : `only a reshape of the ${w} features into one row is supported`;
    }
    case 'Gemm':
    case 'MatMul':
      return readLayer(node, op, streamAt, chain);
    case 'Add':
      return readBias(chain.consts.get(other[0]), chain);
    case 'Softmax': {
      const axis = node.attribute?.find((x) => x.name === 'axis')?.i ?? -1;
      if (axis !== -1 && axis !== 1) return `a softmax over axis ${axis} is not over the units`;
      chain.stages.push({ type: 'softmax' });
      return undefined;
    }
    case 'PRelu': {
      const slope = chain.consts.get(other[0]);
      if (slope?.values.length !== 1)
        return 'only one slope shared by every unit is supported (Neurograph’s PReLU)';
      chain.stages.push({ type: 'prelu', alpha: slope.values[0] });
      return undefined;
    }
    default:
      return WHY_NOT[op] ?? 'this operator is not supported in an MLP';
  }
}

/** A fully connected layer: z = x·W (MatMul) or α·x·op(W) + β·C (Gemm), stored units × inputs. */
function readLayer(
  node: NodeProto,
  op: 'Gemm' | 'MatMul',
  streamAt: number,
  chain: Chain,
): string | undefined {
  const ins = node.input ?? [];
  const a = new Map((node.attribute ?? []).map((x) => [x.name, x]));
  if (streamAt !== 0 || (op === 'Gemm' && a.get('transA')?.i))
    return 'the layer’s input must be the left operand, untransposed';
  const B = chain.consts.get(ins[1]);
  if (B?.dims.length !== 2) return 'the weights must be a constant matrix';
  const transB = op === 'Gemm' && !!a.get('transB')?.i;
  const [units, nIn] = transB ? B.dims : [B.dims[1], B.dims[0]];
  if (nIn !== chain.width)
    return `the weights take ${nIn} inputs, but the previous layer gives ${chain.width}`;
  const scale = op === 'Gemm' ? (a.get('alpha')?.f ?? 1) : 1;
  const W = new Float64Array(units * nIn);
  for (let u = 0; u < units; u++)
    for (let i = 0; i < nIn; i++)
      W[u * nIn + i] = scale * (transB ? B.values[u * nIn + i] : B.values[i * units + u]);
  const b = new Float64Array(units);
  if (op === 'Gemm' && ins[2]) {
    const C = chain.consts.get(ins[2]);
    const beta = a.get('beta')?.f ?? 1;
    if (!C || (C.values.length !== units && C.values.length !== 1))
      return 'the bias must be a constant with one number per unit';
    for (let u = 0; u < units; u++) b[u] = beta * C.values[C.values.length === 1 ? 0 : u];
  }
  chain.stages.push({ type: 'layer', units, inputs: nIn, W, b, activation: 'linear', closed: op === 'Gemm' });
  chain.width = units;
  return undefined;
}

/** A constant bias added right after a MatMul: the layer's b. */
function readBias(C: Constant | undefined, chain: Chain): string | undefined {
  const layer = chain.stages[chain.stages.length - 1];
  const width = chain.width;
  if (!C || layer?.type !== 'layer' || layer.closed || (C.values.length !== width && C.values.length !== 1))
    return 'only a constant bias added right after a MatMul is supported';
  for (let u = 0; u < width; u++) layer.b[u] += C.values[C.values.length === 1 ? 0 : u];
  layer.closed = true;
  return undefined;
}

/** An activation: the last layer's when it has none yet, else a stage of its own. */
function readActivation(node: NodeProto, activation: ElementwiseId, chain: Chain): undefined {
  const row = ELEMENTWISE[activation];
  const form = row.onnx === 'identity' ? undefined : row.onnx;
  const alpha = row.alpha
    ? (node.attribute?.find((x) => x.name === 'alpha')?.f ?? form?.alphaDefault)
    : undefined;
  const layer = chain.stages[chain.stages.length - 1];
  if (layer?.type === 'layer' && layer.activation === 'linear') {
    layer.activation = activation;
    layer.alpha = alpha;
    layer.closed = true;
  } else chain.stages.push({ type: 'activation', activation, alpha });
  return undefined;
}

/** A tensor's numbers and dimensions, or undefined with the problem (its size does not match). */
export function readTensor(t: TensorProto, path: string, problems: Problem[]): Constant | undefined {
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
