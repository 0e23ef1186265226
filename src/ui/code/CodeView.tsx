import { lazyComponent } from '../lazy/lazy-component';
import { useCodeView } from './code-view';

/** The panel's code, the exporters and the highlighter load the first time the Code view opens. */
const CodePanelOpen = lazyComponent('the code view', () =>
  import('./CodePanel').then((m) => m.CodePanelOpen),
);

/** The Code view: the network as a PyTorch or NumPy script beside the canvas, while it is open. */
export function CodeView() {
  const open = useCodeView((s) => s.open);
  return open ? <CodePanelOpen /> : null;
}
