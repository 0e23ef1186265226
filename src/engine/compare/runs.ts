/**
 * Runs compared: up to four variants of one network, each the document with its named changes,
 * trained side by side over the same data order. The comparison is saved in the document; which
 * variant the canvas shows is saved with it, with the changes that lead back to the network.
 */
import type { Graph } from '../graph';
import { applyChanges, type Change, restoring } from './changes';

export interface Variant {
  /** What the legend and the table call it, e.g. "Adam". */
  name: string;
  /** What makes it differ from the network; none: the network itself. */
  changes: Change[];
}

export interface ShownVariant {
  /** The variant the canvas shows. */
  variant: number;
  /** Changes that turn the shown graph back into the network under the comparison. */
  restore: Change[];
}

export interface ComparedRuns {
  variants: Variant[];
  /** Training steps each run takes. */
  steps: number;
  /** A training loss to reach: the table says at which step each run first got to it. */
  target?: number;
  /** Absent: the canvas shows the network itself. */
  shown?: ShownVariant;
}

export { DEFAULT_STEPS, MAX_STEPS, MAX_VARIANTS } from './limits';

/** The network under the comparison: the graph with the shown variant's changes taken back. */
export function baseGraph<G extends Graph>(graph: G, runs: ComparedRuns): G {
  return runs.shown ? applyChanges(graph, runs.shown.restore) : graph;
}

/** Variant k as a graph of its own: the network with its changes. */
export function variantGraph<G extends Graph>(graph: G, runs: ComparedRuns, k: number): G {
  const variant = runs.variants[k];
  if (!variant) throw new RangeError(`no variant ${k + 1}: the comparison has ${runs.variants.length}`);
  return applyChanges(baseGraph(graph, runs), variant.changes);
}

/**
 * What the document becomes when the canvas shows variant k (null: the network itself): the
 * variant's graph, and the comparison saying which one it is and how to go back.
 */
export function showVariant<G extends Graph>(
  graph: G,
  runs: ComparedRuns,
  k: number | null,
): { graph: G; runs: ComparedRuns } {
  const base = baseGraph(graph, runs);
  const { shown: _, ...rest } = runs;
  if (k === null) return { graph: base, runs: rest };
  const changes = runs.variants[k]?.changes;
  if (!changes) throw new RangeError(`no variant ${k + 1}: the comparison has ${runs.variants.length}`);
  return {
    graph: applyChanges(base, changes),
    runs: { ...rest, shown: { variant: k, restore: restoring(base, changes) } },
  };
}
