import type { NeurographDocument, Problem } from '../../format';
import { pasteText, useSession } from '../../store';
import { openImported } from '../actions/file';
import { Modal } from './Modal';

interface Props {
  text: string;
  document: NeurographDocument;
  warnings: Problem[];
}

/** The pasted text is a whole network: open it (the current one stays a click away), or insert its nodes. */
export function PasteDocumentDialog({ text, document, warnings }: Props) {
  const close = () => useSession.getState().closeDialog();
  const nodes = document.nodes.length;
  const edges = document.edges.length;
  return (
    <Modal title="Open the pasted network?" titleId="paste-document-title" testId="paste-document">
      <p className="dialog__lead">
        The clipboard holds a whole network, <strong>“{document.name}”</strong> ({nodes} node
        {nodes === 1 ? '' : 's'}, {edges} connection{edges === 1 ? '' : 's'}). Open it in place of the current
        one — which stays one click away — or add its nodes to the current network.
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--outline" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--outline"
          onClick={() => {
            close();
            pasteText(text, { fragment: { nodes: document.nodes, edges: document.edges } });
          }}
        >
          Insert its nodes
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-autofocus
          onClick={() => {
            close();
            openImported(document, warnings, document.name);
          }}
        >
          Open it
        </button>
      </div>
    </Modal>
  );
}
