/**
 * Graph → plan, or diagnostics. Every problem is reported with the node or edge it concerns and
 * a sentence a learner understands; a plan is produced only when there are no errors.
 */
import type { DataTable } from '../datasets/table';
import type { Diagnostic } from '../diagnostics';
import type { Graph, NodeId } from '../graph';
import { type AnyKind, ShapeError } from '../kind';
import { describePortType, type InputPortSpec, type OutputPortSpec, VALUE_TYPES } from '../ports';
import { getKind } from '../registry';
import { describeRange, violates } from '../value-range';
import { fuse } from './fusion';
import { layOutSteps } from './layout';
import { type InEdge, incomingAt, indexOfPort, type NodeInfo } from './node-info';
import type { Plan } from './plan';
import { resolveNode } from './resolve-node';
import { shapeOf } from './shape-memo';
import { tableOf } from './table-memo';
import { findCycle, topoSort } from './topo-sort';

export interface CompileResult {
  plan: Plan | null;
  diagnostics: Diagnostic[];
}

export type KindLookup = (id: string) => AnyKind | undefined;

/** Whether an output of this type may feed this input. Scalars and vectors are both values. */
export function outputFitsInput(out: OutputPortSpec, input: InputPortSpec): boolean {
  const value = VALUE_TYPES.includes(out.type);
  for (const t of input.accepts) if (value ? VALUE_TYPES.includes(t) : t === out.type) return true;
  return false;
}

/**
 * Units of work (nodes, edges) between two checkpoints of compileSteps: with 5,000 nodes a compile
 * takes a few hundred ms, which the page runs in slices of tens of ms between frames.
 */
const STEP = 64;

export function compile(graph: Graph, lookup: KindLookup = getKind): CompileResult {
  return runToEnd(compileSteps(graph, lookup));
}

/** Runs steps (compileSteps) to their end, without pausing. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * compile, as steps: it pauses (yields) every STEP nodes or edges, so a caller can spread a big
 * graph's compile over several tasks (store/compiled.ts). The graph must not change meanwhile.
 */
