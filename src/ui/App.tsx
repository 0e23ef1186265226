import { ReactFlowProvider } from '@xyflow/react';
import { BottomPanel } from './BottomPanel';
import { Canvas } from './canvas/Canvas';
import { Dialogs } from './dialogs/Dialogs';
import { useClipboard } from './hooks/use-clipboard';
import { useShortcuts } from './hooks/use-shortcuts';
import { useAppliedTheme } from './hooks/use-theme';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { Toolbar } from './toolbar/Toolbar';

/** The editor's shell; each region subscribes to the stores it shows. */
export function App() {
  const theme = useAppliedTheme();
  useShortcuts();
  useClipboard();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar className="app__toolbar" />
        <Palette className="app__palette" />
        <main className="app__main">
          <Canvas className="app__canvas" colorMode={theme} />
          <BottomPanel />
        </main>
        <Inspector className="app__inspector" />
      </div>
      <Dialogs />
    </ReactFlowProvider>
  );
}
