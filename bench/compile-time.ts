/**
 * How long the compiler takes on large neuron-level graphs (every edge a weight): the editor
 * recompiles on every structural change, so this must stay at a few milliseconds.
 */
import { compile, type Graph } from '../src/engine';
import { GraphWriter } from '../src/engine/examples/document';
import { median } from './measure';

/**
 * 40 layers of 25 tanh neurons after a 2-feature dataset, each neuron fed by `fanIn` neurons of
 * the layer before: 1,004 nodes, and 2,000 edges at fan-in 2 (the editor's scale target).
 */
export function largeNeuronGraph(fanIn: number): Graph {
  const g = new GraphWriter();
  const LAYERS = 40;
  const WIDTH = 25;
  g.node('dataset', 'data', { x: 0, y: 0 }, { dataset: 'spiral' });
  let previous = ['x0', 'x1'].map((port) => ({ id: 'data', port }));
  for (let l = 0; l < LAYERS; l++) {
    const layer = Array.from({ length: WIDTH }, (_, i) => {
      const id = `n${l}_${i}`;
      g.node('neuron', id, { x: (l + 1) * 200, y: i * 120 }, { activation: 'tanh' });
      for (let k = 0; k < Math.min(fanIn, previous.length); k++) {
        const src = previous[(i + k) % previous.length];
        g.edge(src.id, src.port, id, 'in');
      }
      return { id, port: 'out' };
    });
    previous = layer;
  }
  g.node('neuron', 'out', { x: (LAYERS + 1) * 200, y: 0 }, { activation: 'sigmoid' });
  for (const p of previous) g.edge(p.id, p.port, 'out', 'in');
  g.node('loss.bce', 'loss', { x: (LAYERS + 2) * 200, y: 0 });
  g.node('opt.sgd', 'opt', { x: (LAYERS + 3) * 200, y: 0 });
  g.edge('out', 'out', 'loss', 'prediction');
  g.edge('data', 'target', 'loss', 'target');
  g.edge('loss', 'loss', 'opt', 'loss');
  return g.graph('large', 1);
}

export function compileTime(graph: Graph, repetitions = 15): { nodes: number; edges: number; ms: number } {
  compile(graph); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const t0 = performance.now();
    const { plan } = compile(graph);
    times.push(performance.now() - t0);
    if (!plan) throw new Error('the benchmark graph does not compile');
  }
  return { nodes: graph.nodes.length, edges: graph.edges.length, ms: median(times) };
}
