/** What the compiler knows about a node and its incoming edges while it compiles one graph. */
import type { GraphEdge, GraphNode } from '../graph';
import type { AnyKind, Shape } from '../kind';
import type { OutputPortSpec, PortLayout } from '../ports';
import type { BlockLayout } from './plan';

/** A valid edge, with its source resolved once so later passes need no lookup by id. */
export interface InEdge {
  edge: GraphEdge;
  src: NodeInfo;
  /** The source's output port the edge leaves from. */
  out: OutputPortSpec;
  /** The weight block the edge owns, once laid out (a neuron's weight). */
  block: BlockLayout | undefined;
}

export interface NodeInfo {
  node: GraphNode;
  /** Position among the compiled nodes, in document order: the node's index for the sort. */
  pos: number;
  kind: AnyKind;
  params: Record<string, unknown>;
  ports: PortLayout;
  name: string;
  /** Valid incoming edges of each input port (same order as `ports.inputs`), in document order. */
  incoming: InEdge[][];
  shape: Shape | undefined;
}

const NONE: readonly InEdge[] = [];

/** The valid edges into one input port, by the port's id. */
export function incomingAt(info: NodeInfo, port: string): readonly InEdge[] {
  const k = indexOfPort(info.ports.inputs, port);
  return k < 0 ? NONE : info.incoming[k];
}

/** Index of the first port with this id, or -1 (a loop, not `findIndex`: no closure per edge). */
export function indexOfPort(ports: readonly { id: string }[], id: string): number {
  for (let k = 0; k < ports.length; k++) if (ports[k].id === id) return k;
  return -1;
}
