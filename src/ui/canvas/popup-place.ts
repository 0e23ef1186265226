/**
 * Where a popup opened at a point goes so that all of it stays on the canvas: at the point, flipped
 * to the other side of it where there is no room, and never past the canvas's edges — a popup that
 * spills over the toolbar or the inspector hides what the user is working with.
 */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function popupPlace(
  at: { x: number; y: number },
  size: { width: number; height: number },
  bounds: Bounds,
  { margin = 8, gap = 0 }: { margin?: number; gap?: number } = {},
): { left: number; top: number } {
  const along = (from: number, length: number, low: number, high: number) => {
    const after = from + gap;
    if (after + length + margin <= high) return after;
    const before = from - gap - length;
    if (before >= low + margin) return before;
    // No room on either side: as far as the edge allows.
    return Math.max(low + margin, high - margin - length);
  };
  return {
    left: along(at.x, size.width, bounds.left, bounds.right),
    top: along(at.y, size.height, bounds.top, bounds.bottom),
  };
}

/** The canvas's box on screen, or the window's when there is no canvas. */
export function canvasBounds(canvas: Element | null | undefined): Bounds {
  if (canvas) return canvas.getBoundingClientRect();
  return { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
}
