import { useSession } from '../../store';
import type { Action } from './action';

/** Ctrl/⌘+K: search every action by name and run it (CommandPalette.tsx). */
export const commandPalette: Action = {
  id: 'command-palette',
  label: 'Command palette',
  description: 'Find any action by name and run it',
  group: 'Help',
  keys: 'Mod+K',
  keyTest: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k',
  hiddenFromPalette: true,
  run: () => useSession.getState().openDialog({ type: 'commands' }),
};
