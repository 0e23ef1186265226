/**
 * Gradients through whole networks: fan-out (gradients of every use add up), depth, layers mixed
 * with single neurons, and a micrograd-style expression whose gradients are also worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/engine/graph';
import { expectGradientsMatch } from './gradcheck';
import { GraphBuilder } from './graph-builder';

const dataset = (g: GraphBuilder, dataset: string, extra: Record<string, unknown> = {}) =>
  g.node('dataset', { dataset, n: 40, seed: 5, testFraction: 0, batchSize: 8, ...extra });

describe('composed graphs', () => {
  it('fan-out: one neuron feeding three neurons, and a value multiplied by itself', () => {
    const g = new GraphBuilder(7);
    const d = dataset(g, 'sine', { noise: 0.1 });
    const a = g.chain('neuron', { activation: 'tanh' }, [d, 'x0']);
    const b = g.chain('neuron', { activation: 'tanh' }, a);
    const c = g.chain('neuron', { activation: 'sigmoid' }, a);
    const e = g.chain('neuron', { activation: 'elu' }, a);
    const out = g.chain('neuron', {}, b, c, e);
    // a·a: two edges from the same node into one multiply, so ∂(a²)/∂a = a + a.
    const square = g.chain('math.multiply', {}, a, a);
    g.loss('loss.mse', g.chain('math.add', {}, out, square), [d, 'target']);
    const r = expectGradientsMatch(g.graph());
    // The neuron's output gradient is the sum over its four consumers (five edges).
    expect(r.gradsOf(a).some((v) => v !== 0)).toBe(true);
    expect(r.valuesOf(e, 'z').every((z) => Math.abs(z) > 1e-3)).toBe(true);
  });

  it('BatchNorm composed: two normalised layers, one feeding a LayerNorm, with a penalty on the weights', () => {
    const g = new GraphBuilder(13);
    const d = dataset(g, 'gaussians3', { n: 30, noise: 0.8, batchSize: 10 });
    const h1 = g.chain('dense', { units: 5, activation: 'tanh', init: 'uniform' }, [d, 'features']);
    const bn1 = g.chain('batchnorm', { eps: 1e-3 }, h1);
    const h2 = g.chain('dense', { units: 4, activation: 'sigmoid', init: 'uniform' }, bn1);
    const bn2 = g.chain('batchnorm', { eps: 1e-2 }, h2);
    const ln = g.chain('layernorm', { eps: 1e-3 }, bn2);
    // The first normalised layer also reaches the output directly (fan-out through the batch).
    const out = g.chain('dense', { units: 3, init: 'uniform' }, ln, bn1);
    const fit = g.loss('loss.cce', out, [d, 'target'], { input: 'logits' });
    const penalty = g.node('loss.penalty', { norm: 'l2', lambda: 0.05 });
    g.edge([fit, 'loss'], [penalty, 'loss']);
    g.edge([penalty, 'loss'], [g.node('opt.sgd', { lr: 0.1 }), 'loss']);
    const r = expectGradientsMatch(g.graph());
    // γ of the first BatchNorm gets gradient along both paths.
    const gamma = r.plan.nodes.get(bn1)!.blocks.gamma;
    expect(
      Array.from(r.thetaGrad.subarray(gamma.offset, gamma.offset + gamma.size)).some((v) => v !== 0),
    ).toBe(true);
  });

  it('a deep chain of 30 tanh neurons', () => {
    const g = new GraphBuilder(3);
    const d = dataset(g, 'linear', { noise: 0.3 });
    let prev: NodeId | readonly [NodeId, string] = [d, 'x0'];
    const first: NodeId[] = [];
    for (let k = 0; k < 30; k++) {
      const n = g.node('neuron', { activation: 'tanh', bias: k % 2 === 0 ? 0.05 : -0.05 });
      // Weights near 1 keep the signal (and the gradient) from dying out over 30 layers.
      g.edge(prev, n, { weight: 1 + 0.01 * k, label: `w${k + 1}` });
      first.push(n);
      prev = n;
    }
    g.loss('loss.mse', g.chain('neuron', {}, prev), [d, 'target']);
    const r = expectGradientsMatch(g.graph());
    const w1 = r.plan.blocks.find((b) => b.label === 'w1')!;
    expect(Math.abs(r.thetaGrad[w1.offset])).toBeGreaterThan(1e-3);
  });

  it('layers mixed with neurons: vector edges into neurons, several inputs concatenated into a layer', () => {
    const g = new GraphBuilder(11);
    const d = dataset(g, 'gaussians3', { n: 30, noise: 0.8, batchSize: 9 });
    const layer = g.chain('dense', { units: 3, activation: 'tanh' }, [d, 'features']);
    // Each neuron owns one weight per number of the layer's vector output.
    const n1 = g.node('neuron', { activation: 'sigmoid' });
    g.edge(layer, n1, { weight: [0.5, -0.4, 0.3] });
    const n2 = g.node('neuron', { activation: 'tanh' });
    g.edge(layer, n2);
    g.edge([d, 'x1'], n2);
    // The output layer concatenates n1, n2 and the raw feature x0 into one input of size 3.
    const out = g.chain('dense', { units: 3 }, n1, n2, [d, 'x0']);
    g.loss('loss.cce', out, [d, 'target'], { input: 'logits' });
    const r = expectGradientsMatch(g.graph());
    expect(r.plan.nodes.get(out)!.blocks.W.size).toBe(9);
    expect(r.plan.blocks.find((b) => b.nodeId === n1 && b.edgeId)!.size).toBe(3);
  });

  it('a micrograd-style expression: L = (a·b + c)·a + b·b, checked against the chain rule by hand', () => {
    const g = new GraphBuilder();
    const a = g.node('math.parameter', { value: 2 }, { label: 'a', paramLabels: { value: 'a' } });
    const b = g.node('math.parameter', { value: -3 }, { label: 'b', paramLabels: { value: 'b' } });
    const c = g.node('math.constant', { value: 10 });
    const ab = g.chain('math.multiply', {}, a, b);
    const d = g.chain('math.add', {}, ab, c);
    const e = g.chain('math.multiply', {}, d, a);
    const bb = g.chain('math.multiply', {}, b, b);
    const f = g.chain('math.add', {}, e, bb);
    g.loss('loss.objective', f);
    const r = expectGradientsMatch(g.graph());

    // Forward: d = 2·(−3) + 10 = 4, e = 4·2 = 8, b·b = 9, L = 17.
    expect(r.valuesOf(d, 'out')).toEqual([4]);
    expect(r.loss).toBe(17);
    // Backward by hand: ∂L/∂e = ∂L/∂(b·b) = 1; ∂L/∂d = a = 2;
    // ∂L/∂a = d + ∂L/∂d · b = 4 + 2·(−3) = −2 (a is used twice, the two paths add up);
    // ∂L/∂b = ∂L/∂d · a + 2b = 2·2 − 6 = −2.
    expect(r.gradsOf(e)).toEqual([1]);
    expect(r.gradsOf(d)).toEqual([2]);
    expect(r.gradsOf(ab)).toEqual([2]);
    const grad = (label: string) => r.thetaGrad[r.plan.blocks.find((x) => x.label === label)!.offset];
    expect(grad('a')).toBe(-2);
    expect(grad('b')).toBe(-2);
  });
});
