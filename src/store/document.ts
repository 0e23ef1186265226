/**
 * The document store: the saved network (name, seed, nodes, edges, viewport) and every edit made
 * to it. zundo's `temporal` records one undo entry per change of the tracked fields; the viewport
 * is saved but not undoable. Gestures (a drag, typing into a field) are recorded as ONE entry:
 * `beginGesture()` pauses tracking and remembers the state, `endGesture()` records it once.
 */
import { type TemporalState, temporal } from 'zundo';
import { create, type StoreApi } from 'zustand';
import type { ComparedRuns } from '../engine/compare';
import type { EdgeId, GraphEdge, GraphNode, NodeId, Position } from '../engine/graph';
import type { NeurographDocument, Viewport } from '../format';
import type { ConnectionCheck, ConnectionRequest } from './connect';
import { edgeEdits, type GetDocument, nodeEdits, type SetDocument } from './document-edits';
import type { Fragment } from './graph-ops';

export interface DocumentData {
  name: string;
  description?: string;
  seed: number;
  /** Seed of the batch order and dropout masks, when it is not `seed` (a variant that changed it). */
  orderSeed?: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Where the canvas is scrolled and zoomed; saved with the document, not undoable. */
  viewport?: Viewport;
  /** Runs compared: variants of the network as named changes, and which one the canvas shows. */
  comparison?: ComparedRuns;
}

/** The fields undo and redo restore. */
export type TrackedDocument = Pick<
  DocumentData,
  'name' | 'description' | 'seed' | 'orderSeed' | 'nodes' | 'edges' | 'comparison'
>;

export type ConnectResult = ConnectionCheck & { edgeId?: EdgeId };

