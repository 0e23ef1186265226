/** What is selected on the canvas: session state, not part of the document, not undoable. */
import { create } from 'zustand';
import { useDocument } from './document';
import { edgeById, nodeById } from './lookup';

export interface SelectionState {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** Replaces the selection. */
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  /** Applies React Flow's select/deselect changes in one update. */
  applyChanges(changes: { nodes?: readonly SelectChange[]; edges?: readonly SelectChange[] }): void;
  /** Forgets ids that no longer exist in the document. */
  prune(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void;
  clear(): void;
}

export interface SelectChange {
  id: string;
  selected: boolean;
}

const EMPTY: ReadonlySet<string> = new Set();

function applied(
  set: ReadonlySet<string>,
  changes: readonly SelectChange[] | undefined,
): ReadonlySet<string> {
  if (!changes || changes.length === 0) return set;
  const next = new Set(set);
  for (const c of changes) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  if (next.size === set.size && [...next].every((id) => set.has(id))) return set;
  return next.size === 0 ? EMPTY : next;
}

function kept(set: ReadonlySet<string>, alive: ReadonlySet<string>): ReadonlySet<string> {
  if ([...set].every((id) => alive.has(id))) return set;
  return new Set([...set].filter((id) => alive.has(id)));
}

export const useSelection = create<SelectionState>()((set, get) => ({
  nodes: EMPTY,
  edges: EMPTY,
  select(nodes, edges = []) {
    set({ nodes: new Set(nodes), edges: new Set(edges) });
  },
  applyChanges(changes) {
    const s = get();
    const nodes = applied(s.nodes, changes.nodes);
    const edges = applied(s.edges, changes.edges);
    if (nodes !== s.nodes || edges !== s.edges) set({ nodes, edges });
  },
  prune(nodeIds, edgeIds) {
    const s = get();
    const nodes = kept(s.nodes, nodeIds);
    const edges = kept(s.edges, edgeIds);
    if (nodes !== s.nodes || edges !== s.edges) set({ nodes, edges });
  },
  clear() {
    const s = get();
    if (s.nodes.size > 0 || s.edges.size > 0) set({ nodes: EMPTY, edges: EMPTY });
  },
}));

/** What the inspector shows: one node, one edge, several things, or the document. */
export type Focus =
  | { type: 'node'; id: string }
  | { type: 'edge'; id: string }
  | { type: 'many'; nodes: number; edges: number }
  | { type: 'document' };

export function focusOf(s: Pick<SelectionState, 'nodes' | 'edges'>): Focus {
  if (s.nodes.size === 1 && s.edges.size === 0) return { type: 'node', id: [...s.nodes][0] };
  if (s.nodes.size === 0 && s.edges.size === 1) return { type: 'edge', id: [...s.edges][0] };
  if (s.nodes.size === 0 && s.edges.size === 0) return { type: 'document' };
  return { type: 'many', nodes: s.nodes.size, edges: s.edges.size };
}

/** A string key of the focus, stable across renders (for selectors). */
export const selectFocusKey = (s: SelectionState): string => {
  const f = focusOf(s);
  switch (f.type) {
    case 'node':
    case 'edge':
      return `${f.type}:${f.id}`;
    case 'many':
      return `many:${f.nodes}:${f.edges}`;
    case 'document':
      return 'document';
  }
};

export function parseFocusKey(key: string): Focus {
  const [type, a, b] = key.split(':');
  if (type === 'node' || type === 'edge') return { type, id: key.slice(type.length + 1) };
  if (type === 'many') return { type, nodes: Number(a), edges: Number(b) };
  return { type: 'document' };
}

// A loaded document (an example, a file, another tab's) starts with nothing selected, whatever
// path loaded it. Undo, redo and deletions can remove selected things: the selection forgets them.
useDocument.subscribe((doc, prev) => {
  if (doc.loads !== prev.loads) {
    useSelection.getState().clear();
    return;
  }
  if (doc.nodes === prev.nodes && doc.edges === prev.edges) return;
  const s = useSelection.getState();
  const gone =
    [...s.nodes].some((id) => !nodeById(doc.nodes, id)) ||
    [...s.edges].some((id) => !edgeById(doc.edges, id));
  if (gone) s.prune(new Set(doc.nodes.map((n) => n.id)), new Set(doc.edges.map((e) => e.id)));
});
