/** Opening documents: New, a generated graph laid out, and showing what was opened (examples: ./examples.ts). */
import type { NamedGraph } from '../../engine/examples/document';
import type { NeurographDocument } from '../../format';
import {
  type DocumentData,
  emptyDocument,
  layoutLibrary,
  layoutPositions,
  openDocument,
  sameTracked,
  toDocument,
  UNTITLED,
  undo,
  useDocument,
  useSession,
  withLibraries,
} from '../../store';
import { estimateNodeSize } from '../canvas/node-size';
import { showSavedOrFit, showViewport } from './flow';

const UNDO_TOAST_MS = 10_000;

/** Holds nothing of the learner's: no node, the default name, no description. Replacing it loses nothing. */
export function isBlank(doc: { nodes: readonly unknown[]; name: string; description?: string }): boolean {
  return doc.nodes.length === 0 && doc.name === UNTITLED && !doc.description?.trim();
}

/**
 * Replaces the document and shows it (at its saved viewport, else fitted), keeping the previous
 * one a click away: unless it was blank (isBlank), a toast offers to bring it back ("New network — Undo").
 * Ctrl+Z does the same, as opening is one undo entry.
 */
export function openAndShow(doc: NamedGraph | NeurographDocument | DocumentData, message?: string): void {
  const before = useDocument.getState();
  const previous = toDocument(before);
  openDocument(doc);
  showSavedOrFit('viewport' in doc ? doc.viewport : undefined);
  const session = useSession.getState();
  if (isBlank(before)) {
    if (message) session.showToast(message, { tone: 'info' });
    // An older "Back to …" offer would now replace this document, not the one it names.
    else if (session.toast?.action) session.dismissToast();
    return;
  }
  const opened = useDocument.getState();
  session.showToast(message ?? `Opened “${opened.name}”.`, {
    tone: 'info',
    duration: UNDO_TOAST_MS,
    action: { label: `Back to “${previous.name}”`, run: () => restorePrevious(previous, opened) },
  });
}

/** Brings back the document that was open before `opened`: by undoing if nothing changed since. */
function restorePrevious(previous: NeurographDocument, opened: DocumentData): void {
  if (sameTracked(useDocument.getState(), opened)) {
    undo();
    if (previous.viewport) useDocument.getState().setViewport(previous.viewport);
    showViewport(previous.viewport);
  } else {
    openAndShow(previous);
  }
}

/**
 * Opens a generated graph (an example, the MLP builder's output) laid out left to right for the
 * nodes as this canvas draws them, and fits the view to it. One undo entry. The first time, it
 * waits for the layout engine (loaded on first use; a toast says so, and offers Retry if it fails).
 */
export function openLaidOut(graph: NamedGraph): Promise<void> {
  return withLibraries([layoutLibrary], () => {
    const sizes = new Map(graph.nodes.map((n) => [n.id as string, estimateNodeSize(n)]));
    const positions = layoutPositions(graph.nodes, graph.edges, sizes);
    openAndShow({
      ...graph,
      nodes: graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })),
    });
  });
}

/** New: an empty network; the previous one stays a click away (toast) and one Ctrl+Z away. */
export function startNewDocument(): void {
  openAndShow(emptyDocument(), 'New network created.');
}
