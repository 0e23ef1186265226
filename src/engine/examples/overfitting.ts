/**
 * "Overfitting and how to fight it": 30 noisy training points of the circle set and a network
 * far bigger than they need (2-32-32-1). It learns the training points by heart (training loss
 * → 0) while the loss on the 30 held-out points climbs. An L2 penalty sits between the loss and
 * the optimizer with λ = 0, off: raising λ to 0.01 keeps the weights small and the test loss low.
 */
import { edgeId, nodeId } from '../graph';
import type { NamedGraph } from './document';
import { buildMlp } from './mlp';

/** λ of the penalty as the example ships it (off); the lesson's fix is OVERFITTING_FIX_LAMBDA. */
export const OVERFITTING_FIX_LAMBDA = 0.01;

export function overfitting(lambda = 0): NamedGraph {
  const g = buildMlp({
    sizes: [2, 32, 32, 1],
    hidden: 'tanh',
    output: 'linear',
    level: 'dense',
    dataset: { dataset: 'circle', n: 60, noise: 0.7, seed: 1, testFraction: 0.5, batchSize: 30 },
    loss: { kind: 'loss.bce', params: { input: 'logits' } },
    optimizer: { kind: 'opt.adam', params: { lr: 0.01 } },
    name: 'Overfitting and how to fight it',
    description:
      'Thirty noisy points and a 2-32-32-1 network: the training loss falls to 0 while the test loss rises. Set the L2 penalty’s λ to 0.01 (or put a Dropout after a hidden layer) and train again.',
  });
  // Loss → penalty → optimizer, the penalty between them (and the optimizer moved right).
  const loss = g.nodes.find((n) => n.id === 'loss')!;
  const optimizer = g.nodes.find((n) => n.id === 'optimizer')!;
  const penalty = nodeId('penalty');
  g.nodes.push({
    id: penalty,
    kind: 'loss.penalty',
    label: 'L2 penalty',
    params: { norm: 'l2', lambda },
    position: { ...optimizer.position },
  });
  optimizer.position = { x: optimizer.position.x + 260, y: optimizer.position.y };
  const toOptimizer = g.edges.find((e) => e.source === loss.id && e.target === optimizer.id)!;
  toOptimizer.source = penalty;
  g.edges.push({
    id: edgeId('e-penalty'),
    source: loss.id,
    sourceHandle: 'loss',
    target: penalty,
    targetHandle: 'loss',
  });
  return g;
}
