import { redo as redoEdit, useDocument } from '../../store';
import { RedoIcon } from '../icons';
import { type Action, withMod } from './action';

export const redo: Action = {
  id: 'redo',
  label: 'Redo',
  description: 'Redo',
  group: 'Edit',
  icon: RedoIcon,
  keys: 'Mod+Shift+Z / Mod+Y',
  keyTest: (e) => {
    const key = e.key.toLowerCase();
    return withMod(e) && ((key === 'z' && e.shiftKey) || key === 'y');
  },
  enabled: () => useDocument.temporal.getState().futureStates.length > 0,
  subscribe: (onChange) => useDocument.temporal.subscribe(onChange),
  run: redoEdit,
};
