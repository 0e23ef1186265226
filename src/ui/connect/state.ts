/**
 * The keyboard's way to connect: Enter on a focused port opens a list of the ports that fit it.
 * Which port it was opened from, and where on screen.
 */
import { create } from 'zustand';
import type { Position } from '../../engine/graph';
import type { ConnectionStart } from '../../store';

export interface ConnectRequest {
  id: number;
  from: ConnectionStart;
  /** Client coordinates of the port: the list opens beside it. */
  at: Position;
  /** The port element, to give the focus back to when the list closes. */
  origin: HTMLElement | null;
}

interface ConnectMenuState {
  open: ConnectRequest | null;
  show(from: ConnectionStart, origin: HTMLElement): void;
  close(): void;
}

let count = 0;

export const useConnectMenu = create<ConnectMenuState>()((set) => ({
  open: null,
  show(from, origin) {
    const r = origin.getBoundingClientRect();
    const at = { x: from.type === 'source' ? r.right + 6 : r.left - 6, y: r.top + r.height / 2 };
    set({ open: { id: ++count, from, at, origin } });
  },
  close() {
    set({ open: null });
  },
}));
