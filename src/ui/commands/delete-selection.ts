import { deleteSelection as deleteSelected } from '../../store';
import { type Action, plain } from './action';

export const deleteSelection: Action = {
  id: 'delete',
  label: 'Delete',
  description: 'Delete the selected nodes and connections',
  group: 'Edit',
  keys: 'Delete / Backspace',
  keyTest: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  run: deleteSelected,
};
