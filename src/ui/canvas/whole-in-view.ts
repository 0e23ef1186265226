/** Whether every node lies inside the pane at a view (the minimap is hidden then). Pure. */
import type { Viewport } from './fit-view';

/** A node as React Flow keeps it: where it is, and its size once measured. */
export interface PlacedNode {
  internals: { positionAbsolute: { x: number; y: number } };
  measured: { width?: number; height?: number };
}

/** Half a pixel either way: a fitted view puts the network's edge on a pixel's boundary. */
const SLACK = 0.5;

/**
 * True when each node's box, at `viewport`, lies inside the pane of `pane` size; also true for a
 * pane not laid out yet (0 × 0) or no nodes, where there is nothing a minimap could show.
 */
export function nodesInView(
  nodes: Iterable<PlacedNode>,
  pane: { width: number; height: number },
  viewport: Viewport,
): boolean {
  if (pane.width <= 0 || pane.height <= 0) return true;
  const { x, y, zoom } = viewport;
  for (const n of nodes) {
    const left = n.internals.positionAbsolute.x * zoom + x;
    const top = n.internals.positionAbsolute.y * zoom + y;
    const right = left + (n.measured.width ?? 0) * zoom;
    const bottom = top + (n.measured.height ?? 0) * zoom;
    if (left < -SLACK || top < -SLACK || right > pane.width + SLACK || bottom > pane.height + SLACK)
      return false;
  }
  return true;
}
