import { ToolbarButton } from '../toolbar/ToolbarButton';
import { useCodeView } from './code-view';

const CodeIcon = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M8 6l-6 6 6 6M16 6l6 6-6 6" />
  </svg>
);

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
