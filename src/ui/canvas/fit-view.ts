/**
 * Fitting a network into the part of the canvas one can see. React Flow's fitView centres the
 * nodes in the whole pane, so what sits over the pane (the minimap, the zoom buttons, a toast)
 * can hide a row of nodes. Here each such box is avoided by giving up the strip of the pane on one
 * of its sides; of all the ways to do that, the one that shows the network largest wins. Pure:
 * the caller measures the pane and the boxes.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** Space kept free around the network, on screen (px). */
  padding: number;
  /** More space under the network (px): the numbers printed under the bottom nodes. */
  below: number;
  /** More space left and right (px): numbers under a node are wider than a small card. */
  beside: number;
  minZoom: number;
  maxZoom: number;
}

/** The pane shrunk by one side per obstacle, or null if nothing is left. */
type Insets = { top: number; right: number; bottom: number; left: number };

function cuts(o: Rect, pane: { width: number; height: number }): Insets[] {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };
  return [
    { ...none, top: o.y + o.height },
    { ...none, bottom: pane.height - o.y },
    { ...none, left: o.x + o.width },
    { ...none, right: pane.width - o.x },
  ];
}

/** Obstacles clipped to the pane (an obstacle outside it takes nothing away). */
function inside(o: Rect, pane: { width: number; height: number }): Rect | null {
  const x = Math.max(0, o.x);
  const y = Math.max(0, o.y);
  const right = Math.min(pane.width, o.x + o.width);
  const bottom = Math.min(pane.height, o.y + o.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The viewport that shows `bounds` (flow units) whole and as large as it can in `pane` (its size,
 * px) clear of `obstacles` (px, relative to the pane's corner), centred in the space left.
 */
export function fitViewport(
  bounds: Rect,
  pane: { width: number; height: number },
  obstacles: readonly Rect[],
  options: FitOptions,
): Viewport {
  const boxes = obstacles.map((o) => inside(o, pane)).filter((o): o is Rect => o !== null);
  let combos: Insets[] = [{ top: 0, right: 0, bottom: 0, left: 0 }];
  for (const o of boxes) {
    const next: Insets[] = [];
    for (const c of combos)
      for (const cut of cuts(o, pane))
        next.push({
          top: Math.max(c.top, cut.top),
          right: Math.max(c.right, cut.right),
          bottom: Math.max(c.bottom, cut.bottom),
          left: Math.max(c.left, cut.left),
        });
    combos = next;
  }
  const width = Math.max(bounds.width, 1);
  const height = Math.max(bounds.height, 1);
  let best: Viewport | null = null;
  for (const c of combos) {
    const free = {
      x: c.left + options.padding + options.beside,
      y: c.top + options.padding,
      width: pane.width - c.left - c.right - 2 * (options.padding + options.beside),
      height: pane.height - c.top - c.bottom - 2 * options.padding - options.below,
    };
    if (free.width <= 0 || free.height <= 0) continue;
    const zoom = Math.min(
      options.maxZoom,
      Math.max(options.minZoom, Math.min(free.width / width, free.height / height)),
    );
    if (best && zoom <= best.zoom) continue;
    best = {
      zoom,
      x: free.x + (free.width - width * zoom) / 2 - bounds.x * zoom,
      y: free.y + (free.height - height * zoom) / 2 - bounds.y * zoom,
    };
  }
  if (best) return best;
  // Obstacles leave no room: fit the whole pane.
  const zoom = Math.min(
    options.maxZoom,
    Math.max(options.minZoom, Math.min(pane.width / width, pane.height / height)),
  );
  return {
    zoom,
    x: (pane.width - width * zoom) / 2 - bounds.x * zoom,
    y: (pane.height - height * zoom) / 2 - bounds.y * zoom,
  };
}

/** Whether `viewport` shows every box of `bounds` (flow units) inside the pane. */
export function showsWhole(
  bounds: Rect,
  pane: { width: number; height: number },
  viewport: Viewport,
): boolean {
  const x = bounds.x * viewport.zoom + viewport.x;
  const y = bounds.y * viewport.zoom + viewport.y;
  return (
    x >= 0 &&
    y >= 0 &&
    x + bounds.width * viewport.zoom <= pane.width &&
    y + bounds.height * viewport.zoom <= pane.height
  );
}
