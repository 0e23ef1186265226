import { useSelection } from '../../store';
import type { Action } from './action';

export const clearSelection: Action = {
  id: 'clear-selection',
  label: 'Clear the selection',
  description: 'Clear the selection',
  group: 'Edit',
  keys: 'Escape',
  keyTest: (e) => e.key === 'Escape' && !e.ctrlKey && !e.metaKey,
  keepDefault: true,
  run: () => useSelection.getState().clear(),
};
