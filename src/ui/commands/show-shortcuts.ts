import { useSession } from '../../store';
import { HelpIcon } from '../icons';
import { type Action, plain } from './action';

export const showShortcuts: Action = {
  id: 'shortcuts',
  label: 'Keyboard shortcuts',
  description: 'Show the keyboard shortcuts',
  group: 'Help',
  icon: HelpIcon,
  keys: '?',
  keyTest: (e) => plain(e) && e.key === '?',
  run: () => useSession.getState().openDialog({ type: 'shortcuts' }),
};
