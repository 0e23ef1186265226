/**
 * What both exporters share: Python names for parameters and values, and the forward pass written
 * node by node in execution order from each kind's emitter (kind.torch / kind.numpy).
 */
import type { Plan, PlanNode } from '../compiler/plan';
import type { NodeId } from '../graph';
import type { AnyKind } from '../kind';
import { streamKey } from '../runtime/step-random';
import type { PyBackend, PyContext, PyEmitter, PyInput } from './emit';
import { pyComment } from './emit';

/** A graph holds kinds the target cannot express; `kinds` names each once. */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly kinds: readonly string[] = [],
  ) {
    super(message);
  }
}

export const BACKEND_LABELS: Record<PyBackend, string> = { torch: 'PyTorch', numpy: 'NumPy' };

const PYTHON_RESERVED = [
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  // Names the scripts themselves use.
  'argparse',
  'json',
  'math',
  'np',
  'torch',
  'x',
  'y',
  'n',
  'L',
  'X',
  'Y',
  'X_TRAIN',
  'X_TEST',
  'BATCH_SIZE',
  'SHUFFLE',
  'SHUFFLE_SEED',
  'CLOCK',
  'PARAMETERS',
  'TRAINED',
  'forward',
  'predict',
  'train',
  'main',
  'batch_rows',
  'make_optimizer',
  'float',
  'int',
  'len',
  'list',
  'min',
  'max',
  'range',
  'print',
  'isinstance',
  'next',
  'staticmethod',
  'super',
  'dict',
  'tuple',
  'object',
  'type',
  'abs',
  'sum',
];

/** Python identifiers from labels: ASCII, unique, never a keyword or a name the script uses. */
export class Names {
  private readonly used = new Set(PYTHON_RESERVED);

  fresh(label: string): string {
    let base = label
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (base === '') base = 'v';
    if (/^\d/.test(base)) base = `v${base}`;
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }
}

/** One output port of one node. */
export interface ValueRef {
  node: PlanNode;
  port: string;
}

export interface ForwardCode {
  /** Statements of the forward function, unindented, in execution order. */
  lines: string[];
  /** Module-level definitions requested by emitters (helper()), in order of first use. */
  definitions: string[];
  /** The Python expression of each requested root value. */
  roots: string[];
}

const refKey = (node: string, port: string) => `${node}\u0000${port}`;

function emitterOf(node: PlanNode, backend: PyBackend): PyEmitter<Record<string, unknown>> | undefined {
  return node.kind[backend];
}

/** The nodes the roots depend on, in plan order. */
export function neededNodes(plan: Plan, roots: readonly ValueRef[]): PlanNode[] {
  const keep = new Set<string>();
  const stack = roots.map((r) => r.node);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (keep.has(node.id)) continue;
    keep.add(node.id);
    for (const list of Object.values(node.inputs))
      for (const i of list) stack.push(plan.nodes.get(i.sourceNode)!);
  }
  return plan.order.filter((n) => keep.has(n.id));
}

/** A node as an error names it. */
export interface NamedKind {
  kind: AnyKind;
  label: string;
}

/**
 * Throws an ExportError naming every kind among `nodes` that `supported` refuses (by default: that
 * has no emitter for `backend`), with the nodes of each kind.
 */
export function requireEmitters(
  nodes: readonly NamedKind[],
  backend: PyBackend,
  supported: (kind: AnyKind) => boolean = (kind) => kind[backend] !== undefined,
): void {
  const missing = new Map<string, { kind: AnyKind; labels: string[] }>();
  for (const node of nodes) {
    if (supported(node.kind)) continue;
    const entry = missing.get(node.kind.id) ?? { kind: node.kind, labels: [] };
    entry.labels.push(node.label);
    missing.set(node.kind.id, entry);
  }
  if (missing.size === 0) return;
  const target = BACKEND_LABELS[backend];
  const list = [...missing.values()].map(
    ({ kind, labels }) => `${kind.label} (“${kind.id}”: ${labels.map((l) => `“${l}”`).join(', ')})`,
  );
  throw new ExportError(
    `cannot export to ${target}: these node kinds have no ${target} translation: ${list.join('; ')}`,
    [...missing.keys()],
  );
}

/**
 * The forward pass computing `roots`, from each node's emitter. `paramNames` maps block keys to the
 * Python names of the parameter tensors.
 */
