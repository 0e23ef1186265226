/**
 * The canvas's context menu (right-click, a long press, Shift+F10 or the Menu key): what it was
 * opened on, and where on screen.
 */
import { create } from 'zustand';
import type { Position } from '../../engine/graph';

export type MenuTarget =
  | { kind: 'node'; id: string }
  | { kind: 'edge'; id: string }
  /** Edge ends that share one grab circle (canvas/shared-ends.ts): which one is meant? */
  | { kind: 'ends'; ids: readonly string[]; end: 'source' | 'target' }
  /** A column of a node's ports, too close together on screen to press one (canvas/PortColumn). */
  | { kind: 'ports'; id: string; side: 'target' | 'source' }
  /** The empty canvas (a node added from the menu goes where it was pressed). */
  | { kind: 'canvas' };

export interface ContextMenuRequest {
  id: number;
  target: MenuTarget;
  /** Client coordinates: the menu opens there. */
  at: Position;
  /** What had the focus: it gets it back when the menu closes without acting. */
  origin: HTMLElement | null;
}

interface ContextMenuState {
  open: ContextMenuRequest | null;
  show(target: MenuTarget, at: Position, origin: HTMLElement | null): void;
  close(): void;
}

let count = 0;

export const useContextMenu = create<ContextMenuState>()((set) => ({
  open: null,
  show(target, at, origin) {
    set({ open: { id: ++count, target, at, origin } });
  },
  close() {
    set({ open: null });
  },
}));
