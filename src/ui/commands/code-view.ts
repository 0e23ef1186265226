import { useCodeView } from '../code/code-view';
import { CodeIcon } from '../icons';
import type { Action } from './action';

export const codeView: Action = {
  id: 'code-view',
  label: 'Code',
  description: 'Show this network as PyTorch or NumPy code',
  group: 'View',
  icon: CodeIcon,
  pressed: () => useCodeView.getState().open,
  subscribe: (onChange) => useCodeView.subscribe(onChange),
  run: () => {
    const view = useCodeView.getState();
    view.setOpen(!view.open);
  },
};
