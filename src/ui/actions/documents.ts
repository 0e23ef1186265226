/** Opening documents from the toolbar: New, the examples, and showing what was opened. */
import { borderAt3 } from '../../engine/examples/border';
import type { NamedGraph } from '../../engine/examples/document';
import { buildMlp } from '../../engine/examples/mlp';
import type { NeurographDocument } from '../../format';
import {
  type DocumentData,
  emptyDocument,
  layoutPositions,
  openDocument,
  toDocument,
  undo,
  useDocument,
  useSession,
} from '../../store';
import { estimateNodeSize } from '../canvas/node-size';
import { showViewport } from './flow';

export interface Example {
  id: string;
  title: string;
  description: string;
  build(): NamedGraph;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'border',
    title: 'Border at x = 3',
    description: 'One ReLU neuron learns where class 1 begins — and diverges.',
    build: borderAt3,
  },
  {
    id: 'xor',
    title: 'XOR, neuron by neuron',
    description: 'A 2-3-1 network: every edge is a weight you can see.',
    build: () =>
      buildMlp({
        name: 'XOR, neuron by neuron',
        sizes: [2, 3, 1],
        hidden: 'tanh',
        output: 'sigmoid',
        level: 'neuron',
        dataset: { dataset: 'xor', batchSize: 4 },
        loss: { kind: 'loss.mse' },
        optimizer: { kind: 'opt.adam', params: { lr: 0.05 } },
      }),
  },
  {
    id: 'circle',
    title: 'Circle, 2-4-4-1',
    description: 'Two hidden layers of neurons separate the inside of a circle.',
    build: () =>
      buildMlp({
        name: 'Circle, 2-4-4-1',
        sizes: [2, 4, 4, 1],
        hidden: 'relu',
        output: 'sigmoid',
        level: 'neuron',
        dataset: { dataset: 'circle', batchSize: 20 },
        loss: { kind: 'loss.mse' },
        optimizer: { kind: 'opt.adam', params: { lr: 0.02 } },
      }),
  },
  {
    id: 'spiral',
    title: 'Spiral with dense layers',
    description: 'A 2-16-16-1 network drawn as layers.',
    build: () =>
      buildMlp({
        name: 'Spiral with dense layers',
        sizes: [2, 16, 16, 1],
        hidden: 'tanh',
        output: 'sigmoid',
        level: 'dense',
        dataset: { dataset: 'spiral', batchSize: 20 },
        loss: { kind: 'loss.mse' },
        optimizer: { kind: 'opt.adam', params: { lr: 0.01 } },
      }),
  },
];

const UNDO_TOAST_MS = 10_000;

const sameTracked = (a: DocumentData, b: DocumentData) =>
  a.nodes === b.nodes &&
  a.edges === b.edges &&
  a.name === b.name &&
  a.seed === b.seed &&
  a.description === b.description;

/**
 * Replaces the document and shows it (at its saved viewport, else fitted), keeping the previous
 * one a click away: unless it was empty, a toast offers to bring it back ("New network — Undo").
 * Ctrl+Z does the same, as opening is one undo entry.
 */
export function openAndShow(doc: NamedGraph | NeurographDocument | DocumentData, message?: string): void {
  const before = useDocument.getState();
  const previous = toDocument(before);
  openDocument(doc);
  showViewport('viewport' in doc ? doc.viewport : undefined);
  const session = useSession.getState();
  if (before.nodes.length === 0) {
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
 * nodes as this canvas draws them, and fits the view to it. One undo entry.
 */
export function openLaidOut(graph: NamedGraph): void {
  const sizes = new Map(graph.nodes.map((n) => [n.id as string, estimateNodeSize(n)]));
  const positions = layoutPositions(graph.nodes, graph.edges, sizes);
  openAndShow({
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })),
  });
}

export function openExample(example: Example): void {
  openLaidOut(example.build());
}

/** New: an empty network; the previous one stays a click away (toast) and one Ctrl+Z away. */
export function startNewDocument(): void {
  openAndShow(emptyDocument(), 'New network created.');
}
