/**
 * The classic first example: a 1-D world where x < 3 is class 0 and x ≥ 3 is class 1, learned by
 * one neuron relu(w·x + b) from w = b = 1 with plain SGD (lr 1e-4, batch 1, no shuffling) on
 * ½(ŷ − y)². The input 1000 makes it diverge at the fourth step: that is the lesson.
 */
import { GraphWriter, type NamedGraph } from './document';

export function borderAt3(): NamedGraph {
  const g = new GraphWriter();
  g.node(
    'dataset',
    'data',
    { x: 0, y: 0 },
    { dataset: 'border', testFraction: 0, batchSize: 1, shuffle: false },
    { label: 'border data' },
  );
  g.node(
    'neuron',
    'neuron',
    // 400: the gap from the data leaves room for the weight's label at the zoom a lesson opens with.
    { x: 400, y: 0 },
    { activation: 'relu', bias: 1 },
    { label: 'neuron', paramLabels: { bias: 'b' } },
  );
  g.node('loss.mse', 'loss', { x: 660, y: 40 }, { half: true }, { label: 'loss' });
  g.node('opt.sgd', 'sgd', { x: 920, y: 40 }, { lr: 1e-4 }, { label: 'SGD' });
  g.edge('data', 'x0', 'neuron', 'in', { weight: 1, label: 'w' });
  g.edge('neuron', 'out', 'loss', 'prediction');
  g.edge('data', 'target', 'loss', 'target');
  g.edge('loss', 'loss', 'sgd', 'loss');
  return g.graph(
    'Border at x = 3',
    1,
    'One ReLU neuron learns where class 1 begins. With an unscaled input of 1000 and SGD, it diverges at step 4.',
  );
}
