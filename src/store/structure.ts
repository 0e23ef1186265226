import type { GraphEdge, GraphNode } from '../engine/graph';

/** What compiles: a document's nodes, edges and seeds (its name, positions and viewport do not matter). */
export interface Structure {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  seed: number;
  orderSeed?: number;
}

/** Whether two documents compile the same: everything but positions. */
export function sameStructure(a: Structure, b: Structure): boolean {
  if (a.seed !== b.seed || a.orderSeed !== b.orderSeed || a.edges !== b.edges) return false;
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
