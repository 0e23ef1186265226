import { usePrefs } from '../../store';
import { GridIcon } from '../icons';
import type { Action } from './action';

export const snapToGrid: Action = {
  id: 'snap-to-grid',
  label: 'Snap to grid',
  description: 'Snap to grid: nodes land on the dots',
  group: 'View',
  icon: GridIcon,
  pressed: () => usePrefs.getState().snapToGrid,
  subscribe: (onChange) => usePrefs.subscribe(onChange),
  run: () => {
    const prefs = usePrefs.getState();
    prefs.setSnapToGrid(!prefs.snapToGrid);
  },
};
