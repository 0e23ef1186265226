/** How the CSV dialog's choice of columns changes as the learner ticks features and picks the target. */
import type { CsvColumn, CsvSelection, CsvTask } from '../../engine/datasets/csv';

/** The selection with `name` ticked or not as a feature, in the file's column order (x0 is the leftmost). */
export function withFeature(
  selection: CsvSelection,
  header: readonly string[],
  name: string,
  on: boolean,
): CsvSelection {
  const chosen = new Set(selection.features);
  if (on) chosen.add(name);
  else chosen.delete(name);
  return { ...selection, features: header.filter((h) => chosen.has(h)) };
}

/**
 * The selection with `target` as the target: no longer a feature, and the task guessed from it (a
 * numeric column with more than 10 values is regressed, anything else classified).
 */
export function withTarget(selection: CsvSelection, columns: CsvColumn[], target: string): CsvSelection {
  const column = columns.find((c) => c.name === target);
  const task: CsvTask = column?.numeric && column.distinct > 10 ? 'regression' : 'classification';
  return { features: selection.features.filter((f) => f !== target), target, task };
}