export interface DocumentActions {
  /** Adds a node of `kind` (default parameters unless given); null if the kind is unknown. */
  addNode(kind: string, position: Position, params?: Record<string, unknown>): NodeId | null;
  /** Removes nodes and edges in one undo entry; edges of removed nodes go too. */
  remove(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  /** Adds an edge if `checkConnection` allows it; otherwise returns the reason and changes nothing. */
  connect(c: ConnectionRequest): ConnectResult;
  /** Moves an edge's ends (a re-dragged edge), keeping its id and weight. */
  reconnect(edgeId: EdgeId, c: ConnectionRequest): ConnectionCheck;
  moveNodes(moves: readonly { id: string; position: Position }[]): void;
  /** Sets one parameter if valid (undefined resets it to the default); returns why not otherwise. */
  setParam(nodeId: string, key: string, value: unknown): string | null;
  setNodeLabel(nodeId: string, label: string): void;
  /** The initial weight of an edge feeding a neuron; undefined: drawn by the init scheme. */
  setEdgeWeight(edgeId: string, weight: number | number[] | undefined): void;
  setEdgeLabel(edgeId: string, label: string): void;
  setName(name: string): void;
  setDescription(description: string): void;
  /** Returns why not when the seed is not a whole number. */
  setSeed(seed: number): string | null;
  setViewport(viewport: Viewport): void;
  /** Sets (or with undefined, removes) the runs compared; one undo entry. */
  setComparison(comparison: ComparedRuns | undefined): void;
  /** Shows variant k of the comparison on the canvas (null: the network itself); one undo entry. */
  showGraph(
    graph: Pick<DocumentData, 'seed' | 'orderSeed' | 'nodes' | 'edges'>,
    comparison: ComparedRuns | undefined,
  ): void;
  /** Replaces the whole document (New, examples, import, restore). Undoable unless resetHistory. */
  loadDocument(doc: DocumentData | NeurographDocument, opts?: { resetHistory?: boolean }): void;
  /** Inserts a copy of `fragment` with new ids, shifted by `offset`; returns the new ids. */
  insertFragment(fragment: Fragment, offset: Position): { nodeIds: NodeId[]; edgeIds: EdgeId[] };
  /** Many node positions at once (auto-layout), as one undo entry. */
  setPositions(positions: ReadonlyMap<string, Position>): void;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
}

export type DocumentState = DocumentData &
  DocumentActions & {
    /**
     * How many times a document was loaded (replaced whole): session state, neither saved nor
     * undone. What belongs to the document before (the selection, a hovered node) goes with it,
     * even where the new document reuses its ids (every example has a node "data").
     */
    loads: number;
  };

export const UNTITLED = 'Untitled network';
const HISTORY_LIMIT = 200;

export function emptyDocument(): DocumentData {
  return { name: UNTITLED, seed: 1, nodes: [], edges: [] };
}

const tracked = (s: DocumentData): TrackedDocument => ({
  name: s.name,
  description: s.description,
  seed: s.seed,
  orderSeed: s.orderSeed,
  nodes: s.nodes,
  edges: s.edges,
  comparison: s.comparison,
});

/**
 * Whether two states hold the same tracked document (what undo and autosave care about; the viewport
 * is not part of it). By identity: every edit makes new arrays and values.
 */
export const sameTracked = (a: TrackedDocument, b: TrackedDocument) =>
  a.name === b.name &&
  a.description === b.description &&
  a.seed === b.seed &&
  a.orderSeed === b.orderSeed &&
  a.nodes === b.nodes &&
  a.edges === b.edges &&
  a.comparison === b.comparison;

/** The document's own fields: its name, description, seed and view. */
function fieldEdits(set: SetDocument, get: GetDocument) {
  return {
    setName(name: string) {
      const trimmed = name.trim() || UNTITLED;
      if (trimmed !== get().name) set({ name: trimmed });
    },

    setDescription(description: string) {
      const next = description.trim() ? description : undefined;
      if (next !== get().description) set({ description: next });
    },

    setSeed(seed: number) {
      if (!Number.isInteger(seed)) return 'The seed must be a whole number.';
      if (seed !== get().seed) set({ seed });
      return null;
    },

    setViewport(viewport: Viewport) {
      const v = get().viewport;
      if (v && v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return;
      set({ viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } });
    },

    setComparison(comparison: ComparedRuns | undefined) {
      if (comparison !== get().comparison) set({ comparison });
    },

    showGraph(
      graph: Pick<DocumentData, 'seed' | 'orderSeed' | 'nodes' | 'edges'>,
      comparison: ComparedRuns | undefined,
    ) {
      const { seed, orderSeed, nodes, edges } = graph;
      set({ seed, orderSeed, nodes, edges, comparison });
    },
  } satisfies Partial<DocumentActions>;
}

type History = TemporalState<TrackedDocument>;

/**
 * Loading a document, gestures as one undo entry, undo and redo. `history` is zundo's store, made
 * with the document's (so read when called, not when these are made).
 */
function historyActions(
  set: SetDocument,
  get: GetDocument,
  history: () => StoreApi<History>,
): Pick<DocumentActions, 'loadDocument' | 'beginGesture' | 'endGesture' | 'undo' | 'redo'> {
  /** The state before the current gesture, or null outside one. */
  let gestureStart: TrackedDocument | null = null;
  return {
    loadDocument(doc, opts = {}) {
      gestureStart = null;
      history().getState().resume();
      set({
        name: doc.name || UNTITLED,
        description: doc.description,
        seed: doc.seed,
        orderSeed: doc.orderSeed,
        nodes: [...doc.nodes],
        edges: [...doc.edges],
        viewport: doc.viewport,
        comparison: doc.comparison,
        loads: get().loads + 1,
      });
      if (opts.resetHistory) history().getState().clear();
    },

    beginGesture() {
      if (gestureStart) return;
      gestureStart = tracked(get());
      history().getState().pause();
    },

    endGesture() {
      const start = gestureStart;
      if (!start) return;
      gestureStart = null;
      const h = history();
      h.getState().resume();
      if (sameTracked(start, tracked(get()))) return;
      h.setState((state) => ({
        pastStates: [...state.pastStates, start].slice(-HISTORY_LIMIT),
        futureStates: [],
      }));
    },

    undo() {
      get().endGesture();
      history().getState().undo();
    },

    redo() {
      get().endGesture();
      history().getState().redo();
    },
  };
}

export function createDocumentStore(initial: DocumentData = emptyDocument()) {
  // zundo's store comes with the document's: the history actions read it once it is there.
  let history: StoreApi<History> | undefined;
  const store = create<DocumentState>()(
    temporal<DocumentState, [], [], TrackedDocument>(
      (set, get) => ({
        ...initial,
        loads: 0,
        ...nodeEdits(set, get),
        ...edgeEdits(set, get),
        ...fieldEdits(set, get),
        ...historyActions(set, get, () => history!),
      }),
      {
        partialize: tracked,
        // Without it zundo records every set, even one that changes only the viewport.
        equality: sameTracked,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  history = store.temporal;
  return store;
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** The app's document. */
export const useDocument = createDocumentStore();

/** The document as the format module saves it. */
export function toDocument(s: DocumentData): NeurographDocument {
  const doc: NeurographDocument = { name: s.name, seed: s.seed, nodes: s.nodes, edges: s.edges };
  if (s.orderSeed !== undefined) doc.orderSeed = s.orderSeed;
  if (s.description !== undefined) doc.description = s.description;
  if (s.viewport !== undefined) doc.viewport = s.viewport;
  if (s.comparison !== undefined) doc.comparison = s.comparison;
  return doc;
}
