import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { EXAMPLES } from '../../src/engine/examples';
import { GraphBuilder } from './graph-builder';

/** A one-neuron classifier on the border set: activation → loss, compiled; its warnings. */
function warnings(activation: string, loss: string, params: Record<string, unknown> = {}, between?: string) {
  const g = new GraphBuilder();
  const data = g.node('dataset', { dataset: between === 'act.softmax' ? 'gaussians3' : 'border' });
  let out = g.node(between === 'act.softmax' ? 'dense' : 'neuron', {
    activation,
    ...(between === 'act.softmax' ? { units: 3 } : {}),
  });
  g.edge([data, between === 'act.softmax' ? 'features' : 'x0'], out);
  if (between) out = g.chain(between, {}, out);
  const l = g.loss(loss, out, [data, 'target'], params);
  g.edge([l, 'loss'], [g.node('opt.sgd'), 'loss']);
  const { plan, diagnostics } = compile(g.graph());
  expect(plan).not.toBeNull();
  return diagnostics.filter((d) => d.code === 'unsuited-input');
}

describe('valid wiring that is wrong gets a warning with the fix', () => {
  it('binary cross-entropy on probabilities after a linear, ReLU or tanh output', () => {
    for (const activation of ['linear', 'relu', 'tanh', 'leaky_relu', 'elu']) {
      const [w, ...rest] = warnings(activation, 'loss.bce');
      expect(rest).toEqual([]);
      expect(w).toMatchObject({ severity: 'warning', nodeId: 'n3', edgeId: 'e2' });
      expect(w.message).toContain('reads probabilities between 0 and 1');
      expect(w.message).toContain('add a sigmoid, or switch the loss’s input to logits');
    }
    expect(warnings('linear', 'loss.bce')[0].message).toContain('gives any number');
    expect(warnings('tanh', 'loss.bce')[0].message).toContain('gives numbers between −1 and 1');
  });

  it('says nothing where the numbers fit: a sigmoid into BCE, or BCE on logits', () => {
    expect(warnings('sigmoid', 'loss.bce')).toEqual([]);
    expect(warnings('linear', 'loss.bce', { input: 'logits' })).toEqual([]);
    expect(warnings('sigmoid', 'loss.bce', {}, 'act.tanh')).toHaveLength(1);
    expect(warnings('linear', 'loss.bce', {}, 'act.sigmoid')).toEqual([]);
  });

  it('categorical cross-entropy on probabilities wants a softmax', () => {
    expect(warnings('sigmoid', 'loss.cce', {}, 'act.softmax')).toEqual([]);
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'gaussians3' });
    const layer = g.chain('dense', { units: 3, activation: 'sigmoid' }, [data, 'features']);
    g.edge([g.loss('loss.cce', layer, [data, 'target']), 'loss'], [g.node('opt.sgd'), 'loss']);
    const [w] = compile(g.graph()).diagnostics.filter((d) => d.code === 'unsuited-input');
    // Each sigmoid is a probability, but together they need not add up to 1.
    expect(w.message).toContain('reads probabilities that add up to 1');
    expect(w.message).toContain('add a softmax, or switch the loss’s input to logits');
  });

  it('mean squared log error on outputs that can be negative', () => {
    expect(warnings('linear', 'loss.msle')[0].message).toContain('numbers that are not negative');
    expect(warnings('tanh', 'loss.msle')).toHaveLength(1);
    expect(warnings('relu', 'loss.msle')).toEqual([]);
    expect(warnings('sigmoid', 'loss.msle')).toEqual([]);
  });

  it('no built-in example is warned about', () => {
    for (const example of EXAMPLES) {
      const unsuited = compile(example.build()).diagnostics.filter((d) => d.code === 'unsuited-input');
      expect(unsuited, example.id).toEqual([]);
    }
  });
});
