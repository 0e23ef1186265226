/**
 * The compiled graph, derived from the document: recompiled whenever the structure changes (kinds,
 * parameters, labels, edges, seed) and never for a move. Diagnostics are indexed by node and edge
 * id; a node's list keeps its identity while its messages stay the same, so a recompile re-renders
 * only the nodes whose diagnostics changed.
 */
import { create } from 'zustand';
import { type CompileResult, compile } from '../engine/compiler/compile';
import type { Diagnostic } from '../engine/diagnostics';
import type { GraphEdge, GraphNode } from '../engine/graph';
import { type DocumentStore, useDocument } from './document';

export interface CompiledState {
  result: CompileResult;
  byNode: ReadonlyMap<string, readonly Diagnostic[]>;
  byEdge: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Diagnostics about the graph as a whole (no loss, no optimizer). */
  general: readonly Diagnostic[];
  /** How many times the graph was compiled (tests, and to notice a new plan). */
  count: number;
}

interface Structure {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  seed: number;
}

/** Whether two documents compile the same: everything but positions. */
export function sameStructure(a: Structure, b: Structure): boolean {
  if (a.seed !== b.seed || a.edges !== b.edges) return false;
  if (a.nodes === b.nodes) return true;
  if (a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (
      x.id !== y.id ||
      x.kind !== y.kind ||
      x.params !== y.params ||
      x.label !== y.label ||
      x.paramLabels !== y.paramLabels
    )
      return false;
  }
  return true;
}

const EMPTY: readonly Diagnostic[] = [];

const sameList = (a: readonly Diagnostic[], b: readonly Diagnostic[]) =>
  a.length === b.length && a.every((d, i) => d.message === b[i].message && d.severity === b[i].severity);

function index(
  diagnostics: readonly Diagnostic[],
  key: 'nodeId' | 'edgeId',
  previous: ReadonlyMap<string, readonly Diagnostic[]>,
): ReadonlyMap<string, readonly Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const id = d[key];
    if (!id) continue;
    const list = map.get(id);
    if (list) list.push(d);
    else map.set(id, [d]);
  }
  const result = new Map<string, readonly Diagnostic[]>();
  for (const [id, list] of map) {
    const old = previous.get(id);
    result.set(id, old && sameList(old, list) ? old : list);
  }
  return result;
}

function compiledState(doc: Structure, previous?: CompiledState): CompiledState {
  const result = compile({ nodes: [...doc.nodes], edges: [...doc.edges], seed: doc.seed });
  const general = result.diagnostics.filter((d) => !d.nodeId && !d.edgeId);
  return {
    result,
    byNode: index(result.diagnostics, 'nodeId', previous?.byNode ?? new Map()),
    byEdge: index(result.diagnostics, 'edgeId', previous?.byEdge ?? new Map()),
    general: previous && sameList(previous.general, general) ? previous.general : general,
    count: (previous?.count ?? 0) + 1,
  };
}

export function createCompiledStore(doc: DocumentStore) {
  let last: Structure = doc.getState();
  const store = create<CompiledState>()(() => compiledState(last));
  doc.subscribe((state) => {
    if (sameStructure(last, state)) return;
    last = state;
    store.setState(compiledState(state, store.getState()), true);
  });
  return store;
}

export type CompiledStore = ReturnType<typeof createCompiledStore>;

/** The app's compiled graph, following `useDocument`. */
export const useCompiled = createCompiledStore(useDocument);

/** Module-level selector factories: one selector per id, so components subscribe to their own. */
const nodeSelectors = new Map<string, (s: CompiledState) => readonly Diagnostic[]>();
export function selectNodeDiagnostics(id: string) {
  let sel = nodeSelectors.get(id);
  if (!sel) {
    sel = (s) => s.byNode.get(id) ?? EMPTY;
    nodeSelectors.set(id, sel);
  }
  return sel;
}

const edgeSelectors = new Map<string, (s: CompiledState) => readonly Diagnostic[]>();
export function selectEdgeDiagnostics(id: string) {
  let sel = edgeSelectors.get(id);
  if (!sel) {
    sel = (s) => s.byEdge.get(id) ?? EMPTY;
    edgeSelectors.set(id, sel);
  }
  return sel;
}
