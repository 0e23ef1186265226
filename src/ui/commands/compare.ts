import { useComparePanel } from '../compare/panel-state';
import { CompareIcon } from '../icons';
import type { Action } from './action';

export const compare: Action = {
  id: 'compare',
  label: 'Compare…',
  description:
    'Train variants of this network side by side (learning rate, optimizer, activation, init, batch size)',
  group: 'Training',
  icon: CompareIcon,
  pressed: () => useComparePanel.getState().open,
  subscribe: (onChange) => useComparePanel.subscribe(onChange),
  run: () => {
    const panel = useComparePanel.getState();
    if (panel.open) return panel.setOpen(false);
    // The comparison's editing loads with the panel: not part of the first load.
    void import('../compare/edit').then(({ ensureComparison }) => {
      ensureComparison();
      panel.setOpen(true);
    });
  },
};
