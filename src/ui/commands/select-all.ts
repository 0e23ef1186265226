import { selectAll as selectEverything } from '../../store';
import { type Action, withMod } from './action';

export const selectAll: Action = {
  id: 'select-all',
  label: 'Select all',
  description: 'Select everything',
  group: 'Edit',
  keys: 'Mod+A',
  keyTest: (e) => withMod(e) && e.key.toLowerCase() === 'a',
  run: selectEverything,
};
