/**
 * The compiled graph, derived from the document: recompiled whenever the structure changes (kinds,
 * parameters, labels, edges, seed) and never for a move; for a big graph, just after the edit is
 * painted (see DEFER_COMPILE_FROM). Diagnostics are indexed by node and edge
 * id; a node's list keeps its identity while its messages stay the same, so a recompile re-renders
 * only the nodes whose diagnostics changed.
 */
import { create } from 'zustand';
import { type CompileResult, compile, compileSteps, runToEnd } from '../engine/compiler/compile';
import type { Diagnostic } from '../engine/diagnostics';
import type { GraphNode } from '../engine/graph';
import { librariesReady, loadLibrariesFor } from '../engine/support';
import { type DocumentStore, useDocument } from './document';
import { indexById } from './index-by-id';
import { reportLoadFailure } from './load-libraries';
import { perId } from './per-id';
import { type Structure, sameStructure } from './structure';

export interface CompiledState {
  result: CompileResult;
  byNode: ReadonlyMap<string, readonly Diagnostic[]>;
  byEdge: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Diagnostics about the graph as a whole (no loss, no optimizer). */
  general: readonly Diagnostic[];
  /** How many times the graph was compiled (tests, and to notice a new plan). */
  count: number;
}

const EMPTY: readonly Diagnostic[] = [];

const sameList = (a: readonly Diagnostic[], b: readonly Diagnostic[]) =>
  a.length === b.length && a.every((d, i) => d.message === b[i].message && d.severity === b[i].severity);

function index(
  diagnostics: readonly Diagnostic[],
  key: 'nodeId' | 'edgeId',
  previous: ReadonlyMap<string, readonly Diagnostic[]>,
): ReadonlyMap<string, readonly Diagnostic[]> {
  return indexById(
    diagnostics.map((d) => [d[key], d] as const),
    previous,
    sameList,
  );
}

const graphOf = (doc: Structure) => ({
  nodes: [...doc.nodes],
  edges: [...doc.edges],
  seed: doc.seed,
  orderSeed: doc.orderSeed,
});

function compiledState(
  doc: Structure,
  previous?: CompiledState,
  result = compile(graphOf(doc)),
): CompiledState {
  const general = result.diagnostics.filter((d) => !d.nodeId && !d.edgeId);
  return {
    result,
    byNode: index(result.diagnostics, 'nodeId', previous?.byNode ?? new Map()),
    byEdge: index(result.diagnostics, 'edgeId', previous?.byEdge ?? new Map()),
    general: previous && sameList(previous.general, general) ? previous.general : general,
    count: (previous?.count ?? 0) + 1,
  };
}

/**
 * Past this many nodes a recompile waits until the edit has been painted: compiling 1,000 nodes
 * takes tens of ms, and the new node or edge should show in the frame after the click, with its
 * diagnostics one frame later (bench/UI-RESULTS.md). It then runs in slices of COMPILE_SLICE_MS,
 * one after each frame: opening 2,000 wired neurons took one compile of 300–700 ms, a frozen page.
 * Smaller graphs compile at once.
 */
export const DEFER_COMPILE_FROM = 250;

/** How long one slice of a big graph's compile runs before the page may paint again (ms). */
export const COMPILE_SLICE_MS = 30;

/** Runs `run` later, once; the app's default runs it just after the next frame is painted. */
export type Defer = (run: () => void) => void;

const afterNextPaint: Defer = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
};

export function createCompiledStore(
  doc: DocumentStore,
  defer: Defer = afterNextPaint,
  now: () => number = () => performance.now(),
) {
  let last: Structure = doc.getState();
  /** The structure waiting to be compiled (several edits before the deferred run: compiled once). */
  let pending: Structure | null = null;
  /** A big graph's compile under way, slice by slice: the structure it compiles, and where it is. */
  let running: { structure: Structure; steps: Generator<void, CompileResult, void> } | null = null;
  const store = create<CompiledState>()(() => compiledState(last));
  /**
   * A custom formula or a CSV node needs a library loaded on first use (mathjs, papaparse): until it
   * has come, the compile says "still loading" on that node; then the document is compiled again.
   */
  const loadLibraries = (nodes: readonly GraphNode[]) => {
    if (librariesReady(nodes)) return;
    // Compiled again either way: with the library, or to say on the node that it could not load.
    const recompile = () => {
      if (!pending) store.setState(compiledState(last, store.getState()), true);
    };
    loadLibrariesFor(nodes).then(recompile, (error: unknown) => {
      recompile();
      reportLoadFailure(error, () => loadLibraries(last.nodes));
    });
  };
  const publish = (structure: Structure, result: CompileResult) => {
    store.setState(compiledState(structure, store.getState(), result), true);
    loadLibraries(structure.nodes);
  };
  /** Compiles the pending structure now, if there is one (finishing a compile under way). */
  const flush = () => {
    if (!pending) return;
    const next = pending;
    pending = null;
    const steps = running?.structure === next ? running.steps : compileSteps(graphOf(next));
    running = null;
    publish(next, runToEnd(steps));
  };
  /**
   * One slice of the pending structure's compile (started again if the structure changed since
   * the last slice); the next slice follows the next frame, until it is done.
   */
  const slice = () => {
    if (!pending) return; // flushed meanwhile
    if (running?.structure !== pending) {
      running = { structure: pending, steps: compileSteps(graphOf(pending)) };
    }
    const end = now() + COMPILE_SLICE_MS;
    for (;;) {
      const step = running.steps.next();
      if (step.done) {
        const { structure } = running;
        running = null;
        pending = null;
        publish(structure, step.value);
        return;
      }
      if (now() >= end) break;
    }
    defer(slice);
  };
  loadLibraries(last.nodes);
  doc.subscribe((state) => {
    if (sameStructure(last, state)) return;
    last = state;
    const scheduled = pending !== null;
    pending = state;
    if (state.nodes.length < DEFER_COMPILE_FROM) flush();
    else if (!scheduled) defer(slice);
  });
  return Object.assign(store, { flush });
}

export type CompiledStore = ReturnType<typeof createCompiledStore>;

/** The app's compiled graph, following `useDocument`. */
export const useCompiled = createCompiledStore(useDocument);

/** Module-level selector factories: one selector per id, so components subscribe to their own. */
export const selectNodeDiagnostics = perId(
  (id) =>
    (s: CompiledState): readonly Diagnostic[] =>
      s.byNode.get(id) ?? EMPTY,
);

/** Whether the compiler reports an error (not a warning) about the node. */
export const selectNodeHasError = perId(
  (id) =>
    (s: CompiledState): boolean =>
      s.byNode.get(id)?.some((d) => d.severity === 'error') ?? false,
);

export const selectEdgeDiagnostics = perId(
  (id) =>
    (s: CompiledState): readonly Diagnostic[] =>
      s.byEdge.get(id) ?? EMPTY,
);
