/**
 * A compiled graph's forward pass as an ONNX model (opset 17, float32) with the given parameters:
 * what a runtime needs to make the network's predictions. The inputs are the dataset's features, one
 * N × 1 tensor each, named after them; the outputs are what the losses judge (as in the NumPy export),
 * named after the nodes that compute them. Every node is checked first: one that ONNX cannot express
 * (a kind without a row in kinds.ts, a formula without an operator, a loss on the way to an output)
 * stops the export with an ExportError naming it, so a file is either whole or not written.
 */
import type { Plan, PlanNode } from '../../compiler/plan';
import { initialParameters } from '../../runtime/parameters';
import { predictionRefs } from '../numpy';
import { ExportError, neededNodes, scriptName, type ValueRef } from '../program';
import { attr, OnnxGraph, type Value } from './builder';
import { ONNX_ROWS, type OnnxNodeContext, OnnxRefusal } from './kinds';
import { encodeModel, type ModelProto, type ValueInfoProto } from './proto';

export const ONNX_OPSET = 17;
/** IR version 8 goes with opset 17 (onnx/docs/Versioning.md) and every current runtime reads it. */
const IR_VERSION = 8;
const FLOAT = 1;

export interface OnnxExportOptions {
  /** The document's name: the file's, the graph's and the doc string's. */
  name?: string;
  /** The parameters to write (e.g. a trainer's θ after training); the initial ones by default. */
  theta?: Float64Array;
}

export interface OnnxFile {
  filename: string;
  bytes: Uint8Array;
  /** The graph's input names (one per feature) and output names, in order. */
  inputs: string[];
  outputs: string[];
}

/** The values the model outputs: what the losses judge, or, without a loss, what nothing reads. */
export function onnxOutputs(plan: Plan): ValueRef[] {
  const judged = predictionRefs(plan);
  if (judged.length > 0) return judged;
  const read = new Set<string>();
  for (const node of plan.order)
    for (const list of Object.values(node.inputs))
      for (const i of list) read.add(`${i.sourceNode}\u0000${i.sourcePort}`);
  return plan.order
    .filter((n) => n.kind.role === 'op')
    .flatMap((node) =>
      Object.keys(node.outputs)
        .filter((port) => !read.has(`${node.id}\u0000${port}`))
        .map((port) => ({ node, port })),
    );
}

const refKey = (node: string, port: string) => `${node}\u0000${port}`;

/** Why a node cannot be part of the model, or undefined when it can. */
function refusal(node: PlanNode): string | undefined {
  switch (node.kind.role) {
    case 'data':
      return undefined;
    case 'loss':
      return 'a loss compares with targets, which a model for inference does not have';
    case 'optimizer':
      return 'an optimizer only trains';
    default:
      return ONNX_ROWS[node.kind.id] ? undefined : 'its kind has no ONNX translation';
  }
}

