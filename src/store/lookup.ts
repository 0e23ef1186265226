/**
 * Id → element lookups over the document's arrays, built once per array (arrays are immutable:
 * every edit makes a new one), so a component can find its node in O(1) on every store change.
 */
import type { GraphEdge, GraphNode } from '../engine/graph';

const nodeIndexes = new WeakMap<readonly GraphNode[], Map<string, GraphNode>>();
const edgeIndexes = new WeakMap<readonly GraphEdge[], Map<string, GraphEdge>>();

export function nodeById(nodes: readonly GraphNode[], id: string): GraphNode | undefined {
  let index = nodeIndexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n) => [n.id, n]));
    nodeIndexes.set(nodes, index);
  }
  return index.get(id);
}

export function edgeById(edges: readonly GraphEdge[], id: string): GraphEdge | undefined {
  let index = edgeIndexes.get(edges);
  if (!index) {
    index = new Map(edges.map((e) => [e.id, e]));
    edgeIndexes.set(edges, index);
  }
  return index.get(id);
}
