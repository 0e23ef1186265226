/** Where a new node goes: with snap to grid on, on the grid, like a dragged node; clear of other nodes. */
import type { Position } from '../../engine/graph';
import { GRID, usePrefs } from '../../store';

export function placed(p: Position): Position {
  if (!usePrefs.getState().snapToGrid) return { x: Math.round(p.x), y: Math.round(p.y) };
  return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rings of places tried around the wanted one, each a card's size (plus a gap) further out. */
const RINGS = 8;

/**
 * The place nearest `want` (the top-left corner of a card of `size`) where the card covers none of
 * `taken` with `gap` to spare: the wanted place itself if free, else the nearest free one on a
 * grid of card-sized steps around it (nearest first, so clicks fill the view's middle outward
 * instead of stacking new nodes on one spot). Falls back to `want` if all are taken.
 */
export function roomFor(
  want: Position,
  size: { width: number; height: number },
  taken: readonly Box[],
  gap = 24,
): Position {
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  const free = (x: number, y: number) =>
    taken.every(
      (b) =>
        x + size.width + gap <= b.x ||
        b.x + b.width + gap <= x ||
        y + size.height + gap <= b.y ||
        b.y + b.height + gap <= y,
    );
  for (let r = 0; r <= RINGS; r++) {
    const ring: Position[] = [];
    for (let i = -r; i <= r; i++)
      for (let j = -r; j <= r; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === r)
          ring.push({ x: want.x + i * stepX, y: want.y + j * stepY });
    ring.sort((a, b) => Math.hypot(a.x - want.x, a.y - want.y) - Math.hypot(b.x - want.x, b.y - want.y));
    const spot = ring.find((p) => free(p.x, p.y));
    if (spot) return spot;
  }
  return want;
}
