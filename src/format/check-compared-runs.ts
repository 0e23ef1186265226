/**
 * The checks on a saved comparison that need the network: each variant's changes must apply to it
 * (the node an activation change names exists, an optimizer change names an optimizer…), and the
 * shown variant must be one of them. Each problem has the path of the change at fault.
 */
import { applyChanges } from '../engine/compare/changes';
import { baseGraph, type ComparedRuns } from '../engine/compare/runs';
import type { Graph } from '../engine/graph';
import { formatPath, type Problem } from './problem';

export function checkComparedRuns(graph: Graph, runs: ComparedRuns): Problem[] {
  const problems: Problem[] = [];
  const { shown } = runs;
  if (shown && shown.variant >= runs.variants.length) {
    problems.push({
      path: formatPath(['comparison', 'shown', 'variant']),
      message: `expected one of the ${runs.variants.length} variants (0 to ${runs.variants.length - 1}), received ${shown.variant}`,
    });
  }
  let base = graph;
  try {
    base = baseGraph(graph, runs);
  } catch (error) {
    problems.push({ path: formatPath(['comparison', 'shown', 'restore']), message: reason(error) });
    return problems;
  }
  runs.variants.forEach((variant, k) => {
    try {
      applyChanges(base, variant.changes);
    } catch (error) {
      const i = /^change (\d+)/.exec(reason(error))?.[1];
      const path = formatPath(['comparison', 'variants', k, 'changes', ...(i ? [Number(i) - 1] : [])]);
      problems.push({ path, message: `variant "${variant.name}": ${reason(error)}` });
    }
  });
  return problems;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
