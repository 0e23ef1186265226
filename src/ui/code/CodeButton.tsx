import { CodeIcon } from '../icons';
import { ToolbarButton } from '../toolbar/ToolbarButton';
import { useCodeView } from './code-view';

/** The toolbar's Code toggle: the network as PyTorch or NumPy code beside the canvas. */
export function CodeButton() {
  const open = useCodeView((s) => s.open);
  return (
    <ToolbarButton
      icon={<CodeIcon />}
      label="Code"
      title="Show this network as PyTorch or NumPy code"
      pressed={open}
      onClick={() => useCodeView.getState().setOpen(!open)}
    />
  );
}
