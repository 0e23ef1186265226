/**
 * The light minimap of a big network (OverviewMinimap): every node as a rectangle in one SVG path
 * per colour group, and the frame the minimap shows. Pure geometry, so a drag that moves one node
 * rebuilds a few strings instead of re-running a React component and a store selector per node.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GroupedBox extends Box {
  /** Boxes of one group share one path (and one colour). */
  group: string;
}

export interface MinimapShapes {
  /** One path per group, in first-seen order. */
  paths: { group: string; d: string }[];
  /** The smallest box holding every node; null without nodes. */
  bounds: Box | null;
}

const r = (n: number) => Math.round(n);

export function minimapShapes(boxes: readonly GroupedBox[]): MinimapShapes {
  const parts = new Map<string, string[]>();
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    let list = parts.get(b.group);
    if (!list) {
      list = [];
      parts.set(b.group, list);
    }
    list.push(`M${r(b.x)} ${r(b.y)}h${r(b.width)}v${r(b.height)}h${-r(b.width)}z`);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return {
    paths: [...parts].map(([group, list]) => ({ group, d: list.join('') })),
    bounds: boxes.length > 0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null,
  };
}

/** The part of the flow on screen: React Flow's transform [x, y, zoom] over a pane of `width` × `height`. */
export function viewInFlow(transform: readonly [number, number, number], width: number, height: number): Box {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/**
 * What the minimap shows, as an SVG viewBox: the nodes and the view together, scaled to fill a
 * `width` × `height` minimap (centred on the short side), with a margin of `margin` minimap pixels
 * (as React Flow's own minimap frames it).
 */
export function minimapFrame(bounds: Box | null, view: Box, width: number, height: number, margin = 5): Box {
  const x0 = Math.min(view.x, bounds?.x ?? view.x);
  const y0 = Math.min(view.y, bounds?.y ?? view.y);
  const x1 = Math.max(view.x + view.width, bounds ? bounds.x + bounds.width : view.x + view.width);
  const y1 = Math.max(view.y + view.height, bounds ? bounds.y + bounds.height : view.y + view.height);
  const scale = Math.max((x1 - x0) / width, (y1 - y0) / height);
  const w = scale * width;
  const h = scale * height;
  const pad = margin * scale;
  return {
    x: x0 - (w - (x1 - x0)) / 2 - pad,
    y: y0 - (h - (y1 - y0)) / 2 - pad,
    width: w + 2 * pad,
    height: h + 2 * pad,
  };
}
