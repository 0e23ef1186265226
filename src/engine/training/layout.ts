/**
 * The compiled plan as plain data for the UI: where every node's buffers and every parameter sit,
 * which edge owns which weight, and what each phase touches. Structured-cloneable (no functions),
 * sent once per load, so snapshots can be flat arrays indexed by these offsets.
 */
import type { Plan, PlanNode, SlotLayout } from '../compiler/plan';
import type { ImageShape, Task } from '../datasets/table';
import type { EdgeId, NodeId } from '../graph';
import type { Role } from '../kind';
import type { Phase } from '../runtime/trainer';
import { findPrediction } from './prediction';

export interface LayoutBlock {
  /** Stable across recompiles: `node:<id>:<name>` or `edge:<id>`. */
  key: string;
  name: string;
  label: string;
  /** Where the block starts in θ, ∂L/∂θ, Δθ and the optimizer state vectors. */
  offset: number;
  size: number;
  nodeId: NodeId;
  edgeId?: EdgeId;
  /** Not trained: a statistic the node keeps (BatchNorm's running mean and variance). */
  buffer?: boolean;
}

export interface LayoutInput {
  edgeId: EdgeId;
  sourceNode: NodeId;
  sourcePort: string;
  slot: SlotLayout;
}

export interface LayoutNode {
  id: NodeId;
  label: string;
  kind: string;
  role: Role;
  /**
   * Buffers by name. In a snapshot's per-slot arrays, number j of a buffer is at `base + j`; in a
   * runtime arena of capacity C, example b's number j is at `base·C + b·width + j`.
   */
  outputs: Record<string, SlotLayout>;
  scratch: Record<string, SlotLayout>;
  inputs: Record<string, LayoutInput[]>;
  /** The node's parameter blocks by name → index into `TrainingLayout.blocks`. */
  blocks: Record<string, number>;
}

export interface LayoutEdge {
  id: EdgeId;
  source: NodeId;
  target: NodeId;
  /** The numbers flowing along the edge (its source port's buffer); their gradient is ∂L/∂x. */
  slot: SlotLayout;
  /** The weight the edge owns (an edge into a neuron), as an index into `TrainingLayout.blocks`. */
  block?: number;
}

export interface PhaseTouch {
  nodes: NodeId[];
  edges: EdgeId[];
}

export interface DataLayout {
  /** The node that supplies the data. */
  node: NodeId;
  name: string;
  task: Task;
  nFeatures: number;
  nTargets: number;
  featureNames: string[];
  batchSize: number;
  shuffle: boolean;
  features: SlotLayout;
  target: SlotLayout;
  /** Copies of the splits, row-major (count × nFeatures, count × nTargets). */
  train: { x: Float64Array; y: Float64Array; count: number };
  test: { x: Float64Array; y: Float64Array; count: number };
  /** Set when every example is a picture: its features are the pixels, row by row. */
  image?: ImageShape;
}

export interface TrainingLayout {
  /** Increases with every load; snapshots carry the id of the layout they follow. */
  loadId: number;
  paramCount: number;
  /** Numbers per example over all buffers: the length of a snapshot's per-slot arrays. */
  slotWidth: number;
  /** Op nodes in execution order. */
  nodes: LayoutNode[];
  blocks: LayoutBlock[];
  edges: LayoutEdge[];
  prediction: {
    nodeId: NodeId;
    port: string;
    slot: SlotLayout;
    lossNode: NodeId;
    readsLogits: boolean;
  } | null;
  data: DataLayout | null;
  optimizer: { nodeId: NodeId; kind: string; state: string[] } | null;
  phases: Record<Phase, PhaseTouch>;
  /** Steps the history keeps one by one behind the latest (every 2nd, 4th, … further back). */
  historyRecent: number;
}

