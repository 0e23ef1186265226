/**
 * The documents of issue #19's "big imports" finding, as the text of exported .neurograph.json
 * files (compact, as a script or another tool would write them): 5,000 neurons with no edge
 * (about 354 kB), 2,000 neurons wired column to column by 4,000 edges, and XOR with a 10 MB
 * description.
 */
import { findExample } from '../src/engine/examples';
import { GraphWriter } from '../src/engine/examples/document';

const COLUMN = 260;
const ROW = 110;

function file(g: GraphWriter, name: string): string {
  return JSON.stringify({ format: 'neurograph', version: 1, ...g.graph(name, 1) });
}

/** 5,000 neurons on a 100 × 50 grid, no edges. */
export function unconnectedNeurons(count = 5000, columns = 100): string {
  const g = new GraphWriter();
  for (let i = 0; i < count; i++) {
    g.node('neuron', `n${i}`, { x: (i % columns) * COLUMN, y: Math.floor(i / columns) * ROW });
  }
  return file(g, `${count.toLocaleString('en')} neurons`);
}

/**
 * A dataset and 2,000 tanh neurons in 40 columns of 50, each neuron fed by two of the column
 * before (the first column by the dataset's two features): 2,001 nodes, 4,000 edges.
 */
export function wiredNeurons(columns = 40, rows = 50): string {
  const g = new GraphWriter();
  g.node('dataset', 'data', { x: 0, y: (rows * ROW) / 2 }, { dataset: 'circle' });
  let previous = [
    { id: 'data', port: 'x0' },
    { id: 'data', port: 'x1' },
  ];
  for (let c = 0; c < columns; c++) {
    const column = Array.from({ length: rows }, (_, r) => {
      const id = `n${c}_${r}`;
      g.node('neuron', id, { x: (c + 1) * COLUMN, y: r * ROW }, { activation: 'tanh' });
      const a = previous[r % previous.length];
      const b = previous[(r + 1) % previous.length];
      g.edge(a.id, a.port, id, 'in');
      g.edge(b.id, b.port, id, 'in');
      return { id, port: 'out' };
    });
    previous = column;
  }
  return file(g, `${(columns * rows).toLocaleString('en')} wired neurons`);
}

/** The XOR example with a description of 10,000,004 characters (the app keeps the first 10,000). */
export function longDescription(): string {
  const xor = findExample('xor')?.build();
  if (!xor) throw new Error('the XOR example is missing');
  const description = 'A very long story. '.repeat(526_316);
  return JSON.stringify({
    format: 'neurograph',
    version: 1,
    ...xor,
    name: 'XOR, long description',
    description,
  });
}
