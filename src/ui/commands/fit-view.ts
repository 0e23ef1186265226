import { fitViewSoon } from '../actions/flow';
import { FitIcon } from '../icons';
import type { Action } from './action';

export const fitView: Action = {
  id: 'fit-view',
  label: 'Fit view',
  description: 'Show the whole network',
  group: 'View',
  icon: FitIcon,
  run: fitViewSoon,
};
