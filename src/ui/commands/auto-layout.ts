import { autoLayout as arrange } from '../../store';
import { fitViewSoon } from '../actions/flow';
import { LayoutIcon } from '../icons';
import type { Action } from './action';

export const autoLayout: Action = {
  id: 'auto-layout',
  label: 'Auto-layout',
  description: 'Arrange the nodes from left to right',
  group: 'View',
  icon: LayoutIcon,
  run: () => {
    arrange();
    fitViewSoon();
  },
};
