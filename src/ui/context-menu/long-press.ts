/**
 * A long press: one finger held still for HOLD_MS opens what a right-click opens (a tablet has no
 * right button). Moving more than SLOP_PX first, lifting the finger, or a second finger (a pinch
 * or a two-finger pan) cancels it. Pure timing and distance, no DOM: the canvas feeds it pointer
 * events (long-press-binding.ts).
 */
export const HOLD_MS = 500;
/** A finger is never perfectly still: this much drift still counts as held. */
export const SLOP_PX = 10;

export interface LongPress {
  down(pointerId: number, x: number, y: number): void;
  move(pointerId: number, x: number, y: number): void;
  /** The finger lifted or the browser took the gesture over (pointerup, pointercancel). */
  up(pointerId: number): void;
  /** Stops a pending press (the canvas went away). */
  cancel(): void;
}

export function createLongPress(
  onHold: (at: { x: number; y: number }) => void,
  { holdMs = HOLD_MS, slopPx = SLOP_PX }: { holdMs?: number; slopPx?: number } = {},
): LongPress {
  let pending: { id: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null = null;
  const cancel = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  return {
    down(id, x, y) {
      // A second finger while one is held: a pinch or a pan, never a long press.
      if (pending) return cancel();
      const timer = setTimeout(() => {
        pending = null;
        onHold({ x, y });
      }, holdMs);
      pending = { id, x, y, timer };
    },
    move(id, x, y) {
      if (pending?.id === id && Math.hypot(x - pending.x, y - pending.y) > slopPx) cancel();
    },
    up(id) {
      if (pending?.id === id) cancel();
    },
    cancel,
  };
}
