/** What the canvas measured: each node's rendered size (for React Flow and auto-layout). */
import { create } from 'zustand';
import { perId } from './per-id';

export interface Size {
  width: number;
  height: number;
}

export interface ViewState {
  sizes: ReadonlyMap<string, Size>;
  setSizes(sizes: readonly { id: string; size: Size }[]): void;
}

export const useView = create<ViewState>()((set, get) => ({
  sizes: new Map(),
  setSizes(changes) {
    const old = get().sizes;
    const changed = changes.filter((c) => {
      const s = old.get(c.id);
      return !s || s.width !== c.size.width || s.height !== c.size.height;
    });
    if (changed.length === 0) return;
    const sizes = new Map(old);
    for (const c of changed) sizes.set(c.id, c.size);
    set({ sizes });
  },
}));

/** One node's measured size, undefined until React Flow has measured it. */
export const selectNodeSize = perId(
  (id) =>
    (s: ViewState): Size | undefined =>
      s.sizes.get(id),
);
