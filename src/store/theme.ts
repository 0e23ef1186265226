/** The colour theme: follow the system, or the learner's choice (remembered in localStorage). */
import { create } from 'zustand';

export type ThemePreference = 'system' | 'light' | 'dark';

const KEY = 'neurograph.theme';

function stored(): ThemePreference {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export interface ThemeState {
  preference: ThemePreference;
  setPreference(p: ThemePreference): void;
}

export const useTheme = create<ThemeState>()((set) => ({
  preference: stored(),
  setPreference(preference) {
    try {
      if (preference === 'system') globalThis.localStorage?.removeItem(KEY);
      else globalThis.localStorage?.setItem(KEY, preference);
    } catch {
      // Private mode: the choice lasts for this session only.
    }
    set({ preference });
  },
}));
