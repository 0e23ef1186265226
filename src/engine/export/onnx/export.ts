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
import { OnnxGraph, type Value } from './builder';
import { featureInputs, refKey, standardizeFeatures } from './graph-inputs';
import { ONNX_ROWS } from './kinds';
import { encodeModel, type ModelProto, type ValueInfoProto } from './proto';
import { tensorInfo } from './tensor-info';
import { writeNodes } from './write-nodes';

export const ONNX_OPSET = 17;
/** IR version 8 goes with opset 17 (onnx/docs/Versioning.md) and every current runtime reads it. */
const IR_VERSION = 8;

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

/** Everything that keeps `nodes` from being a model for inference, one sentence per problem. */
function problemsOf(plan: Plan, nodes: readonly PlanNode[]): string[] {
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
  return problems;
}

const refuse = (list: string[]): never => {
  throw new ExportError(`cannot export to ONNX: ${list.join('; ')}`);
};

export function exportOnnx(plan: Plan, options: OnnxExportOptions = {}): OnnxFile {
  const roots = onnxOutputs(plan);
  if (roots.length === 0)
    throw new ExportError('cannot export to ONNX: the graph computes nothing to output');
  const theta = options.theta ?? initialParameters(plan);
  if (theta.length !== plan.paramCount)
    throw new Error(`θ has ${theta.length} numbers but the graph has ${plan.paramCount} parameters`);
  const nodes = neededNodes(plan, roots);
  const problems = problemsOf(plan, nodes);
  if (problems.length > 0) refuse(problems);

  const g = new OnnxGraph();
  const values = new Map<string, Value>();
  const inputs = featureInputs(g, plan, values);
  // Output names are taken before any internal tensor can take them.
  const outputNames = roots.map((r) =>
    claimName(g, (r.port === 'out' ? r.node.label : `${r.node.label}.${r.port}`).trim() || 'output'),
  );
  standardizeFeatures(g, plan, values);
  writeNodes(nodes, { graph: g, theta, values, firstInput: inputs[0]?.name, refuse });
  const outputs = bindOutputs(g, roots, outputNames, values, inputs.length === 0);
  return {
    filename: scriptName(options.name).replace(/\.py$/, '.onnx'),
    bytes: encodeModel(modelOf(g, inputs, outputs, options)),
    inputs: inputs.map((x) => x.name!),
    outputs: outputs.map((o) => o.name!),
  };
}

/** `base`, or `base_2`, `base_3`, … whichever is free, reserved in `g`. */
function claimName(g: OnnxGraph, base: string): string {
  let name = base;
  for (let k = 2; !g.claim(name); k++) name = `${base}_${k}`;
  return name;
}

/**
 * The graph's outputs: each root's value under its output name. The node that computes an output
 * writes it under that name; an input, a constant or a value output twice is copied by an Identity.
 */
function bindOutputs(
  g: OnnxGraph,
  roots: readonly ValueRef[],
  names: readonly string[],
  values: ReadonlyMap<string, Value>,
  fixedBatch: boolean,
): ValueInfoProto[] {
  const renamed = new Map<string, string>();
  return roots.map((r, i) => {
    const v = values.get(refKey(r.node.id, r.port))!;
    const name = names[i];
    const computed = g.tensor(v);
    const source = renamed.get(computed) ?? computed;
    const producer = renamed.has(computed) ? undefined : g.nodes.find((n) => n.output?.[0] === source);
    if (producer) {
      producer.output = [name];
      for (const n of g.nodes) n.input = n.input?.map((x) => (x === source ? name : x));
      renamed.set(computed, name);
    } else g.nodes.push({ op_type: 'Identity', name: `Identity_${name}`, input: [source], output: [name] });
    return tensorInfo(name, v.width, `${r.node.kind.label} “${r.node.label}”`, fixedBatch);
  });
}

/** The model around the graph, with a doc string saying what it is and what goes in and out. */
function modelOf(
  g: OnnxGraph,
  inputs: ValueInfoProto[],
  outputs: ValueInfoProto[],
  options: OnnxExportOptions,
): ModelProto {
  const title = options.name ?? 'Neurograph graph';
  return {
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    producer_name: 'Neurograph',
    doc_string:
      `“${title}”, exported from Neurograph: the network's forward pass with its ${options.theta ? 'current (trained)' : 'initial'} parameters, in float32. ` +
      (inputs.length > 0
        ? `Inputs: ${inputs.map((x) => x.name).join(', ')} (N × 1 each, one row per example). `
        : 'No inputs. ') +
      `Outputs: ${outputs.map((o) => o.name).join(', ')}.`,
    graph: { name: title, node: g.nodes, initializer: g.initializers, input: inputs, output: outputs },
  };
}
