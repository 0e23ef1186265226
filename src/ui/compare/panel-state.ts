/** Whether the compare panel is open: UI state, not saved (the comparison itself is in the document). */
import { create } from 'zustand';

export const useComparePanel = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