export function emitForward(
  plan: Plan,
  backend: PyBackend,
  roots: readonly ValueRef[],
  names: Names,
  paramNames: ReadonlyMap<string, string>,
): ForwardCode {
  const nodes = neededNodes(plan, roots);
  requireEmitters(nodes, backend);
  const consumed = new Set<string>(roots.map((r) => refKey(r.node.id, r.port)));
  for (const node of nodes) {
    for (const list of Object.values(node.inputs))
      for (const i of list) consumed.add(refKey(i.sourceNode, i.sourcePort));
  }
  const values = new Map<string, string>();
  const lines: string[] = [];
  const definitions: string[] = [];
  const helperNames = new Map<string, string>();
  const parameterBlocks = plan.blocks.map((b) => ({
    nodeId: b.nodeId,
    name: b.name,
    edgeId: b.edgeId,
    tensor: paramNames.get(b.key)!,
  }));

  for (const node of nodes) {
    const inputs: Record<string, PyInput[]> = {};
    for (const [port, list] of Object.entries(node.inputs)) {
      inputs[port] = list.map((i) => ({
        expr: values.get(refKey(i.sourceNode, i.sourcePort))!,
        width: i.slot.width,
        sourceNode: i.sourceNode,
        sourceKind: i.sourceKind,
        weight: i.block ? paramNames.get(i.block.key) : undefined,
        sourceInput: i.sourceInput ? fusedSourceInput(plan, i.sourceNode, values) : undefined,
      }));
    }
    const blocks: Record<string, string> = {};
    for (const [name, b] of Object.entries(node.blocks)) blocks[name] = paramNames.get(b.key)!;
    const outputs: Record<string, number> = {};
    for (const [port, slot] of Object.entries(node.outputs)) outputs[port] = slot.width;
    const ctx: PyContext<Record<string, unknown>> = {
      params: node.params,
      backend,
      inputs,
      blocks,
      outputs,
      streamKey: streamKey(plan.orderSeed, node.id),
      parameterBlocks,
      helper(hint, key, define) {
        const known = helperNames.get(key);
        if (known) return known;
        const name = `_${names.fresh(hint)}`;
        helperNames.set(key, name);
        definitions.push(define(name).join('\n'));
        return name;
      },
    };
    const exprs = emitterOf(node, backend)!(ctx);
    const wanted = Object.keys(node.outputs).filter((p) => consumed.has(refKey(node.id, p)));
    const own: string[] = [];
    for (const port of wanted) {
      const expr = exprs[port];
      if (expr === undefined)
        throw new Error(`${node.kind.id}: its ${backend} emitter gives no output ${port}`);
      if (/^[A-Za-z_]\w*$/.test(expr)) {
        values.set(refKey(node.id, port), expr);
        continue;
      }
      const primary = port === 'out' || port === 'loss';
      const name = names.fresh(primary ? node.label : `${node.label}_${port}`);
      own.push(`${name} = ${expr}`);
      values.set(refKey(node.id, port), name);
    }
    if (own.length > 0) lines.push(`# ${pyComment(`${node.kind.label} “${node.label}”`)}`, ...own);
  }
  return { lines, definitions, roots: roots.map((r) => values.get(refKey(r.node.id, r.port))!) };
}

/** Names every parameter block, in θ order. */
export function nameParameters(plan: Plan, names: Names): Map<string, string> {
  return new Map(plan.blocks.map((b) => [b.key, names.fresh(b.label)]));
}

/** What a parameter block is, for a comment: "Neuron “h1.1”: bias" or "weight of the edge a → b". */
export function describeBlock(plan: Plan, key: string): string {
  const block = plan.blocks.find((b) => b.key === key)!;
  const node = plan.nodes.get(block.nodeId)!;
  if (block.edgeId) {
    const edge = plan.edges.get(block.edgeId);
    const source = edge ? plan.nodes.get(edge.source)?.label : undefined;
    return pyComment(`weight of the edge ${source ?? '?'} → ${node.label}`);
  }
  return pyComment(`${node.kind.label} “${node.label}”: ${block.name}`);
}

/** The script's file name: the document's name in lower case, words joined by hyphens. */
export function scriptName(name: string | undefined, suffix = ''): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'neurograph'}${suffix}.py`;
}

/** The indented lines of a function body. */
export const indent = (lines: readonly string[], by = '    '): string[] =>
  lines.map((l) => (l === '' ? '' : by + l));

/** At most two blank lines in a row (PEP 8 between top-level definitions). */
export const tidyBlankLines = (source: string): string =>
  `${source.replace(/\n{4,}/g, '\n\n\n').trimEnd()}\n`;

/** A section heading: `# ------ title`, 79 characters wide. */
export const rule = (title: string): string => `# ${'-'.repeat(Math.max(3, 76 - title.length))} ${title}`;

/** The expression of a fused source's one input (its kind's forward already needed it). */
function fusedSourceInput(
  plan: Plan,
  source: NodeId,
  values: ReadonlyMap<string, string>,
): string | undefined {
  const own = Object.values(plan.nodes.get(source)?.inputs ?? {}).flat();
  return own.length === 1 ? values.get(refKey(own[0].sourceNode, own[0].sourcePort)) : undefined;
}
