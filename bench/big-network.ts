/**
 * The network the editor benchmark opens: a generated neuron-level document of 1,000 nodes and
 * 2,000 edges, as the text of an exported .neurograph.json file.
 */
import { GraphWriter } from '../src/engine/examples/document';

const NEURON_COLUMNS = 24;
const COLUMN = 260;
const ROW = 110;

/**
 * 1 dataset + 996 hidden neurons (24 columns of 41 or 42, each fed by two neurons of the column
 * before) + 1 output neuron (fed by 5) + loss + optimizer = 1,000 nodes; 1,992 + 5 + 3 = 2,000 edges.
 */
export function bigNetwork(): string {
  const g = new GraphWriter();
  const sizes = Array.from({ length: NEURON_COLUMNS }, (_, i) => (i < 12 ? 42 : 41));
  const tallest = 42 * ROW;
  g.node('dataset', 'data', { x: 0, y: tallest / 2 }, { dataset: 'circle', batchSize: 20 });
  let previous = [
    { id: 'data', port: 'x0' },
    { id: 'data', port: 'x1' },
  ];
  sizes.forEach((size, c) => {
    const column = Array.from({ length: size }, (_, r) => {
      const id = `n${c}_${r}`;
      g.node(
        'neuron',
        id,
        { x: (c + 1) * COLUMN, y: r * ROW + (tallest - size * ROW) / 2 },
        { activation: 'tanh' },
      );
      const a = previous[r % previous.length];
      const b = previous[(r + 1) % previous.length];
      g.edge(a.id, a.port, id, 'in');
      g.edge(b.id, b.port, id, 'in');
      return { id, port: 'out' };
    });
    previous = column;
  });
  const x = (NEURON_COLUMNS + 1) * COLUMN;
  g.node('neuron', 'output', { x, y: tallest / 2 }, { activation: 'sigmoid' });
  for (const p of previous.slice(0, 5)) g.edge(p.id, p.port, 'output', 'in');
  g.node('loss.mse', 'loss', { x: x + COLUMN, y: tallest / 2 });
  g.node('opt.adam', 'optimizer', { x: x + 2 * COLUMN, y: tallest / 2 });
  g.edge('output', 'out', 'loss', 'prediction');
  g.edge('data', 'target', 'loss', 'target');
  g.edge('loss', 'loss', 'optimizer', 'loss');
  const graph = g.graph('Bench: 1,000 neurons', 1);
  if (graph.nodes.length !== 1000 || graph.edges.length !== 2000) {
    throw new Error(
      `expected 1,000 nodes and 2,000 edges, built ${graph.nodes.length} and ${graph.edges.length}`,
    );
  }
  // The file as Export writes it (version 1); the app validates it on import.
  return JSON.stringify({ format: 'neurograph', version: 1, ...graph }, null, 2);
}
