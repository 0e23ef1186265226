/** Where a new node goes: with snap to grid on, on the grid, like a dragged node. */
import type { Position } from '../../engine/graph';
import { GRID, usePrefs } from '../../store';

export function placed(p: Position): Position {
  if (!usePrefs.getState().snapToGrid) return { x: Math.round(p.x), y: Math.round(p.y) };
  return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
}
