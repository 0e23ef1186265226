/** Whether the Code view is open and which script it shows: session state, not saved. */
import { create } from 'zustand';
import type { ScriptKind } from './exports';

interface CodeViewState {
  open: boolean;
  kind: ScriptKind;
  setOpen(open: boolean): void;
  setKind(kind: ScriptKind): void;
}

export const useCodeView = create<CodeViewState>()((set) => ({
  open: false,
  kind: 'pytorch',
  setOpen: (open) => set({ open }),
  setKind: (kind) => set({ kind }),
}));
