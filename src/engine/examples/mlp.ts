/**
 * Builds a multilayer perceptron wired to a dataset, a loss and an optimizer — neuron by neuron
 * (every edge a weight) or from dense layers. Used by the examples, the "Build an MLP" helper and
 * the benchmark.
 */
import type { ElementwiseId } from '../kinds/activation-functions';
import { GraphWriter, type NamedGraph } from './document';

export interface MlpSpec {
  /** Layer sizes including input and output, e.g. [2, 8, 8, 1]. */
  sizes: number[];
  hidden: ElementwiseId;
  output: ElementwiseId;
  level: 'neuron' | 'dense';
  /** Ends the network with a softmax node (for categorical cross-entropy on probabilities). */
  softmax?: boolean;
  dataset: Record<string, unknown>;
  loss: { kind: string; params?: Record<string, unknown> };
  optimizer: { kind: string; params?: Record<string, unknown> };
  seed?: number;
  name?: string;
  description?: string;
}

const COLUMN = 260;
/** Vertical pitch of neurons: a drawn neuron is about 100 px tall. */
const ROW = 120;

export function buildMlp(spec: MlpSpec): NamedGraph {
  const { sizes } = spec;
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new Error('an MLP needs at least an input and an output size, each a whole number ≥ 1');
  }
  const g = new GraphWriter();
  const tallest = Math.max(...sizes) * (spec.level === 'neuron' ? ROW : 0);
  const middle = (count: number, i: number) => (tallest - count * ROW) / 2 + i * ROW;
  g.node('dataset', 'data', { x: 0, y: middle(1, 0) }, spec.dataset, { label: 'data' });

  let previous: { id: string; port: string }[] = [];
  const layers = sizes.length - 1;
  if (spec.level === 'dense') {
    previous = [{ id: 'data', port: 'features' }];
    for (let l = 1; l <= layers; l++) {
      const id = `dense${l}`;
      const activation = l === layers ? spec.output : spec.hidden;
      g.node(
        'dense',
        id,
        { x: l * COLUMN, y: middle(1, 0) },
        { units: sizes[l], activation },
        { label: `layer ${l}` },
      );
      for (const p of previous) g.edge(p.id, p.port, id, 'in');
      previous = [{ id, port: 'out' }];
    }
  } else {
    previous = Array.from({ length: sizes[0] }, (_, i) => ({ id: 'data', port: `x${i}` }));
    for (let l = 1; l <= layers; l++) {
      const activation = l === layers ? spec.output : spec.hidden;
      const current = Array.from({ length: sizes[l] }, (_, i) => {
        const id = `n${l}_${i + 1}`;
        g.node(
          'neuron',
          id,
          { x: l * COLUMN, y: middle(sizes[l], i) },
          { activation },
          { label: `h${l}.${i + 1}` },
        );
        return { id, port: 'out' };
      });
      for (const c of current) for (const p of previous) g.edge(p.id, p.port, c.id, 'in');
      previous = current;
    }
  }
  let lossX = (layers + 1) * COLUMN;
  if (spec.softmax) {
    g.node('act.softmax', 'softmax', { x: lossX, y: middle(1, 0) }, {}, { label: 'softmax' });
    if (previous.length !== 1) throw new Error('a softmax output needs a dense output layer');
    g.edge(previous[0].id, previous[0].port, 'softmax', 'in');
    previous = [{ id: 'softmax', port: 'out' }];
    lossX += COLUMN;
  }
  g.node(spec.loss.kind, 'loss', { x: lossX, y: middle(1, 0) }, spec.loss.params ?? {}, { label: 'loss' });
  if (previous.length !== 1)
    throw new Error('the output layer of an MLP must have one node (a dense layer or one neuron)');
  g.edge(previous[0].id, previous[0].port, 'loss', 'prediction');
  g.edge('data', 'target', 'loss', 'target');
  g.node(
    spec.optimizer.kind,
    'optimizer',
    { x: lossX + COLUMN, y: middle(1, 0) },
    spec.optimizer.params ?? {},
    {
      label: 'optimizer',
    },
  );
  g.edge('loss', 'loss', 'optimizer', 'loss');
  return g.graph(spec.name ?? `MLP ${sizes.join('-')}`, spec.seed ?? 1, spec.description);
}
