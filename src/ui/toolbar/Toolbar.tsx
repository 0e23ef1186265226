import { ActionButton } from '../commands/ActionButton';
import { ActionMenu } from '../commands/ActionMenu';
import { LogoMark } from '../icons';
import { DocumentName } from './DocumentName';
import { SaveStatus } from './SaveStatus';
import { ThemeSwitch } from './ThemeSwitch';

/** The toolbar: its buttons and menus show actions of the registry (src/ui/commands). */
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
        <ActionMenu id="examples" />
        <ActionButton id="build-mlp" />
        <ActionButton id="import" />
        <ActionMenu id="export" />
        <ActionButton id="code-view" />
        <ActionButton id="copy-link" />
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
