/**
 * What a compared run's result depends on, as a string: the variant's graph without what does not
 * change training (positions, labels, the view) and the number of steps. A result whose key no
 * longer matches is stale; showing another variant on the canvas leaves every key as it was.
 */
import { type Graph, orderSeedOf } from '../engine/graph';

export function runKey(graph: Graph, steps: number): string {
  return JSON.stringify({
    steps,
    seed: graph.seed,
    orderSeed: orderSeedOf(graph),
    nodes: graph.nodes.map((n) => [n.id, n.kind, n.params]),
    edges: graph.edges.map((e) => [e.id, e.source, e.sourceHandle, e.target, e.targetHandle, e.weight]),
  });
}
