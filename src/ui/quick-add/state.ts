/**
 * Whether the quick-add box is open, where, and for which connection. Opened by a double-click on
 * the empty canvas, Space or Shift+A (at the pointer), or a connection dropped on empty canvas.
 */
import { create } from 'zustand';
import type { Position } from '../../engine/graph';
import type { ConnectionStart } from '../../store';
import { canvasElement, screenToFlow } from '../actions/flow';

export interface QuickAddRequest {
  /** Counts openings, so a new request gets a fresh box. */
  id: number;
  /** Client coordinates the box opens at. */
  at: Position;
  /** Where the new node goes on the canvas (flow coordinates). */
  flow: Position;
  /** The port a connection was dragged from: only kinds that fit it are offered, and the new node is connected. */
  from?: ConnectionStart;
}

interface QuickAddState {
  open: QuickAddRequest | null;
  show(at: Position, from?: ConnectionStart): void;
  close(): void;
}

let count = 0;

export const useQuickAdd = create<QuickAddState>()((set) => ({
  open: null,
  show(at, from) {
    set({ open: { id: ++count, at, flow: screenToFlow(at), from } });
  },
  close() {
    set({ open: null });
  },
}));

/** The last pointer position seen over the canvas, for Space / Shift+A. */
let pointer: Position | null = null;

export function trackPointer(e: { clientX: number; clientY: number }): void {
  pointer = { x: e.clientX, y: e.clientY };
}

/** Opens quick-add at the pointer if it is over the canvas, else in the middle of the canvas. */
export function openQuickAddAtPointer(): void {
  const el = canvasElement();
  const r = el?.getBoundingClientRect();
  const inside =
    r &&
    pointer &&
    pointer.x >= r.left &&
    pointer.x <= r.right &&
    pointer.y >= r.top &&
    pointer.y <= r.bottom;
  const at =
    inside && pointer
      ? pointer
      : r
        ? { x: r.left + r.width / 2, y: r.top + r.height / 3 }
        : { x: 200, y: 200 };
  useQuickAdd.getState().show(at);
}
