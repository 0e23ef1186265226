/**
 * On a narrow screen (a tablet: under 1180 px) the palette and the right column leave the canvas
 * the width and open over it, each from its own toggle. Which of them is open.
 */
import { create } from 'zustand';

export const NARROW_QUERY = '(max-width: 1179px)';

type Panel = 'palette' | 'side';

interface PanelsState {
  open: Panel | null;
  toggle(panel: Panel): void;
  close(): void;
}

export const usePanels = create<PanelsState>()((set, get) => ({
  open: null,
  toggle(panel) {
    set({ open: get().open === panel ? null : panel });
  },
  close() {
    set({ open: null });
  },
}));
