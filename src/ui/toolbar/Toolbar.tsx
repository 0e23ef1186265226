import { CodeButton } from '../code/CodeButton';
import { ExportMenu } from '../code/ExportMenu';
import { ActionButton } from '../commands/ActionButton';
import { LogoMark } from '../icons';
import { ShareButton } from '../share/ShareButton';
import { DocumentName } from './DocumentName';
import { ExamplesMenu } from './ExamplesMenu';
import { SaveStatus } from './SaveStatus';
import { ThemeSwitch } from './ThemeSwitch';

/** The toolbar: its buttons are actions of the registry (src/ui/commands), a few are menus of their own. */
export function Toolbar({ className }: { className?: string }) {
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
        <ActionButton id="new" />
        <ExamplesMenu />
        <ActionButton id="build-mlp" />
        <ActionButton id="import" />
        <ExportMenu />
        <CodeButton />
        <ShareButton />
      </nav>
      <div className="toolbar__divider" />
      <nav className="toolbar__group" aria-label="Edit">
        <ActionButton id="undo" iconOnly />
        <ActionButton id="redo" iconOnly />
      </nav>
      <div className="toolbar__divider" />
      <nav className="toolbar__group" aria-label="View">
        <ActionButton id="auto-layout" />
        <ActionButton id="fit-view" />
        <ActionButton id="snap-to-grid" iconOnly />
      </nav>
      <div className="toolbar__divider" />
      <nav className="toolbar__group" aria-label="Training">
        <ActionButton id="compare" iconOnly />
      </nav>
      <div className="toolbar__spacer" />
      <ActionButton id="shortcuts" iconOnly />
      <ThemeSwitch />
    </header>
  );
}
