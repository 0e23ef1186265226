/**
 * Lays out a checked graph: a slot for every output and scratch buffer, a block of θ for every
 * trainable parameter, in execution order. Runs once per edge on graphs of tens of thousands of
 * edges, so edges reach their source and their weight through the compiler's records (node-info.ts)
 * rather than through maps keyed by id.
 */
import type { DataTable } from '../datasets/table';
import { type EdgeId, type Graph, type NodeId, orderSeedOf } from '../graph';
import { edgeNames } from './edge-names';
import type { InEdge, NodeInfo } from './node-info';
import { incomingAt } from './node-info';
import { STEP, type Steps } from './pace';
import type { BlockLayout, Plan, PlanEdge, PlanInput, PlanNode, SlotLayout } from './plan';

export interface Whole {
  table?: DataTable;
  dataNode?: NodeInfo;
  optimizer?: NodeInfo;
  losses: NodeInfo[];
}

/** Lays out the plan, pausing (yielding) every STEP nodes and edges. */
export function* layOutSteps(
  graph: Graph,
  list: NodeInfo[],
  order: readonly number[],
  whole: Whole,
): Steps<Plan> {
  let slotBase = 0;
  let paramOffset = 0;
  const blocks: BlockLayout[] = [];
  const buffers: BlockLayout[] = [];
  const labels = new Set<string>();
  const uniqueLabel = (label: string) => {
    // One hash per label when it is new (the common case): add, and see whether the set grew.
    const size = labels.size;
    let l = label;
    for (let k = 2; labels.add(l).size === size; k++) l = `${label}#${k}`;
    return l;
  };
  const slots = (widths: Record<string, number>): Record<string, SlotLayout> => {
    const laid: Record<string, SlotLayout> = {};
    for (const port in widths) {
      laid[port] = { base: slotBase, width: widths[port] };
      slotBase += widths[port];
    }
    return laid;
  };
  let byEdgeId: Map<string, InEdge> | undefined;
  const anyEdge = (id: EdgeId) => {
    byEdgeId ??= indexEdges(list);
    return byEdgeId.get(id);
  };

  const planNodes = new Map<NodeId, PlanNode>();
  const planOrder: PlanNode[] = [];
  /** The compiled nodes behind `planOrder`, in the same order. */
  const laidOut: NodeInfo[] = [];
  /** Plan node of each compiled node, by position. */
  const planOf: (PlanNode | undefined)[] = new Array(list.length).fill(undefined);
  let work = 0;
  for (const i of order) {
    if (++work % STEP === 0) yield;
    const info = list[i];
    const shape = info.shape;
    if (!shape) continue;
    const outputs = slots(shape.outputs);
    const scratch = slots(shape.scratch ?? {});
    const nodeBlocks: Record<string, BlockLayout> = {};
    const owners = new EdgeCursor(info.incoming);
    for (const req of shape.params ?? []) {
      const owner = req.edge ? (owners.take(req.edge) ?? anyEdge(req.edge)) : undefined;
      const names = owner
        ? edgeNames(owner.edge, sourceName(owner.src, owner.edge.sourceHandle), info.name)
        : undefined;
      const block: BlockLayout = {
        key: names ? names.key : `node:${info.node.id}:${req.name}`,
        name: req.name,
        label: uniqueLabel(
          names ? names.label : (info.node.paramLabels?.[req.name] ?? `${info.name}.${req.name}`),
        ),
        offset: paramOffset,
        size: req.size,
        init: req.init,
        nodeId: info.node.id,
        edgeId: owner?.edge.id,
      };
      if (req.buffer) {
        // Placed after every trained block, once they are all laid out (below).
        block.buffer = true;
        buffers.push(block);
      } else {
        paramOffset += req.size;
        blocks.push(block);
      }
      // Edge-owned weights are reached through the edge; keying them by name here would give
      // every neuron object its own set of property names (slow for graphs of thousands of edges).
      if (owner) owner.block = block;
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
    laidOut.push(info);
    planOf[info.pos] = pn;
  }

  // Buffers (BatchNorm's running statistics) follow the trained blocks: θ[0, trainableCount) is
  // what the optimizer steps.
  const trainableCount = paramOffset;
  for (const block of buffers) {
    block.offset = paramOffset;
    paramOffset += block.size;
    blocks.push(block);
  }

  const edges = yield* linkEdges(planOrder, laidOut, planOf, whole);

  const dataPlan = whole.dataNode ? planOf[whole.dataNode.pos] : undefined;
  return {
    graph,
    order: planOrder,
    nodes: planNodes,
    edges,
    slotWidth: slotBase,
    blocks,
    paramCount: paramOffset,
    trainableCount,
    losses: whole.losses.map((l) => planOf[l.pos]!),
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
    orderSeed: orderSeedOf(graph),
  };
}

/**
 * Each node's inputs as the plan reads them (the slot each edge carries), and every edge by id;
 * edges into the optimizer carry the loss and have no buffer of their own.
 */
function* linkEdges(
  planOrder: readonly PlanNode[],
  laidOut: readonly NodeInfo[],
  planOf: readonly (PlanNode | undefined)[],
  whole: Whole,
): Steps<Map<EdgeId, PlanEdge>> {
  const edges = new Map<EdgeId, PlanEdge>();
  let work = 0;
  for (let n = 0; n < planOrder.length; n++) {
    if (++work % STEP === 0) yield;
    const pn = planOrder[n];
    const info = laidOut[n];
    const inputs = info.ports.inputs;
    for (let k = 0; k < inputs.length; k++) {
      const laid: PlanInput[] = [];
      for (const { edge: e, src, block } of info.incoming[k]) {
        const source = planOf[src.pos]!;
        const slot = source.outputs[e.sourceHandle];
        edges.set(e.id, { id: e.id, source: e.source, target: e.target, slot, block });
        laid.push({
          edgeId: e.id,
          sourceNode: e.source,
          sourceKind: source.kind.id,
          sourcePort: e.sourceHandle,
          slot,
          block,
        });
      }
      pn.inputs[inputs[k].id] = laid;
    }
  }
  // Edges into the optimizer carry the loss; they have no buffer of their own.
  if (whole.optimizer) {
    for (const { edge: e, src } of incomingAt(whole.optimizer, 'loss')) {
      edges.set(e.id, {
        id: e.id,
        source: e.source,
        target: e.target,
        slot: planOf[src.pos]!.outputs[e.sourceHandle],
      });
    }
  }
  return edges;
}

/**
 * Walks a node's incoming edges in order. Kinds ask for their edges' weights in edge order (a
 * neuron: one per edge), so the next edge is almost always the one asked for; anything else falls
 * back to a search of the whole graph.
 */
class EdgeCursor {
  private port = 0;
  private index = 0;

  constructor(private readonly incoming: InEdge[][]) {}

  take(id: EdgeId): InEdge | undefined {
    while (this.port < this.incoming.length && this.index >= this.incoming[this.port].length) {
      this.port++;
      this.index = 0;
    }
    const next = this.incoming[this.port]?.[this.index];
    if (next?.edge.id !== id) return undefined;
    this.index++;
    return next;
  }
}

/** Every valid edge by id (with a plan, that is every edge of the graph). */
function indexEdges(list: readonly NodeInfo[]): Map<string, InEdge> {
  const byId = new Map<string, InEdge>();
  for (const info of list) for (const port of info.incoming) for (const e of port) byId.set(e.edge.id, e);
  return byId;
}

/** How an edge's source is named in a weight's label: a dataset's feature by its own name (x1, x2). */
function sourceName(info: NodeInfo, port: string): string {
  if (info.kind.role !== 'data') return info.name;
  return info.ports.outputs.find((p) => p.id === port)?.label ?? info.name;
}
