import { useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { autoLayout, redo, undo, useDocument, usePrefs, useSession } from '../../store';
import { startNewDocument } from '../actions/documents';
import { exportCurrentDocument, pickFileToImport } from '../actions/file';
import { FIT_OPTIONS, fitViewSoon } from '../actions/flow';
import {
  ExportIcon,
  FitIcon,
  GridIcon,
  HelpIcon,
  ImportIcon,
  LayoutIcon,
  LogoMark,
  MlpIcon,
  NewIcon,
  RedoIcon,
  UndoIcon,
} from '../icons';
import { PictureMenu } from '../pictures/PictureMenu';
import { ShareButton } from '../share/ShareButton';
import { DocumentName } from './DocumentName';
import { ExamplesMenu } from './ExamplesMenu';
import { SaveStatus } from './SaveStatus';
import { ThemeSwitch } from './ThemeSwitch';
import { ToolbarButton } from './ToolbarButton';

const selectCanUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;
const selectSnap = (s: { snapToGrid: boolean }) => s.snapToGrid;
const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

export function Toolbar({ className }: { className?: string }) {
  const canUndo = useStore(useDocument.temporal, selectCanUndo);
  const canRedo = useStore(useDocument.temporal, selectCanRedo);
  const flow = useReactFlow();
  const snap = usePrefs(selectSnap);
  return (
    <header className={`toolbar ${className ?? ''}`}>
      {/* The page's one level-one heading: the app's name, read by screen readers, shown as its mark. */}
      <h1 className="toolbar__brand" title="Neurograph">
        <LogoMark />
        <span className="visually-hidden">Neurograph</span>
      </h1>
      <DocumentName />
      <SaveStatus />
      <div className="toolbar__divider" />
      <nav className="toolbar__group" aria-label="Document">
        <ToolbarButton
          icon={<NewIcon />}
          label="New"
          title="Start a new, empty network"
          onClick={startNewDocument}
        />
        <ExamplesMenu />
        <ToolbarButton
          icon={<MlpIcon />}
          label="Build MLP"
          title="Build a multilayer perceptron: choose its layers, dataset, loss and optimizer"
          onClick={() => useSession.getState().openDialog({ type: 'mlp' })}
        />
        <ToolbarButton
          icon={<ImportIcon />}
          label="Import"
          title="Open a .neurograph.json file"
          onClick={pickFileToImport}
        />
        <ToolbarButton
          icon={<ExportIcon />}
          label="Export"
          title="Download this network as a .neurograph.json file"
          onClick={exportCurrentDocument}
        />
        <ShareButton />
        <PictureMenu />
      </nav>
      <div className="toolbar__divider" />
      <nav className="toolbar__group" aria-label="Edit">
        <ToolbarButton
          icon={<UndoIcon />}
          label="Undo"
          iconOnly
          title={`Undo (${MOD}Z)`}
          onClick={undo}
          disabled={!canUndo}
        />
        <ToolbarButton
          icon={<RedoIcon />}
          label="Redo"
          iconOnly
          title={`Redo (${MOD}Shift+Z)`}
          onClick={redo}
          disabled={!canRedo}
        />
      </nav>
      <div className="toolbar__divider" />
      <nav className="toolbar__group" aria-label="View">
        <ToolbarButton
          icon={<LayoutIcon />}
          label="Auto-layout"
          title="Arrange the nodes from left to right"
          onClick={() => {
            autoLayout();
            fitViewSoon();
          }}
        />
        <ToolbarButton
          icon={<FitIcon />}
          label="Fit view"
          title="Show the whole network"
          onClick={() => void flow.fitView(FIT_OPTIONS)}
        />
        <ToolbarButton
          icon={<GridIcon />}
          label="Snap to grid"
          iconOnly
          pressed={snap}
          title={snap ? 'Snap to grid is on: nodes land on the dots' : 'Snap to grid: nodes land on the dots'}
          onClick={() => usePrefs.getState().setSnapToGrid(!snap)}
        />
      </nav>
      <div className="toolbar__spacer" />
      <ToolbarButton
        icon={<HelpIcon />}
        label="Keyboard shortcuts"
        iconOnly
        title="Keyboard shortcuts (?)"
        onClick={() => useSession.getState().openDialog({ type: 'shortcuts' })}
      />
      <ThemeSwitch />
    </header>
  );
}