export function exportOnnx(plan: Plan, options: OnnxExportOptions = {}): OnnxFile {
  const roots = onnxOutputs(plan);
  if (roots.length === 0)
    throw new ExportError('cannot export to ONNX: the graph computes nothing to output');
  const theta = options.theta ?? initialParameters(plan);
  if (theta.length !== plan.paramCount)
    throw new Error(`θ has ${theta.length} numbers but the graph has ${plan.paramCount} parameters`);
  const nodes = neededNodes(plan, roots);
  const problems: string[] = [];
  for (const node of nodes) {
    const why = refusal(node);
    if (why) problems.push(`${node.kind.label} “${node.label}”: ${why}`);
    for (const list of Object.values(node.inputs))
      for (const i of list)
        if (plan.nodes.get(i.sourceNode)?.kind.role === 'data' && i.sourcePort === 'target')
          problems.push(
            `${node.kind.label} “${node.label}” reads the dataset’s target, which a model for inference does not have`,
          );
  }
  const refuse = (list: string[]) => {
    throw new ExportError(`cannot export to ONNX: ${list.join('; ')}`);
  };
  if (problems.length > 0) refuse(problems);

  const g = new OnnxGraph();
  const title = options.name ?? 'Neurograph graph';
  const values = new Map<string, Value>();
  const inputs: ValueInfoProto[] = [];
  let batchShape: string | undefined;
  const data = plan.data;

  // The dataset's features: one graph input each, named after the feature.
  if (data) {
    const features = data.table.featureNames.map((name, i) => {
      const base = name.trim() || `x${i}`;
      let input = base;
      for (let k = 2; !g.claim(input); k++) input = `${base}_${k}`;
      inputs.push(tensorInfo(input, 1, `feature ${i + 1} of “${data.table.name}”`));
      return { tensor: input, width: 1 } satisfies Value;
    });
    for (const [i, f] of features.entries()) values.set(refKey(data.node, `x${i}`), f);
    values.set(refKey(data.node, 'features'), { parts: features, width: features.length });
  }
  // Output names are taken before any internal tensor can take them.
  const outputNames = roots.map((r) => {
    const base = (r.port === 'out' ? r.node.label : `${r.node.label}.${r.port}`).trim() || 'output';
    let name = base;
    for (let k = 2; !g.claim(name); k++) name = `${base}_${k}`;
    return name;
  });
  // A standardized CSV: the model takes the raw columns and moves them as training did.
  if (data?.table.standardized) {
    const { mean, scale } = data.table.standardized;
    const parts = data.table.featureNames.map((_, i) => {
      const raw = values.get(refKey(data.node, `x${i}`)) as { tensor: string; width: number };
      const hint = `${raw.tensor}/standardized`;
      const centred = g.op('Sub', [raw.tensor, g.floats(`${raw.tensor}/mean`, [1], [mean[i]])], hint);
      const moved = g.op('Mul', [centred, g.floats(`${raw.tensor}/scale`, [1], [scale[i]])], hint);
      const v = { tensor: moved, width: 1 } satisfies Value;
      values.set(refKey(data.node, `x${i}`), v);
      return v;
    });
    values.set(refKey(data.node, 'features'), { parts, width: parts.length });
  }
  const fill = (v: number, hint: string) => {
    const c = g.floats(hint, [1, 1], [v]);
    if (inputs.length === 0) return c;
    // The batch's size from the first input: Shape(x)[0:1] joined with [1].
    batchShape ??= g.op(
      'Concat',
      [g.op('Shape', [inputs[0].name!], 'N', [attr.int('end', 1)]), g.ints('one', [1])],
      'N×1',
      [attr.int('axis', 0)],
    );
    return g.op('Expand', [c, batchShape], hint);
  };

  const contextOf = (node: PlanNode): OnnxNodeContext => {
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

  // Layers of neurons: every node of a layer key is written when the first of them comes up.
  const layers = new Map<string, PlanNode[]>();
  for (const node of nodes) {
    const key = ONNX_ROWS[node.kind.id]?.layerKey?.(node);
    if (key !== undefined)
      layers.set(`${node.kind.id}\u0000${key}`, [...(layers.get(`${node.kind.id}\u0000${key}`) ?? []), node]);
  }
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
      if (e instanceof OnnxRefusal) refuse([`${node.kind.label} “${node.label}”: ${e.message}`]);
      throw e;
    }
    members.forEach((m, j) => {
      done.add(m.id);
      for (const [port, v] of Object.entries(outs[j])) values.set(refKey(m.id, port), v);
    });
  }

  const renamed = new Map<string, string>();
  const outputs = roots.map((r, i) => {
    const v = values.get(refKey(r.node.id, r.port))!;
    const name = outputNames[i];
    const computed = g.tensor(v);
    const source = renamed.get(computed) ?? computed;
    // The node that computes an output writes it under the output's name; an input, a constant or
    // a value output twice is copied by an Identity.
    const producer = renamed.has(computed) ? undefined : g.nodes.find((n) => n.output?.[0] === source);
    if (producer) {
      producer.output = [name];
      for (const n of g.nodes) n.input = n.input?.map((x) => (x === source ? name : x));
      renamed.set(computed, name);
    } else g.nodes.push({ op_type: 'Identity', name: `Identity_${name}`, input: [source], output: [name] });
    return tensorInfo(name, v.width, `${r.node.kind.label} “${r.node.label}”`, inputs.length === 0);
  });

  const model: ModelProto = {
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    producer_name: 'Neurograph',
    doc_string:
      `“${title}”, exported from Neurograph: the network's forward pass with its ${options.theta ? 'current (trained)' : 'initial'} parameters, in float32. ` +
      (inputs.length > 0
        ? `Inputs: ${inputs.map((x) => x.name).join(', ')} (N × 1 each, one row per example). `
        : 'No inputs. ') +
      `Outputs: ${outputs.map((o) => o.name).join(', ')}.`,
    graph: {
      name: title,
      node: g.nodes,
      initializer: g.initializers,
      input: inputs,
      output: outputs,
    },
  };
  return {
    filename: scriptName(options.name).replace(/\.py$/, '.onnx'),
    bytes: encodeModel(model),
    inputs: inputs.map((x) => x.name!),
    outputs: outputs.map((o) => o.name!),
  };
}

/** A float32 tensor of N × width (1 × width without inputs). */
function tensorInfo(name: string, width: number, doc: string, fixedBatch = false): ValueInfoProto {
  return {
    name,
    doc_string: doc,
    type: {
      tensor_type: {
        elem_type: FLOAT,
        shape: { dim: [fixedBatch ? { dim_value: 1 } : { dim_param: 'N' }, { dim_value: width }] },
      },
    },
  };
}
