/**
 * Graph → plan, or diagnostics. Every problem is reported with the node or edge it concerns and
 * a sentence a learner understands; a plan is produced only when there are no errors.
 */
import type { DataTable } from '../datasets/table';
import type { Diagnostic } from '../diagnostics';
import type { EdgeId, Graph, GraphEdge, GraphNode, NodeId } from '../graph';
import { type AnyKind, type ResolvedInput, type Shape, ShapeError } from '../kind';
import { resolveParams } from '../params';
import {
  describePortType,
  type InputPortSpec,
  type OutputPortSpec,
  type PortLayout,
  VALUE_TYPES,
} from '../ports';
import { getKind } from '../registry';
import type { BlockLayout, Plan, PlanEdge, PlanInput, PlanNode, SlotLayout } from './plan';
import { findCycle, topoSort } from './topo-sort';

export interface CompileResult {
  plan: Plan | null;
  diagnostics: Diagnostic[];
}

interface NodeInfo {
  node: GraphNode;
  index: number;
  kind: AnyKind;
  params: Record<string, unknown>;
  ports: PortLayout;
  name: string;
  /** Valid incoming edges by input port, in document order. */
  incoming: Map<string, GraphEdge[]>;
  shape?: Shape;
}

export type KindLookup = (id: string) => AnyKind | undefined;

/** Whether an output of this type may feed this input. Scalars and vectors are both values. */
export function outputFitsInput(out: OutputPortSpec, input: InputPortSpec): boolean {
  if (VALUE_TYPES.includes(out.type)) return input.accepts.some((t) => VALUE_TYPES.includes(t));
  return input.accepts.includes(out.type);
}

