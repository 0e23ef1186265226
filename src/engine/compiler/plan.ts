/**
 * A compiled graph: the nodes in execution order with every buffer and parameter block laid out.
 * Layout is independent of batch size: a slot's offset for a runtime of capacity C is `base * C`.
 */
import type { DataTable } from '../datasets/table';
import type { EdgeId, Graph, NodeId } from '../graph';
import type { Init } from '../init';
import type { AnyKind } from '../kind';
import type { PortLayout } from '../ports';

export interface SlotLayout {
  /** Sum of the widths of all slots before this one. */
  base: number;
  width: number;
}

export interface BlockLayout {
  /** Stable identity across recompiles: `node:<id>:<name>` or `edge:<id>`. */
  key: string;
  name: string;
  /** How the command line and inspector name it (a label from the document, or a derived name). */
  label: string;
  offset: number;
  size: number;
  init: Init;
  nodeId: NodeId;
  edgeId?: EdgeId;
  /** Not trained (ParamBlockRequest.buffer): laid out after every trained block. */
  buffer?: boolean;
}

export interface PlanInput {
  edgeId: EdgeId;
  sourceNode: NodeId;
  sourceKind: string;
  sourcePort: string;
  slot: SlotLayout;
  /** The block this edge owns (a neuron's weights). */
  block?: BlockLayout;
  /** The source's own input slot, when the compiler fused this edge with its source (fusion.ts). */
  sourceInput?: SlotLayout;
  /**
   * Training never needs this input's gradient (its source is data or a constant), and its node
   * may skip it while training at full speed (on-demand-gradients.ts).
   */
  gradientOnDemand?: boolean;
}

export interface PlanNode {
  id: NodeId;
  label: string;
  kind: AnyKind;
  params: Record<string, unknown>;
  ports: PortLayout;
  inputs: Record<string, PlanInput[]>;
  outputs: Record<string, SlotLayout>;
  scratch: Record<string, SlotLayout>;
  /** The node's own parameter blocks by name; weights owned by incoming edges are in `inputs[…][i].block`. */
  blocks: Record<string, BlockLayout>;
  /** Its only consumer was fused with it and writes its input's gradient (fusion.ts). */
  fusedIntoConsumer?: boolean;
}

export interface PlanEdge {
  id: EdgeId;
  source: NodeId;
  target: NodeId;
  /** The values flowing along the edge (the source port's buffer): its gradient is ∂L/∂x. */
  slot: SlotLayout;
  /** The weight the edge carries, if it feeds a neuron. */
  block?: BlockLayout;
}

export interface Plan {
  graph: Graph;
  /** Op nodes (data, ops, losses) in a deterministic topological order. */
  order: PlanNode[];
  nodes: Map<NodeId, PlanNode>;
  edges: Map<EdgeId, PlanEdge>;
  /** Sum of all slot widths: values per example. */
  slotWidth: number;
  blocks: BlockLayout[];
  /** Length of θ. */
  paramCount: number;
  /**
   * θ[0, trainableCount) is trained; the rest are buffers (BatchNorm's running statistics), which
   * the optimizer never sees. Equal to paramCount when no kind keeps buffers.
   */
  trainableCount: number;
  losses: PlanNode[];
  optimizer?: { node: NodeId; kind: AnyKind; params: Record<string, unknown> };
  data?: {
    node: NodeId;
    table: DataTable;
    features: SlotLayout;
    target: SlotLayout;
  };
  /** Seeds the initial parameters. */
  seed: number;
  /** Seeds the batch order and dropout masks (the graph's orderSeed, or its seed). */
  orderSeed: number;
}
