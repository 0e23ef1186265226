import { copyText, useSelection } from '../../store';
import { writeClipboard } from '../hooks/clipboard-access';
import type { Action } from './action';

const someNodeSelected = () => useSelection.getState().nodes.size > 0;

/** Copies the selected nodes (and the connections between them) as document JSON. */
export function copySelection(): string | null {
  const text = copyText();
  if (text) void writeClipboard(text);
  return text;
}

/**
 * Ctrl+C itself goes through the browser's copy event (hooks/use-clipboard.ts), which also
 * leaves a text selection alone: this action is what the menus and the palette run.
 */
export const copy: Action = {
  id: 'copy',
  label: 'Copy',
  description: 'Copy the selected nodes (pastes in this network or in another tab)',
  group: 'Edit',
  keys: 'Mod+C',
  enabled: someNodeSelected,
  subscribe: (onChange) => useSelection.subscribe(onChange),
  run: () => void copySelection(),
};
