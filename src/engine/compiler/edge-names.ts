/**
 * The stable key and the label of an edge's weight block (`edge:e7`, `w(x1→h1)`), remembered per
 * edge object. A graph of 20,000 edges would otherwise build 40,000 strings on every recompile,
 * and hash every label afresh for de-duplication; a remembered string keeps its hash. An entry is
 * used only while everything the strings are made of is unchanged (edge id and label, source and
 * target names), so an edge edited in place or a renamed node never gets a stale label.
 */
import type { GraphEdge } from '../graph';

export interface EdgeNames {
  /** `edge:<id>`: the block's identity across recompiles. */
  key: string;
  /** The label before de-duplication: the edge's own label, or `w(source→target)`. */
  label: string;
}

interface Entry extends EdgeNames {
  id: string;
  given: string | undefined;
  source: string;
  target: string;
}

const memo = new WeakMap<GraphEdge, Entry>();

/** `source` names the edge's source (a dataset's feature by its own name), `target` its target. */
export function edgeNames(edge: GraphEdge, source: string, target: string): EdgeNames {
  const entry = memo.get(edge);
  if (
    entry &&
    entry.id === edge.id &&
    entry.given === edge.label &&
    entry.source === source &&
    entry.target === target
  ) {
    return entry;
  }
  const fresh: Entry = {
    key: `edge:${edge.id}`,
    label: edge.label ?? `w(${source}→${target})`,
    id: edge.id,
    given: edge.label,
    source,
    target,
  };
  memo.set(edge, fresh);
  return fresh;
}
