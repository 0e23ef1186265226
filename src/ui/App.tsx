import { ReactFlowProvider } from '@xyflow/react';
import { BottomPanel } from './BottomPanel';
import { Canvas } from './canvas/Canvas';
import { CodeView } from './code/CodeView';
import { useActionKeys } from './commands/use-action-keys';
import { CompareHost } from './compare/CompareHost';
import { useCsvDrop } from './csv/use-csv-drop';
import { Dialogs } from './dialogs/Dialogs';
import { Gallery } from './gallery/LazyGallery';
import { useAutosave } from './hooks/use-autosave';
import { useClipboard } from './hooks/use-clipboard';
import { useAppliedTheme } from './hooks/use-theme';
import { PanelToggles } from './layout/PanelToggles';
import { usePanels } from './layout/panels';
import { RightColumn, useLessonOpen } from './lessons/RightColumn';
import { UpdatePrompt } from './offline/UpdatePrompt';
import { Palette } from './palette/Palette';
import { useSharedLinks } from './share/share';
import { TabConflictNotice } from './tabs/TabConflictNotice';
import { Toolbar } from './toolbar/Toolbar';
import { StepAnnouncer } from './training/StepAnnouncer';
import './features.css';

/** The editor's shell; each region subscribes to the stores it shows. */
export function App() {
  const theme = useAppliedTheme();
  useActionKeys();
  useClipboard();
  useAutosave();
  useSharedLinks();
  useCsvDrop();
  const lesson = useLessonOpen();
  const panel = usePanels((s) => s.open);
  return (
    <ReactFlowProvider>
      <div className={`app${lesson ? ' has-lesson' : ''}`} data-panel={panel ?? undefined}>
        <Toolbar className="app__toolbar" />
        <Palette className="app__palette" />
        <main className="app__main">
          <PanelToggles lesson={lesson} />
          <Canvas className="app__canvas" colorMode={theme} />
          <BottomPanel />
        </main>
        <RightColumn className="app__inspector" />
      </div>
      <Dialogs />
      <Gallery />
      <TabConflictNotice />
      <CodeView />
      <CompareHost />
      <UpdatePrompt />
      <StepAnnouncer />
    </ReactFlowProvider>
  );
}
