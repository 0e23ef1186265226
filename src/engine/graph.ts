/**
 * The graph document as the engine sees it: plain data, no behaviour.
 * The saved JSON (src/format) wraps this with a format tag, a version and UI state.
 */

/** Branded ids: a NodeId cannot be passed where an EdgeId is expected. */
export type NodeId = string & { readonly __brand: 'NodeId' };
export type EdgeId = string & { readonly __brand: 'EdgeId' };

export const nodeId = (s: string) => s as NodeId;
export const edgeId = (s: string) => s as EdgeId;

export interface Position {
  x: number;
  y: number;
}

export interface GraphNode {
  id: NodeId;
  /** A kind registered in `registry.ts`, e.g. "neuron" or "loss.mse". */
  kind: string;
  /** Parameter values; missing ones take the kind's defaults. */
  params: Record<string, unknown>;
  position: Position;
  /** Name shown on the canvas and used to name its trainable parameters. */
  label?: string;
  /** Names for this node's trainable parameter blocks, e.g. { bias: "b" }. */
  paramLabels?: Record<string, string>;
}

export interface GraphEdge {
  id: EdgeId;
  source: NodeId;
  /** Output port id of the source node. */
  sourceHandle: string;
  target: NodeId;
  /** Input port id of the target node. */
  targetHandle: string;
  /**
   * Initial weight when the edge feeds a neuron (a number, or one number per element of a vector);
   * absent: drawn by the neuron's init scheme.
   */
  weight?: number | number[];
  /** Name of the weight, e.g. "w"; used by the command line and the inspector. */
  label?: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Seed for parameter init and, unless `orderSeed` says otherwise, everything random in training. */
  seed: number;
  /**
   * Seed of the training order: the shuffled batches and the dropout masks. Absent: `seed`. A
   * compared run that changes the initialisation (`seed`) keeps the order here, so both variants
   * see the same batches in the same order.
   */
  orderSeed?: number;
}

/** The seed the batch order and dropout masks are drawn from. */
export const orderSeedOf = (graph: Pick<Graph, 'seed' | 'orderSeed'>): number =>
  graph.orderSeed ?? graph.seed;