/** What each phase reads and writes, in the order it does so. */
export function phaseTouches(plan: Plan): Record<Phase, PhaseTouch> {
  const inputsOf = (nodes: PlanNode[]) =>
    nodes.flatMap((n) => Object.values(n.inputs).flatMap((list) => list.map((i) => i.edgeId)));
  const ops = plan.order.filter((n) => n.kind.role !== 'loss');
  const losses = plan.order.filter((n) => n.kind.role === 'loss');
  const forwardEdges = inputsOf(ops);
  const lossEdges = inputsOf(losses);
  const optimizerEdges = [...plan.edges.values()]
    .filter((e) => e.target === plan.optimizer?.node)
    .map((e) => e.id);
  const withBlocks = plan.order.filter((n) => Object.keys(n.blocks).length > 0).map((n) => n.id);
  return {
    forward: { nodes: ops.map((n) => n.id), edges: forwardEdges },
    loss: { nodes: losses.map((n) => n.id), edges: lossEdges },
    backward: {
      nodes: [...ops, ...losses].map((n) => n.id).reverse(),
      edges: [...optimizerEdges, ...[...forwardEdges, ...lossEdges].reverse()],
    },
    update: {
      nodes: plan.optimizer ? [plan.optimizer.node, ...withBlocks] : withBlocks,
      edges: plan.blocks.flatMap((b) => (b.edgeId ? [b.edgeId] : [])),
    },
  };
}

export function describePlan(plan: Plan, loadId: number, historyRecent: number): TrainingLayout {
  const blockIndex = new Map(plan.blocks.map((b, i) => [b.key, i]));
  const blocks: LayoutBlock[] = plan.blocks.map((b) => ({
    key: b.key,
    name: b.name,
    label: b.label,
    offset: b.offset,
    size: b.size,
    nodeId: b.nodeId,
    ...(b.edgeId ? { edgeId: b.edgeId } : {}),
    ...(b.buffer ? { buffer: true } : {}),
  }));
  const nodes: LayoutNode[] = plan.order.map((n) => ({
    id: n.id,
    label: n.label,
    kind: n.kind.id,
    role: n.kind.role,
    outputs: { ...n.outputs },
    scratch: { ...n.scratch },
    inputs: Object.fromEntries(
      Object.entries(n.inputs).map(([port, list]) => [
        port,
        list.map((i) => ({
          edgeId: i.edgeId,
          sourceNode: i.sourceNode,
          sourcePort: i.sourcePort,
          slot: i.slot,
        })),
      ]),
    ),
    blocks: Object.fromEntries(Object.entries(n.blocks).map(([name, b]) => [name, blockIndex.get(b.key)!])),
  }));
  const edges: LayoutEdge[] = [...plan.edges.values()].map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    slot: e.slot,
    ...(e.block ? { block: blockIndex.get(e.block.key)! } : {}),
  }));
  const p = findPrediction(plan);
  const d = plan.data;
  const copy = (s: { x: Float64Array; y: Float64Array; count: number }) => ({
    x: s.x.slice(),
    y: s.y.slice(),
    count: s.count,
  });
  return {
    loadId,
    paramCount: plan.paramCount,
    slotWidth: plan.slotWidth,
    nodes,
    blocks,
    edges,
    prediction: p
      ? { nodeId: p.nodeId, port: p.port, slot: p.slot, lossNode: p.lossNode, readsLogits: p.readsLogits }
      : null,
    data: d
      ? {
          node: d.node,
          name: d.table.name,
          task: d.table.task,
          nFeatures: d.table.nFeatures,
          nTargets: d.table.nTargets,
          featureNames: [...d.table.featureNames],
          batchSize: d.table.batchSize,
          shuffle: d.table.shuffle,
          features: d.features,
          target: d.target,
          train: copy(d.table.train),
          test: copy(d.table.test),
          ...(d.table.image ? { image: { ...d.table.image } } : {}),
        }
      : null,
    optimizer: plan.optimizer
      ? {
          nodeId: plan.optimizer.node,
          kind: plan.optimizer.kind.id,
          state: [...(plan.optimizer.kind.optimizer?.state ?? [])],
        }
      : null,
    phases: phaseTouches(plan),
    historyRecent,
  };
}

/** The buffers a layout's typed arrays live in, for postMessage's transfer list. */
export function layoutTransferables(layout: TrainingLayout): ArrayBuffer[] {
  if (!layout.data) return [];
  const { train, test } = layout.data;
  return [train.x.buffer, train.y.buffer, test.x.buffer, test.y.buffer] as ArrayBuffer[];
}
