/**
 * A thumbnail of an example: its nodes laid out as the canvas will lay them out, as boxes in their
 * family's colour, and its edges as curves. Computed once per example.
 */
import type { Example } from '../../engine/examples';
import { getKind } from '../../engine/registry';
import { layoutPositions } from '../../store';
import { estimateNodeSize } from '../canvas/node-size';

export interface PreviewBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  family: string;
}

export interface Preview {
  width: number;
  height: number;
  boxes: PreviewBox[];
  /** SVG path data, one per edge. */
  edges: string[];
  nodeCount: number;
}

const cache = new Map<string, Preview>();

export function previewOf(example: Example): Preview {
  const hit = cache.get(example.id);
  if (hit) return hit;
  const graph = example.build();
  const sizes = new Map(graph.nodes.map((n) => [n.id as string, estimateNodeSize(n)]));
  const positions = layoutPositions(graph.nodes, graph.edges, sizes);
  const boxes: PreviewBox[] = graph.nodes.map((n) => {
    const p = positions.get(n.id) ?? n.position;
    const s = sizes.get(n.id)!;
    return {
      id: n.id,
      x: p.x,
      y: p.y,
      width: s.width,
      height: s.height,
      family: getKind(n.kind)?.family ?? 'math',
    };
  });
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  for (const b of boxes) {
    b.x -= minX;
    b.y -= minY;
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const edges = graph.edges.flatMap((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) return [];
    const x1 = s.x + s.width;
    const y1 = s.y + s.height / 2;
    const x2 = t.x;
    const y2 = t.y + t.height / 2;
    const c = Math.max(30, (x2 - x1) / 2);
    return [`M${x1},${y1} C${x1 + c},${y1} ${x2 - c},${y2} ${x2},${y2}`];
  });
  const preview: Preview = {
    width: Math.max(...boxes.map((b) => b.x + b.width)),
    height: Math.max(...boxes.map((b) => b.y + b.height)),
    boxes,
    edges,
    nodeCount: graph.nodes.length,
  };
  cache.set(example.id, preview);
  return preview;
}
