import type { NeurographDocument, Problem } from '../../format';
import { useDocument, useSession } from '../../store';
import { exportCurrentDocument } from '../actions/file';
import { Modal } from '../dialogs/Modal';
import { openShared } from './share';

interface Props {
  document: NeurographDocument;
  warnings: Problem[];
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A share link was opened over another network: open it (the current one stays restorable), or not. */
export function OpenSharedDialog({ document, warnings }: Props) {
  const current = useDocument((s) => s.name);
  const close = () => useSession.getState().closeDialog();
  const open = () => {
    close();
    openShared(document, warnings);
  };
  return (
    <Modal title="Open the shared network?" titleId="open-shared-title" testId="open-shared">
      <p className="dialog__lead">
        The link holds <strong>“{document.name}”</strong> ({count(document.nodes.length, 'node')},{' '}
        {count(document.edges.length, 'connection')}). Opening it replaces <strong>“{current}”</strong> on the
        canvas and in this browser’s autosave. Your network stays one click away (“Back to …”, or{' '}
        <kbd>Ctrl</kbd>+<kbd>Z</kbd>) until this tab is closed; to keep it for good, download it first.
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--outline" onClick={close}>
          Keep mine
        </button>
        <button
          type="button"
          className="btn btn--outline"
          onClick={() => {
            exportCurrentDocument();
            open();
          }}
        >
          Download mine, then open
        </button>
        <button type="button" className="btn btn--primary" data-autofocus onClick={open}>
          Open shared network
        </button>
      </div>
    </Modal>
  );
}
