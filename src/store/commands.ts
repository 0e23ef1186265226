/** Editor commands that combine the document, the selection and the view: what toolbar buttons and shortcuts call. */
import type { Position } from '../engine/graph';
import type { NeurographDocument } from '../format';
import { type DocumentData, emptyDocument, useDocument } from './document';
import { layoutLibrary, layoutPositions } from './layout';
import { withLibraries } from './load-libraries';
import { useSelection } from './selection';
import { useSession } from './session';
import { useView } from './view';

/** Adds a node and selects it; returns its id (null for an unknown kind). */
export function addNodeAt(kind: string, position: Position): string | null {
  const id = useDocument.getState().addNode(kind, position);
  if (id) useSelection.getState().select([id]);
  return id;
}

/** Delete / Backspace: the selected nodes and edges, with the edges of deleted nodes, as one undo entry. */
export function deleteSelection(): void {
  const { nodes, edges } = useSelection.getState();
  if (nodes.size === 0 && edges.size === 0) return;
  useDocument.getState().remove(nodes, edges);
  useSelection.getState().clear();
}

export function selectAll(): void {
  const { nodes, edges } = useDocument.getState();
  useSelection.getState().select(
    nodes.map((n) => n.id),
    edges.map((e) => e.id),
  );
}

/** Lays the graph out left to right (one undo entry). */
export function autoLayout(): void {
  void withLibraries([layoutLibrary], () => {
    const { nodes, edges, setPositions } = useDocument.getState();
    setPositions(layoutPositions(nodes, edges, useView.getState().sizes));
  });
}

/** Replaces the document (New, an example, an imported file); undoable. */
export function openDocument(doc: DocumentData | NeurographDocument): void {
  useSelection.getState().clear();
  useSession.getState().stopConnecting();
  useDocument.getState().loadDocument(doc);
}

export function newDocument(): void {
  openDocument(emptyDocument());
}

export function undo(): void {
  useDocument.getState().undo();
}

export function redo(): void {
  useDocument.getState().redo();
}