export function compile(graph: Graph, lookup: KindLookup = getKind): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const error = (d: Omit<Diagnostic, 'severity'>) => diagnostics.push({ severity: 'error', ...d });
  const warn = (d: Omit<Diagnostic, 'severity'>) => diagnostics.push({ severity: 'warning', ...d });

  // 1. Nodes: kinds, parameters, ports.
  const infos = new Map<NodeId, NodeInfo>();
  graph.nodes.forEach((node, index) => {
    if (infos.has(node.id)) {
      error({ code: 'duplicate-id', nodeId: node.id, message: `Two nodes share the id "${node.id}".` });
      return;
    }
    const kind = lookup(node.kind);
    const name = node.label || node.id;
    if (!kind) {
      error({
        code: 'unknown-kind',
        nodeId: node.id,
        message: `“${name}” is of an unknown kind “${node.kind}”.`,
      });
      return;
    }
    const { values, issues } = resolveParams(kind.params, node.params ?? {});
    for (const issue of issues) {
      error({
        code: 'bad-param',
        nodeId: node.id,
        param: issue.param,
        message: `${kind.label} “${name}”: ${issue.message}.`,
      });
    }
    for (const message of kind.validate?.(values) ?? []) {
      error({ code: 'bad-param', nodeId: node.id, message: `${kind.label} “${name}”: ${message}` });
    }
    infos.set(node.id, {
      node,
      index,
      kind,
      params: values,
      ports: kind.ports(values),
      name,
      incoming: new Map(),
    });
  });

  // 2. Edges: ends exist, ports exist, types fit, single-edge ports are not taken twice.
  const edgeIds = new Set<string>();
  const valid: GraphEdge[] = [];
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      error({ code: 'duplicate-id', edgeId: edge.id, message: `Two edges share the id "${edge.id}".` });
      continue;
    }
    edgeIds.add(edge.id);
    const src = infos.get(edge.source);
    const dst = infos.get(edge.target);
    if (!src || !dst) {
      if (!graph.nodes.some((n) => n.id === edge.source) || !graph.nodes.some((n) => n.id === edge.target)) {
        error({
          code: 'dangling-edge',
          edgeId: edge.id,
          message: 'This connection has an end that is not attached to any node.',
        });
      }
      continue;
    }
    const out = src.ports.outputs.find((p) => p.id === edge.sourceHandle);
    const input = dst.ports.inputs.find((p) => p.id === edge.targetHandle);
    if (!out || !input) {
      const which = !out
        ? `“${src.name}” has no output “${edge.sourceHandle}”`
        : `“${dst.name}” has no input “${edge.targetHandle}”`;
      error({ code: 'unknown-port', edgeId: edge.id, message: `This connection cannot be made: ${which}.` });
      continue;
    }
    if (!outputFitsInput(out, input)) {
      error({
        code: 'port-type',
        edgeId: edge.id,
        nodeId: dst.node.id,
        message: `${dst.kind.label} “${dst.name}” expects ${describePortType(input.accepts[0])} at “${input.label}”, but “${src.name}” gives ${describePortType(out.type)}: ${input.hint}.`,
      });
      continue;
    }
    const list = dst.incoming.get(input.id) ?? [];
    if (list.length > 0 && !input.multiple) {
      error({
        code: 'port-taken',
        edgeId: edge.id,
        nodeId: dst.node.id,
        message: `“${input.label}” of “${dst.name}” takes a single connection and already has one.`,
      });
      continue;
    }
    list.push(edge);
    dst.incoming.set(input.id, list);
    valid.push(edge);
  }

  // 3. Order.
  const list = [...infos.values()].sort((a, b) => a.index - b.index);
  const pos = new Map(list.map((info, i) => [info.node.id, i]));
  const pairs = valid.map((e) => [pos.get(e.source)!, pos.get(e.target)!] as const);
  const { order, blocked } = topoSort(list.length, pairs);
  if (blocked.length > 0) {
    const cycle = findCycle(blocked, pairs).map((i) => list[i]);
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
    for (const input of info.ports.inputs) {
      if (input.optional || (info.incoming.get(input.id)?.length ?? 0) > 0) continue;
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

  // 5. Sizes, in order; a node whose inputs failed is skipped (its cause is already reported).
  const widths = new Map<NodeId, Record<string, number>>();
  for (const i of order) {
    const info = list[i];
    if (info.kind.role === 'optimizer' || !info.kind.shape) continue;
    const inputs: Record<string, ResolvedInput[]> = {};
    let ready = true;
    for (const input of info.ports.inputs) {
      inputs[input.id] = (info.incoming.get(input.id) ?? []).map((e) => {
        const w = widths.get(e.source)?.[e.sourceHandle];
        if (w === undefined) ready = false;
        const src = infos.get(e.source)!;
        return {
          edgeId: e.id,
          sourceNode: e.source,
          sourceKind: src.kind.id,
          sourcePort: e.sourceHandle,
          type: src.ports.outputs.find((p) => p.id === e.sourceHandle)!.type,
          width: w ?? 0,
          weight: e.weight,
        };
      });
    }
    if (!ready) continue;
    try {
      const shape = info.kind.shape({ params: info.params, inputs });
      info.shape = shape;
      widths.set(info.node.id, shape.outputs);
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
  const optimized = optimizer ? new Set((optimizer.incoming.get('loss') ?? []).map((e) => e.source)) : null;
  if (optimized) {
    for (const l of lossNodes) {
      if (!optimized.has(l.node.id)) {
        warn({
          code: 'optimizer-unconnected',
          nodeId: l.node.id,
          message: `Loss “${l.name}” is not connected to the optimizer, so it trains nothing.`,
        });
      }
    }
  }

  let table: DataTable | undefined;
  const dataNode = dataNodes[0];
  if (dataNode?.kind.data) {
    try {
      table = dataNode.kind.data(dataNode.params);
    } catch (e) {
      error({
        code: 'bad-param',
        nodeId: dataNode.node.id,
        message: `Dataset “${dataNode.name}”: ${(e as Error).message}`,
      });
    }
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { plan: null, diagnostics };

  // 7. Layout.
  return {
    plan: layOut(graph, list, order, infos, {
      table,
      dataNode,
      optimizer,
      losses: optimized ? lossNodes.filter((l) => optimized.has(l.node.id)) : lossNodes,
    }),
    diagnostics,
  };
}

function layOut(
  graph: Graph,
  list: NodeInfo[],
  order: number[],
  infos: Map<NodeId, NodeInfo>,
  whole: { table?: DataTable; dataNode?: NodeInfo; optimizer?: NodeInfo; losses: NodeInfo[] },
): Plan {
  let slotBase = 0;
  let paramOffset = 0;
  const blocks: BlockLayout[] = [];
  const labels = new Set<string>();
  const uniqueLabel = (label: string) => {
    let l = label;
    for (let k = 2; labels.has(l); k++) l = `${label}#${k}`;
    labels.add(l);
    return l;
  };
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const edgeBlocks = new Map<EdgeId, BlockLayout>();
  const planNodes = new Map<NodeId, PlanNode>();
  const planOrder: PlanNode[] = [];
  const slot = (width: number): SlotLayout => {
    const s = { base: slotBase, width };
    slotBase += width;
    return s;
  };

  for (const i of order) {
    const info = list[i];
    if (!info.shape) continue;
    const outputs: Record<string, SlotLayout> = {};
    for (const [port, width] of Object.entries(info.shape.outputs)) outputs[port] = slot(width);
    const scratch: Record<string, SlotLayout> = {};
    for (const [name, width] of Object.entries(info.shape.scratch ?? {})) scratch[name] = slot(width);
    const nodeBlocks: Record<string, BlockLayout> = {};
    for (const req of info.shape.params ?? []) {
      const edge = req.edge ? edgeById.get(req.edge) : undefined;
      const label = edge
        ? (edge.label ?? `w(${sourceName(infos.get(edge.source)!, edge.sourceHandle)}→${info.name})`)
        : (info.node.paramLabels?.[req.name] ?? `${info.name}.${req.name}`);
      const block: BlockLayout = {
        key: edge ? `edge:${edge.id}` : `node:${info.node.id}:${req.name}`,
        name: req.name,
        label: uniqueLabel(label),
        offset: paramOffset,
        size: req.size,
        init: req.init,
        nodeId: info.node.id,
        edgeId: edge?.id,
      };
      paramOffset += req.size;
      blocks.push(block);
      // Edge-owned weights are reached through the edge; keying them by name here would give
      // every neuron object its own set of property names (slow for graphs of thousands of edges).
      if (edge) edgeBlocks.set(edge.id, block);
      else nodeBlocks[req.name] = block;
    }
    const pn: PlanNode = {
      id: info.node.id,
      label: info.name,
      kind: info.kind,
      params: info.params,
      ports: info.ports,
      inputs: {},
      outputs,
      scratch,
      blocks: nodeBlocks,
    };
    planNodes.set(pn.id, pn);
    planOrder.push(pn);
  }

  const edges = new Map<EdgeId, PlanEdge>();
  for (const pn of planOrder) {
    const info = infos.get(pn.id)!;
    for (const input of info.ports.inputs) {
      pn.inputs[input.id] = (info.incoming.get(input.id) ?? []).map((e): PlanInput => {
        const src = planNodes.get(e.source)!;
        const block = edgeBlocks.get(e.id);
        edges.set(e.id, {
          id: e.id,
          source: e.source,
          target: e.target,
          slot: src.outputs[e.sourceHandle],
          block,
        });
        return {
          edgeId: e.id,
          sourceNode: e.source,
          sourceKind: src.kind.id,
          sourcePort: e.sourceHandle,
          slot: src.outputs[e.sourceHandle],
          block,
        };
      });
    }
  }
  // Edges into the optimizer carry the loss; they have no buffer of their own.
  if (whole.optimizer) {
    for (const e of whole.optimizer.incoming.get('loss') ?? []) {
      edges.set(e.id, {
        id: e.id,
        source: e.source,
        target: e.target,
        slot: planNodes.get(e.source)!.outputs[e.sourceHandle],
      });
    }
  }

  const dataPlan = whole.dataNode ? planNodes.get(whole.dataNode.node.id) : undefined;
  return {
    graph,
    order: planOrder,
    nodes: planNodes,
    edges,
    slotWidth: slotBase,
    blocks,
    paramCount: paramOffset,
    losses: whole.losses.map((l) => planNodes.get(l.node.id)!),
    optimizer: whole.optimizer
      ? { node: whole.optimizer.node.id, kind: whole.optimizer.kind, params: whole.optimizer.params }
      : undefined,
    data:
      dataPlan && whole.table
        ? {
            node: dataPlan.id,
            table: whole.table,
            features: dataPlan.outputs.features,
            target: dataPlan.outputs.target,
          }
        : undefined,
    seed: graph.seed,
  };
}

/** How an edge's source is named in a weight's label: a dataset's feature by its own name (x1, x2). */
function sourceName(info: NodeInfo, port: string): string {
  if (info.kind.role !== 'data') return info.name;
  return info.ports.outputs.find((p) => p.id === port)?.label ?? info.name;
}
