/**
 * Id → element lookups over the document's arrays, built once per array (arrays are immutable:
 * every edit makes a new one), so a component can find its node in O(1) on every store change.
 */
import type { GraphEdge, GraphNode } from '../engine/graph';

const nodeIndexes = new WeakMap<readonly GraphNode[], Map<string, GraphNode>>();
const edgeIndexes = new WeakMap<readonly GraphEdge[], Map<string, GraphEdge>>();

function byId<T extends { id: string }>(
  indexes: WeakMap<readonly T[], Map<string, T>>,
  items: readonly T[],
  id: string,
): T | undefined {
  let index = indexes.get(items);
  if (!index) {
    index = new Map(items.map((item) => [item.id, item]));
    indexes.set(items, index);
  }
  return index.get(id);
}

export function nodeById(nodes: readonly GraphNode[], id: string): GraphNode | undefined {
  return byId(nodeIndexes, nodes, id);
}

export function edgeById(edges: readonly GraphEdge[], id: string): GraphEdge | undefined {
  return byId(edgeIndexes, edges, id);
}
