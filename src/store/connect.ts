/**
 * Whether a connection may be drawn, and if not, why — said to a learner. Used by the canvas
 * while a connection is dragged (to light up the ports that fit and to refuse a drop) and by the
 * document store before it adds or moves an edge.
 */
import { outputFitsInput } from '../engine/compiler/compile';
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '../engine/graph';
import { describePortType } from '../engine/ports';
import { nodeById } from './lookup';
import { inputPort, nodeName, nodeSpec, outputPort } from './ports';

/** A connection as React Flow reports it: source is always an output, target an input. */
export interface ConnectionRequest {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

export interface GraphView {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

const refuse = (reason: string): ConnectionCheck => ({ ok: false, reason });

/** "connect the Dataset’s target port" → "Connect the Dataset’s target port." */
function sentence(hint: string): string {
  const s = hint.charAt(0).toUpperCase() + hint.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * Checks a connection against the graph. `ignoreEdge` is the edge being reconnected: it does not
 * count as taking its port or as part of a loop.
 */
export function checkConnection(
  graph: GraphView,
  c: ConnectionRequest,
  ignoreEdge?: EdgeId,
): ConnectionCheck {
  const source = nodeById(graph.nodes, c.source);
  const target = nodeById(graph.nodes, c.target);
  if (!source || !target) return refuse('That node no longer exists.');
  if (source.id === target.id) return refuse('A node cannot feed itself: connect it to another node.');
  const out = outputPort(source, c.sourceHandle);
  const input = inputPort(target, c.targetHandle);
  if (!out) return refuse(`“${nodeName(source)}” has no such output.`);
  if (!input) return refuse(`“${nodeName(target)}” has no such input.`);

  if (!outputFitsInput(out, input)) {
    if (input.accepts.includes('target')) return refuse(`A loss needs a target: ${input.hint}.`);
    const kind = nodeSpec(target)?.kind.label ?? 'This node';
    return refuse(
      `${kind} “${nodeName(target)}” takes ${describePortType(input.accepts[0])} at “${input.label}”, not ${describePortType(out.type)}. ${sentence(input.hint)}`,
    );
  }

  const others = graph.edges.filter((e) => e.id !== ignoreEdge);
  if (
    others.some(
      (e) =>
        e.source === source.id &&
        e.sourceHandle === out.id &&
        e.target === target.id &&
        e.targetHandle === input.id,
    )
  ) {
    return refuse('These two ports are already connected.');
  }
  if (!input.multiple && others.some((e) => e.target === target.id && e.targetHandle === input.id)) {
    return refuse(
      `“${input.label}” of “${nodeName(target)}” takes a single connection and already has one: delete that edge first, or drag its end to another port.`,
    );
  }
  if (reaches(others, target.id, source.id)) {
    return refuse('That would make a loop: values must flow one way, from the data to the loss.');
  }
  return { ok: true };
}

/** Whether `to` can be reached from `from` along the edges. */
function reaches(edges: readonly GraphEdge[], from: NodeId, to: NodeId): boolean {
  const next = new Map<NodeId, NodeId[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<NodeId>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}

/** The end a connection is dragged from: an output ('source') or an input ('target'). */
export interface ConnectionStart {
  nodeId: string;
  handleId: string | null;
  type: 'source' | 'target';
}

/** The request made by dropping a connection started at `from` on `(nodeId, handleId)`. */
export function requestFrom(
  from: ConnectionStart,
  nodeId: string,
  handleId: string | null,
): ConnectionRequest {
  return from.type === 'source'
    ? { source: from.nodeId, sourceHandle: from.handleId, target: nodeId, targetHandle: handleId }
    : { source: nodeId, sourceHandle: handleId, target: from.nodeId, targetHandle: from.handleId };
}

/**
 * Every port a connection started at `from` may end on, by node id: the ports that light up while
 * the connection is dragged.
 */
export function connectablePorts(
  graph: GraphView,
  from: ConnectionStart,
  ignoreEdge?: EdgeId,
): ReadonlyMap<string, ReadonlySet<string>> {
  const result = new Map<string, Set<string>>();
  for (const node of graph.nodes) {
    const spec = nodeSpec(node);
    if (!spec) continue;
    const ports = from.type === 'source' ? spec.ports.inputs : spec.ports.outputs;
    for (const port of ports) {
      if (checkConnection(graph, requestFrom(from, node.id, port.id), ignoreEdge).ok) {
        const set = result.get(node.id);
        if (set) set.add(port.id);
        else result.set(node.id, new Set([port.id]));
      }
    }
  }
  return result;
}
