/** Pure edits of a graph's nodes and edges: every document action is built from these. */
import type { EdgeId, GraphEdge, GraphNode, NodeId, Position } from '../engine/graph';
import { newEdgeId, newNodeId } from './ids';

/** A piece of a graph: what is copied, pasted and duplicated. Edges only join its own nodes. */
export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A label not used by any of `nodes`: "Neuron 1", "Neuron 2", ...; "h1.1" taken gives "h1.2". */
export function uniqueLabel(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  const m = /^(.*?)(\d+)$/.exec(wanted);
  const stem = m ? m[1] : `${wanted} `;
  let n = m ? Number(m[2]) + 1 : 2;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

export function labelsOf(nodes: readonly GraphNode[]): Set<string> {
  const set = new Set<string>();
  for (const n of nodes) if (n.label) set.add(n.label);
  return set;
}

/** Removes nodes and edges; edges attached to a removed node go with it. */
export function removeFromGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  return {
    nodes: nodes.filter((n) => !nodeIds.has(n.id)),
    edges: edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

/** The given nodes and the edges between them. */
export function fragmentOf(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  ids: ReadonlySet<string>,
): Fragment {
  return {
    nodes: nodes.filter((n) => ids.has(n.id)),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * A copy of a fragment ready to insert next to `existing`: new ids for every node and edge,
 * labels made unique, positions shifted by `offset`. Edges to nodes outside the fragment are dropped.
 */
export function cloneFragment(
  fragment: Fragment,
  existing: readonly GraphNode[],
  offset: Position,
): Fragment {
  const ids = new Map<string, NodeId>();
  const taken = labelsOf(existing);
  const nodes = fragment.nodes.map((n): GraphNode => {
    const id = newNodeId();
    ids.set(n.id, id);
    const copy: GraphNode = {
      ...n,
      id,
      params: { ...n.params },
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    };
    if (n.label) {
      copy.label = uniqueLabel(taken, n.label);
      taken.add(copy.label);
    }
    return copy;
  });
  const edges: GraphEdge[] = [];
  for (const e of fragment.edges) {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    if (!source || !target) continue;
    edges.push({ ...e, id: newEdgeId() as EdgeId, source, target });
  }
  return { nodes, edges };
}

/** The top-left corner of the nodes' positions. */
export function topLeft(nodes: readonly GraphNode[]): Position {
  if (nodes.length === 0) return { x: 0, y: 0 };
  return {
    x: Math.min(...nodes.map((n) => n.position.x)),
    y: Math.min(...nodes.map((n) => n.position.y)),
  };
}
