/**
 * Karpathy's micrograd expression L = (a·b + c)·f with a = 2, b = −3, c = 10, f = −2: no dataset,
 * just the chain rule on one expression. ∂L/∂a = f·b = 6, ∂L/∂b = f·a = −4, ∂L/∂c = f = −2, ∂L/∂f = a·b + c = 4.
 */
import { GraphWriter, type NamedGraph } from './document';

export function microgradExpression(): NamedGraph {
  const g = new GraphWriter();
  const param = (id: string, value: number, y: number) =>
    g.node('math.parameter', id, { x: 0, y }, { value }, { label: id, paramLabels: { value: id } });
  param('a', 2, 0);
  param('b', -3, 110);
  param('c', 10, 220);
  param('f', -2, 330);
  g.node('math.multiply', 'ab', { x: 240, y: 50 }, {}, { label: 'a·b' });
  g.node('math.add', 'd', { x: 460, y: 130 }, {}, { label: 'd = a·b + c' });
  g.node('math.multiply', 'L', { x: 680, y: 230 }, {}, { label: 'L = d·f' });
  g.node('loss.objective', 'objective', { x: 900, y: 230 }, {}, { label: 'minimize L' });
  g.node('opt.sgd', 'sgd', { x: 1120, y: 230 }, { lr: 0.01 }, { label: 'SGD' });
  g.edge('a', 'out', 'ab', 'in');
  g.edge('b', 'out', 'ab', 'in');
  g.edge('ab', 'out', 'd', 'in');
  g.edge('c', 'out', 'd', 'in');
  g.edge('d', 'out', 'L', 'in');
  g.edge('f', 'out', 'L', 'in');
  g.edge('L', 'out', 'objective', 'in');
  g.edge('objective', 'loss', 'sgd', 'loss');
  return g.graph(
    'Chain rule: micrograd expression',
    1,
    'L = (a·b + c)·f. One backward pass shows each parameter’s gradient as the product of local derivatives along its path.',
  );
}
