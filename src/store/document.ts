/**
 * The document store: the saved network (name, seed, nodes, edges, viewport) and every edit made
 * to it. zundo's `temporal` records one undo entry per change of the tracked fields; the viewport
 * is saved but not undoable. Gestures (a drag, typing into a field) are recorded as ONE entry:
 * `beginGesture()` pauses tracking and remembers the state, `endGesture()` records it once.
 */
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { ComparedRuns } from '../engine/compare';
import type { EdgeId, GraphEdge, GraphNode, NodeId, Position } from '../engine/graph';
import { getKind } from '../engine/registry';
import type { NeurographDocument, Viewport } from '../format';
import { type ConnectionCheck, type ConnectionRequest, checkConnection } from './connect';
import { cloneFragment, type Fragment, labelsOf, removeFromGraph, uniqueLabel } from './graph-ops';
import { newEdgeId, newNodeId } from './ids';
import { checkParam } from './param-edit';

export interface DocumentData {
  name: string;
  description?: string;
  seed: number;
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
  'name' | 'description' | 'seed' | 'nodes' | 'edges' | 'comparison'
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
    graph: Pick<DocumentData, 'seed' | 'nodes' | 'edges'>,
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

export type DocumentState = DocumentData & DocumentActions;

export const UNTITLED = 'Untitled network';
const HISTORY_LIMIT = 200;

export function emptyDocument(): DocumentData {
  return { name: UNTITLED, seed: 1, nodes: [], edges: [] };
}

const tracked = (s: DocumentData): TrackedDocument => ({
  name: s.name,
  description: s.description,
  seed: s.seed,
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
  a.nodes === b.nodes &&
  a.edges === b.edges &&
  a.comparison === b.comparison;

export function createDocumentStore(initial: DocumentData = emptyDocument()) {
  /** The state before the current gesture, or null outside one. */
  let gestureStart: TrackedDocument | null = null;

  const store = create<DocumentState>()(
    temporal<DocumentState, [], [], TrackedDocument>(
      (set, get) => {
        const updateNode = (id: string, update: (n: GraphNode) => GraphNode) => {
          const { nodes } = get();
          const i = nodes.findIndex((n) => n.id === id);
          if (i < 0) return;
          const next = update(nodes[i]);
          if (next === nodes[i]) return;
          set({ nodes: nodes.with(i, next) });
        };
        const updateEdge = (id: string, update: (e: GraphEdge) => GraphEdge) => {
          const { edges } = get();
          const i = edges.findIndex((e) => e.id === id);
          if (i < 0) return;
          set({ edges: edges.with(i, update(edges[i])) });
        };

        return {
          ...initial,

          addNode(kindId, position, params = {}) {
            const kind = getKind(kindId);
            if (!kind) return null;
            const { nodes } = get();
            const node: GraphNode = {
              id: newNodeId(),
              kind: kind.id,
              params: { ...params },
              position: { x: position.x, y: position.y },
              label: uniqueLabel(labelsOf(nodes), `${kind.label} 1`),
            };
            set({ nodes: [...nodes, node] });
            return node.id;
          },

          remove(nodeIds, edgeIds = []) {
            const n = new Set<string>(nodeIds);
            const e = new Set<string>(edgeIds);
            if (n.size === 0 && e.size === 0) return;
            const { nodes, edges } = get();
            const next = removeFromGraph(nodes, edges, n, e);
            if (next.nodes.length === nodes.length && next.edges.length === edges.length) return;
            set({
              nodes: next.nodes.length === nodes.length ? nodes : next.nodes,
              edges: next.edges.length === edges.length ? edges : next.edges,
            });
          },

          connect(c) {
            const check = checkConnection(get(), c);
            if (!check.ok) return check;
            const edge: GraphEdge = {
              id: newEdgeId(),
              source: c.source as NodeId,
              sourceHandle: c.sourceHandle ?? '',
              target: c.target as NodeId,
              targetHandle: c.targetHandle ?? '',
            };
            set({ edges: [...get().edges, edge] });
            return { ok: true, edgeId: edge.id };
          },

          reconnect(edgeId, c) {
            const check = checkConnection(get(), c, edgeId);
            if (!check.ok) return check;
            updateEdge(edgeId, (e) => ({
              ...e,
              source: c.source as NodeId,
              sourceHandle: c.sourceHandle ?? '',
              target: c.target as NodeId,
              targetHandle: c.targetHandle ?? '',
            }));
            return check;
          },

          moveNodes(moves) {
            if (moves.length === 0) return;
            const byId = new Map(moves.map((m) => [m.id, m.position]));
            let changed = false;
            const nodes = get().nodes.map((n) => {
              const p = byId.get(n.id);
              if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
              changed = true;
              return { ...n, position: { x: p.x, y: p.y } };
            });
            if (changed) set({ nodes });
          },

          setParam(nodeId, key, value) {
            const node = get().nodes.find((n) => n.id === nodeId);
            const kind = node && getKind(node.kind);
            if (!node || !kind) return 'That node no longer exists.';
            if (value === undefined) {
              if (!(key in node.params)) return null;
              const { [key]: _dropped, ...rest } = node.params;
              updateNode(nodeId, (n) => ({ ...n, params: rest }));
              return null;
            }
            const problem = checkParam(kind, node.params, key, value);
            if (problem) return problem;
            if (Object.is(node.params[key], value)) return null;
            // Parameters that follow this one (a dataset's noise), in the same undo entry.
            const follow = kind.follow?.(key, value) ?? {};
            updateNode(nodeId, (n) => ({ ...n, params: { ...n.params, [key]: value, ...follow } }));
            return null;
          },

          setNodeLabel(nodeId, label) {
            const trimmed = label.trim();
            updateNode(nodeId, (n) => {
              if ((n.label ?? '') === trimmed) return n;
              const { label: _old, ...rest } = n;
              return trimmed ? { ...rest, label: trimmed } : rest;
            });
          },

          setEdgeWeight(edgeId, weight) {
            updateEdge(edgeId, (e) => {
              const { weight: _old, ...rest } = e;
              return weight === undefined ? rest : { ...rest, weight };
            });
          },

          setEdgeLabel(edgeId, label) {
            const trimmed = label.trim();
            updateEdge(edgeId, (e) => {
              const { label: _old, ...rest } = e;
              return trimmed ? { ...rest, label: trimmed } : rest;
            });
          },

          setName(name) {
            const trimmed = name.trim() || UNTITLED;
            if (trimmed !== get().name) set({ name: trimmed });
          },

          setDescription(description) {
            const next = description.trim() ? description : undefined;
            if (next !== get().description) set({ description: next });
          },

          setSeed(seed) {
            if (!Number.isInteger(seed)) return 'The seed must be a whole number.';
            if (seed !== get().seed) set({ seed });
            return null;
          },

          setViewport(viewport) {
            const v = get().viewport;
            if (v && v.x === viewport.x && v.y === viewport.y && v.zoom === viewport.zoom) return;
            set({ viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } });
          },

          setComparison(comparison) {
            if (comparison !== get().comparison) set({ comparison });
          },

          showGraph(graph, comparison) {
            set({ seed: graph.seed, nodes: graph.nodes, edges: graph.edges, comparison });
          },

          loadDocument(doc, opts = {}) {
            gestureStart = null;
            store.temporal.getState().resume();
            set({
              name: doc.name || UNTITLED,
              description: doc.description,
              seed: doc.seed,
              nodes: [...doc.nodes],
              edges: [...doc.edges],
              viewport: doc.viewport,
              comparison: doc.comparison,
            });
            if (opts.resetHistory) store.temporal.getState().clear();
          },

          insertFragment(fragment, offset) {
            const { nodes, edges } = get();
            const copy = cloneFragment(fragment, nodes, offset);
            if (copy.nodes.length === 0) return { nodeIds: [], edgeIds: [] };
            set({ nodes: [...nodes, ...copy.nodes], edges: [...edges, ...copy.edges] });
            return { nodeIds: copy.nodes.map((n) => n.id), edgeIds: copy.edges.map((e) => e.id) };
          },

          setPositions(positions) {
            get().moveNodes([...positions].map(([id, position]) => ({ id, position })));
          },

          beginGesture() {
            if (gestureStart) return;
            gestureStart = tracked(get());
            store.temporal.getState().pause();
          },

          endGesture() {
            const start = gestureStart;
            if (!start) return;
            gestureStart = null;
            const history = store.temporal;
            history.getState().resume();
            if (sameTracked(start, tracked(get()))) return;
            history.setState((h) => ({
              pastStates: [...h.pastStates, start].slice(-HISTORY_LIMIT),
              futureStates: [],
            }));
          },

          undo() {
            get().endGesture();
            store.temporal.getState().undo();
          },

          redo() {
            get().endGesture();
            store.temporal.getState().redo();
          },
        };
      },
      {
        partialize: tracked,
        // Without it zundo records every set, even one that changes only the viewport.
        equality: sameTracked,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store;
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** The app's document. */
export const useDocument = createDocumentStore();

/** The document as the format module saves it. */
export function toDocument(s: DocumentData): NeurographDocument {
  const doc: NeurographDocument = { name: s.name, seed: s.seed, nodes: s.nodes, edges: s.edges };
  if (s.description !== undefined) doc.description = s.description;
  if (s.viewport !== undefined) doc.viewport = s.viewport;
  if (s.comparison !== undefined) doc.comparison = s.comparison;
  return doc;
}