export function* compileSteps(
  graph: Graph,
  lookup: KindLookup = getKind,
): Generator<void, CompileResult, void> {
  const diagnostics: Diagnostic[] = [];
  const error = (d: Omit<Diagnostic, 'severity'>) => diagnostics.push({ severity: 'error', ...d });
  const warn = (d: Omit<Diagnostic, 'severity'>) => diagnostics.push({ severity: 'warning', ...d });

  // 1. Nodes: kinds, parameters, ports (remembered per params object: see resolve-node.ts).
  const infos = new Map<NodeId, NodeInfo>();
  /** The compiled nodes in document order; a node's `pos` is its index here. */
  const list: NodeInfo[] = [];
  let work = 0;
  for (const node of graph.nodes) {
    if (++work % STEP === 0) yield;
    if (infos.has(node.id)) {
      error({ code: 'duplicate-id', nodeId: node.id, message: `Two nodes share the id "${node.id}".` });
      continue;
    }
    const kind = lookup(node.kind);
    const name = node.label || node.id;
    if (!kind) {
      error({
        code: 'unknown-kind',
        nodeId: node.id,
        message: `“${name}” is of an unknown kind “${node.kind}”.`,
      });
      continue;
    }
    const { values, issues, messages, ports } = resolveNode(kind, node.params);
    for (const issue of issues) {
      error({
        code: 'bad-param',
        nodeId: node.id,
        param: issue.param,
        message: `${kind.label} “${name}”: ${issue.message}.`,
      });
    }
    for (const message of messages) {
      error({ code: 'bad-param', nodeId: node.id, message: `${kind.label} “${name}”: ${message}` });
    }
    const incoming = new Array<InEdge[]>(ports.inputs.length);
    for (let k = 0; k < incoming.length; k++) incoming[k] = [];
    const info: NodeInfo = {
      node,
      pos: list.length,
      kind,
      params: values,
      ports,
      name,
      incoming,
      shape: undefined,
    };
    infos.set(node.id, info);
    list.push(info);
  }

  // 2. Edges: ends exist, ports exist, types fit, single-edge ports are not taken twice.
  const edgeIds = new Set<string>();
  /** Size of edgeIds: an id that does not grow it was seen before (one hash per edge, not two). */
  let distinctIds = 0;
  /** The valid edges as node positions, for the sort: edge k goes from[k] → to[k]. */
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  let validCount = 0;
  let nodeIds: Set<string> | undefined;
  for (const edge of graph.edges) {
    if (++work % STEP === 0) yield;
    if (edgeIds.add(edge.id).size === distinctIds) {
      error({ code: 'duplicate-id', edgeId: edge.id, message: `Two edges share the id "${edge.id}".` });
      continue;
    }
    distinctIds++;
    const src = infos.get(edge.source);
    const dst = infos.get(edge.target);
    if (!src || !dst) {
      // An end on a node reported above (unknown kind) is not reported again.
      nodeIds ??= new Set(graph.nodes.map((n) => n.id));
      if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) {
        error({
          code: 'dangling-edge',
          edgeId: edge.id,
          message: 'This connection has an end that is not attached to any node.',
        });
      }
      continue;
    }
    const outIndex = indexOfPort(src.ports.outputs, edge.sourceHandle);
    const inIndex = indexOfPort(dst.ports.inputs, edge.targetHandle);
    if (outIndex < 0 || inIndex < 0) {
      const which =
        outIndex < 0
          ? `“${src.name}” has no output “${edge.sourceHandle}”`
          : `“${dst.name}” has no input “${edge.targetHandle}”`;
      error({ code: 'unknown-port', edgeId: edge.id, message: `This connection cannot be made: ${which}.` });
      continue;
    }
    const out = src.ports.outputs[outIndex];
    const input = dst.ports.inputs[inIndex];
    if (!outputFitsInput(out, input)) {
      error({
        code: 'port-type',
        edgeId: edge.id,
        nodeId: dst.node.id,
        message: `${dst.kind.label} “${dst.name}” expects ${describePortType(input.accepts[0])} at “${input.label}”, but “${src.name}” gives ${describePortType(out.type)}: ${input.hint}.`,
      });
      continue;
    }
    const taken = dst.incoming[inIndex];
    if (taken.length > 0 && !input.multiple) {
      error({
        code: 'port-taken',
        edgeId: edge.id,
        nodeId: dst.node.id,
        message: `“${input.label}” of “${dst.name}” takes a single connection and already has one.`,
      });
      continue;
    }
    taken.push({ edge, src, out, block: undefined });
    from[validCount] = src.pos;
    to[validCount] = dst.pos;
    validCount++;
  }

  // 3. Order.
  const edgesFrom = from.subarray(0, validCount);
  const edgesTo = to.subarray(0, validCount);
  const { order, blocked } = topoSort(list.length, edgesFrom, edgesTo);
  if (blocked.length > 0) {
    const cycle = findCycle(blocked, edgesFrom, edgesTo).map((i) => list[i]);
    const names = [...cycle, cycle[0]].map((c) => `“${c.name}”`).join(' → ');
    for (const c of cycle) {
      error({
        code: 'cycle',
        nodeId: c.node.id,
        message: `These nodes form a loop: ${names}. Values must flow one way, from data to loss.`,
      });
    }
  }

  // 4. Missing inputs.
  for (const info of list) {
    if (++work % STEP === 0) yield;
    const inputs = info.ports.inputs;
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k];
      if (input.optional || info.incoming[k].length > 0) continue;
      const isTarget = input.accepts.includes('target');
      error({
        code: isTarget ? 'no-target' : 'missing-input',
        nodeId: info.node.id,
        message: isTarget
          ? `A loss needs a target: ${input.hint}.`
          : `${info.kind.label} “${info.name}” has nothing connected to “${input.label}”: ${input.hint}.`,
      });
    }
  }

  // 5. Sizes, in order (remembered per node: see shape-memo.ts); a node whose inputs failed is
  // skipped (its cause is already reported).
  for (const i of order) {
    if (++work % STEP === 0) yield;
    const info = list[i];
    if (info.kind.role === 'optimizer' || !info.kind.shape) continue;
    try {
      info.shape = shapeOf(info);
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      error({
        code: 'size-mismatch',
        nodeId: info.node.id,
        message: `${info.kind.label} “${info.name}”: ${e.message}.`,
      });
    }
  }

  // 6. The whole: one dataset at most, one optimizer, losses to learn from.
  const byRole = (role: string) => list.filter((i) => i.kind.role === role);
  const dataNodes = byRole('data');
  for (const extra of dataNodes.slice(1)) {
    error({
      code: 'two-datasets',
      nodeId: extra.node.id,
      message: 'A graph can hold one dataset; remove this one or the other.',
    });
  }
  const optimizers = byRole('optimizer');
  for (const extra of optimizers.slice(1)) {
    error({
      code: 'two-optimizers',
      nodeId: extra.node.id,
      message: 'Only one optimizer can train a graph; remove the extra one.',
    });
  }
  const lossNodes = byRole('loss');
  if (lossNodes.length === 0 && list.length > 0) {
    warn({
      code: 'no-loss',
      message: 'Nothing to learn from yet: add a loss node that compares a prediction with the target.',
    });
  }
  const optimizer = optimizers[0];
  if (!optimizer && lossNodes.length > 0) {
    warn({
      code: 'no-optimizer',
      message:
        'No optimizer: gradients are computed but no weight changes. Add one and connect the loss to it.',
    });
  }
  const optimized = optimizer ? new Set(incomingAt(optimizer, 'loss').map((e) => e.edge.source)) : null;
  if (optimized) {
    // A loss wired into a trained loss (a data loss into an L1/L2 penalty) trains through it.
    const reaches = new Set(optimized);
    const stack = [...optimized];
    while (stack.length > 0) {
      const info = infos.get(stack.pop() as NodeId);
      for (const e of info ? incomingAt(info, 'loss') : []) {
        if (!reaches.has(e.edge.source)) {
          reaches.add(e.edge.source);
          stack.push(e.edge.source);
        }
      }
    }
    for (const l of lossNodes) {
      if (!reaches.has(l.node.id)) {
        warn({
          code: 'optimizer-unconnected',
          nodeId: l.node.id,
          message: `Loss “${l.name}” is not connected to the optimizer, so it trains nothing.`,
        });
      }
    }
  }

  // 7. Wiring that is valid but wrong: an input fed numbers it cannot use (a probability loss
  // reading an unbounded output). The kinds say what they give and need (see value-range.ts).
  for (const info of list) {
    if (++work % STEP === 0) yield;
    const needs = info.kind.needs?.(info.params);
    if (!needs) continue;
    for (let k = 0; k < info.ports.inputs.length; k++) {
      const input = info.ports.inputs[k];
      const need = needs[input.id];
      if (!need) continue;
      for (const { edge, src, out } of info.incoming[k]) {
        const range = src.kind.outputRange?.(src.params, out.id);
        if (!range || !violates(range, need)) continue;
        warn({
          code: 'unsuited-input',
          nodeId: info.node.id,
          edgeId: edge.id,
          message: `${info.kind.label} “${info.name}” reads ${need.what} at “${input.label}”, but “${src.name}” gives ${describeRange(range)}: ${need.fix}.`,
        });
      }
    }
  }

  // The table is remembered per data node parameters (see table-memo.ts).
  let table: DataTable | undefined;
  const dataNode = dataNodes[0];
  if (dataNode?.kind.data) {
    try {
      table = tableOf(dataNode.kind, dataNode.params);
    } catch (e) {
      error({
        code: 'bad-param',
        nodeId: dataNode.node.id,
        message: `Dataset “${dataNode.name}”: ${(e as Error).message}`,
      });
    }
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { plan: null, diagnostics };

  // 8. Layout, then the pairs of nodes that run as one (a softmax and its cross-entropy).
  const plan = yield* layOutSteps(graph, list, order, {
    table,
    dataNode,
    optimizer,
    losses: optimized ? lossNodes.filter((l) => optimized.has(l.node.id)) : lossNodes,
  });
  fuse(plan);
  return { plan, diagnostics };
}
