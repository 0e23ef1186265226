import { duplicateSelection } from '../../store';
import { type Action, withMod } from './action';

export const duplicate: Action = {
  id: 'duplicate',
  label: 'Duplicate',
  description: 'Duplicate the selection',
  group: 'Edit',
  keys: 'Mod+D',
  keyTest: (e) => withMod(e) && e.key.toLowerCase() === 'd',
  run: duplicateSelection,
};
