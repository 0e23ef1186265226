import { openQuickAddAtPointer } from '../quick-add/state';
import { type Action, plain } from './action';
import { canvasHasFocus } from './focus';

export const quickAdd: Action = {
  id: 'quick-add',
  label: 'Add a node…',
  description: 'Add a node: a search box opens at the pointer',
  group: 'Edit',
  keys: 'Space / Shift+A',
  keyTest: (e) =>
    plain(e) &&
    !e.repeat &&
    (e.key === ' ' || (e.key.toLowerCase() === 'a' && e.shiftKey)) &&
    canvasHasFocus(),
  run: openQuickAddAtPointer,
};
