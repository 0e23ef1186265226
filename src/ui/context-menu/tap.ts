/**
 * A tap, told apart from what else a press can be: a drag (moved further than TAP_SLOP), a long
 * press (held for HOLD_MS, which opens the context menu) or a gesture the browser took over.
 */
import { HOLD_MS } from './long-press';

/** Moved further than this (px), a press is a drag, not a tap. */
export const TAP_SLOP = 6;

/** Calls `tapped` with the release if the press `down` ends as a tap. */
export function whenTapped(down: PointerEvent, tapped: (up: PointerEvent) => void): void {
  const start = { x: down.clientX, y: down.clientY, id: down.pointerId, at: performance.now() };
  const up = (u: PointerEvent) => {
    if (u.pointerId !== start.id) return;
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', up, true);
    if (
      u.type === 'pointercancel' ||
      performance.now() - start.at >= HOLD_MS ||
      Math.hypot(u.clientX - start.x, u.clientY - start.y) > TAP_SLOP
    )
      return;
    tapped(u);
  };
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', up, true);
}
