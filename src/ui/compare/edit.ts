/**
 * Edits of the document's comparison, each one undo entry. While the canvas shows a variant, an
 * edit first takes the shown changes back, makes the edit on the network, then shows the same
 * variant again (or the network, when that variant is gone), so the canvas always shows exactly
 * the variant's changes.
 */
// The model's own files, not the barrel: this is in the first load, the headless runner is not.
import { firstComparison } from '../../engine/compare/choices';
import { type ComparedRuns, showVariant } from '../../engine/compare/runs';
import { useDocument } from '../../store';

const graphOf = () => {
  const { seed, orderSeed, nodes, edges } = useDocument.getState();
  return { seed, orderSeed, nodes, edges };
};

/** Opens the comparison, making a first one (the network and one other optimizer) if there is none. */
export function ensureComparison(): void {
  const doc = useDocument.getState();
  if (!doc.comparison) doc.setComparison(firstComparison(graphOf()));
}

/** Applies `edit` to the comparison; a change that cannot apply throws before anything changes. */
export function editComparison(edit: (runs: ComparedRuns) => ComparedRuns): void {
  const doc = useDocument.getState();
  const runs = doc.comparison;
  if (!runs) return;
  if (!runs.shown) {
    doc.setComparison(edit(runs));
    return;
  }
  const base = showVariant(graphOf(), runs, null);
  const next = edit(base.runs);
  const k = runs.shown.variant < next.variants.length ? runs.shown.variant : null;
  const shown = showVariant(base.graph, next, k);
  doc.showGraph(shown.graph, shown.runs);
}

/** Shows variant k on the canvas (null: the network itself). */
export function showOnCanvas(k: number | null): void {
  const doc = useDocument.getState();
  if (!doc.comparison) return;
  const shown = showVariant(graphOf(), doc.comparison, k);
  doc.showGraph(shown.graph, shown.runs);
}

/** Ends the comparison: the canvas shows the network, and the document keeps no runs compared. */
export function removeComparison(): void {
  const doc = useDocument.getState();
  if (!doc.comparison) return;
  const base = showVariant(graphOf(), doc.comparison, null);
  doc.showGraph(base.graph, undefined);
}
