/** The learner's UI preferences (snap to grid, …), remembered in localStorage. Not part of the document. */
import { create } from 'zustand';

const KEY = 'neurograph.prefs';

export interface Prefs {
  snapToGrid: boolean;
}

const DEFAULTS: Prefs = { snapToGrid: false };

function stored(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return DEFAULTS;
    const p = parsed as Partial<Record<keyof Prefs, unknown>>;
    return { snapToGrid: typeof p.snapToGrid === 'boolean' ? p.snapToGrid : DEFAULTS.snapToGrid };
  } catch {
    return DEFAULTS;
  }
}

export interface PrefsState extends Prefs {
  setSnapToGrid(on: boolean): void;
}

/** The grid nodes snap to, in canvas pixels: the same pitch as the dotted background. */
export const GRID = 20;

export const usePrefs = create<PrefsState>()((set, get) => {
  const save = (next: Partial<Prefs>) => {
    const prefs: Prefs = { snapToGrid: get().snapToGrid, ...next };
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // Private mode: the choice lasts for this session only.
    }
    set(next);
  };
  return {
    ...stored(),
    setSnapToGrid(snapToGrid) {
      save({ snapToGrid });
    },
  };
});
