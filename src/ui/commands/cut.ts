import { deleteSelection, useSelection } from '../../store';
import type { Action } from './action';
import { copySelection } from './copy';

/** Ctrl+X goes through the browser's cut event (hooks/use-clipboard.ts); this is the menus' Cut. */
export const cut: Action = {
  id: 'cut',
  label: 'Cut',
  description: 'Copy the selected nodes, then delete them',
  group: 'Edit',
  keys: 'Mod+X',
  enabled: () => useSelection.getState().nodes.size > 0,
  subscribe: (onChange) => useSelection.subscribe(onChange),
  run: () => {
    if (copySelection()) deleteSelection();
  },
};
