/** Small graph helpers shared by the training tests (test/engine/training-*.test.ts and test/worker). */
import { compile, findExample, type Graph, type Plan, Trainer } from '../../src/engine';

export const example = (id: string): Graph => findExample(id)!.build();

/** A copy of `graph` with the parameters of every node of kind `kind` overridden. */
export function withParams(graph: Graph, kind: string, params: Record<string, unknown>): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.kind === kind ? { ...n, params: { ...n.params, ...params } } : n)),
  };
}

export function planOf(graph: Graph): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) throw new Error(`does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return plan;
}

export function trained(graph: Graph, steps: number): Trainer {
  const t = new Trainer(planOf(graph));
  for (let s = 0; s < steps; s++) t.trainStep();
  return t;
}
