/**
 * How many nodes each slice of a big document's drawing takes (reveal-slices.ts). A slice should
 * cost the page about SLICE_BUDGET_MS, so every task stays far under the 200 ms at which a page
 * feels frozen; what a node costs depends on whether it lands on screen (drawn, laid out) or off it
 * (only React Flow's bookkeeping), so the size follows the pace of the slice before.
 */

/** What one slice should cost: React's render, the commit, style, layout and paint. */
export const SLICE_BUDGET_MS = 50;
/** The first slice, before any pace is known: a screenful of full cards fits. */
export const FIRST_SLICE = 120;
export const MIN_SLICE = 20;
/**
 * At most this many nodes a slice, however cheap the last one was: a slice's cost is not linear
 * in its size (React Flow re-reads every node it holds, new nodes' ports are parsed, the garbage
 * collector joins in), and slices let to double up to 2,500 nodes took 300–600 ms of one task.
 */
export const MAX_SLICE = 500;
/** How much bigger than the last a slice may grow. */
export const MAX_GROWTH = 1.5;

export interface SlicePace {
  /** Nodes the last slice revealed. */
  count: number;
  /** How long it took, from the update to the task after the next paint. */
  ms: number;
}

/**
 * The next slice's size: the last slice's nodes per ms times the budget. It grows at most
 * MAX_GROWTH-fold at a time (a cheap slice says little about the cost of a bigger one) and
 * shrinks as far as the pace says.
 */
export function nextSliceSize(last: SlicePace | null): number {
  if (!last) return FIRST_SLICE;
  const paced = last.ms > 0 ? (last.count * SLICE_BUDGET_MS) / last.ms : Number.POSITIVE_INFINITY;
  const size = Math.min(paced, last.count * MAX_GROWTH);
  return Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, size)));
}
