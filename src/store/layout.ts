/**
 * Auto-layout with dagre, left to right: data on the left, the optimizer on the right. The laid-out
 * graph keeps its top-left corner where it was, so the canvas does not jump away.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode, Position } from '../engine/graph';
import { topLeft } from './graph-ops';
import type { Size } from './view';

export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 120 };

export function layoutPositions(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  sizes: ReadonlyMap<string, Size>,
): Map<string, Position> {
  const result = new Map<string, Position>();
  if (nodes.length === 0) return result;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) {
    const size = sizes.get(n.id) ?? DEFAULT_NODE_SIZE;
    g.setNode(n.id, { width: size.width, height: size.height });
  }
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const corner = topLeft(nodes);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  for (const n of nodes) {
    const { x, y, width, height } = g.node(n.id);
    const p = { x: x - width / 2, y: y - height / 2 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    result.set(n.id, p);
  }
  for (const [id, p] of result) {
    result.set(id, { x: Math.round(p.x - minX + corner.x), y: Math.round(p.y - minY + corner.y) });
  }
  return result;
}
