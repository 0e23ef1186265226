import { undo as undoEdit, useDocument } from '../../store';
import { UndoIcon } from '../icons';
import { type Action, withMod } from './action';

export const undo: Action = {
  id: 'undo',
  label: 'Undo',
  description: 'Undo',
  group: 'Edit',
  icon: UndoIcon,
  keys: 'Mod+Z',
  keyTest: (e) => withMod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  enabled: () => useDocument.temporal.getState().pastStates.length > 0,
  subscribe: (onChange) => useDocument.temporal.subscribe(onChange),
  run: undoEdit,
};
