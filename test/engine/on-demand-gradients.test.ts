/**
 * Training at full speed skips the data's own gradient ∂L/∂x, which training never needs (nothing
 * upstream of the data learns), and adds it for the step that is shown
 * (compiler/on-demand-gradients.ts): ∂L/∂θ is untouched, and what the canvas shows is the very same,
 * bit for bit, as when every gradient is computed.
 */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/engine/graph';
import { Trainer } from '../../src/engine/runtime/trainer';
import { TrainingSession } from '../../src/engine/training';
import { compileOrThrow } from './gradcheck';
import { GraphBuilder } from './graph-builder';

type Input = 'vector' | 'two features' | 'also a neuron';

/**
 * gaussians3 (2 features, 3 classes) → dense 5 tanh → dense 3 → softmax + cross-entropy, Adam. The
 * first layer reads the features vector, or the two features' own ports, or the vector beside a
 * neuron that reads it too (whose share of ∂L/∂x training computes anyway).
 */
function mlp(input: Input = 'vector') {
  const g = new GraphBuilder(4);
  const d = g.node('dataset', { dataset: 'gaussians3', n: 40, noise: 0.6, testFraction: 0, batchSize: 8 });
  const hidden =
    input === 'two features'
      ? g.chain('dense', { units: 5, activation: 'tanh' }, [d, 'x0'], [d, 'x1'])
      : g.chain('dense', { units: 5, activation: 'tanh' }, [d, 'features']);
  const logits =
    input === 'also a neuron'
      ? g.chain('dense', { units: 3 }, hidden, g.chain('neuron', { activation: 'tanh' }, [d, 'features']))
      : g.chain('dense', { units: 3 }, hidden);
  const loss = g.loss('loss.cce', g.chain('act.softmax', {}, logits), [d, 'target']);
  g.edge([loss, 'loss'], [g.node('opt.adam', { lr: 0.05 }), 'loss']);
  return { graph: g.graph(), d, hidden, logits };
}

/** The offset and width of a data port's buffer in a runtime. */
function dataSlot(t: Trainer, port: string) {
  const node = t.plan.order.find((n) => n.kind.role === 'data')!;
  const slot = node.outputs[port];
  return { offset: t.runtime.offset(slot), width: slot.width };
}

const dataGradient = (t: Trainer, port: string) => {
  const { offset, width } = dataSlot(t, port);
  return Array.from(t.runtime.grads.subarray(offset, offset + width * t.runtime.n));
};

describe('gradients training does not need', () => {
  it('are those of the inputs read straight from the data by dense layers', () => {
    const { graph, hidden, logits } = mlp();
    const plan = compileOrThrow(graph);
    expect(plan.nodes.get(hidden)!.inputs.in[0].gradientOnDemand).toBe(true);
    expect(plan.nodes.get(logits)!.inputs.in[0].gradientOnDemand).toBeUndefined();
    // The target, read by the loss (which does not defer), stays as it was.
    const loss = plan.losses[0];
    expect(loss.inputs.target[0].gradientOnDemand).toBeUndefined();
  });

  it('are not those of inputs computed from θ, nor of kinds that do not skip', () => {
    const g = new GraphBuilder();
    const d = g.node('dataset', { dataset: 'gaussians3', n: 30 });
    const neuron = g.chain('neuron', {}, [d, 'features']);
    const dense = g.chain('dense', { units: 3 }, [d, 'features'], neuron);
    g.loss('loss.mse', dense, [d, 'target']);
    const plan = compileOrThrow(g.graph());
    const [fromData, fromNeuron] = plan.nodes.get(dense)!.inputs.in;
    expect(fromData.gradientOnDemand).toBe(true);
    expect(fromNeuron.gradientOnDemand).toBeUndefined();
    expect(plan.nodes.get(neuron)!.inputs.in[0].gradientOnDemand).toBeUndefined();
  });

  for (const input of ['vector', 'two features'] as const) {
    it(`leave ∂L/∂θ as it was, and are added exactly on demand (${input} into the first layer)`, () => {
      const plan = compileOrThrow(mlp(input).graph);
      const port = input === 'vector' ? 'features' : 'x1';
      const full = new Trainer(plan);
      const fast = new Trainer(plan);
      fast.runtime.gradients.all = false;
      for (let step = 0; step < 6; step++) {
        full.trainStep();
        fast.trainStep();
        expect(fast.thetaGrad).toEqual(full.thetaGrad);
        expect(fast.theta).toEqual(full.theta);
      }
      expect(dataGradient(full, port).some((g) => g !== 0)).toBe(true);
      expect(fast.runtime.gradientsPending).toBe(true);
      expect(dataGradient(fast, port).every((g) => g === 0)).toBe(true);
      // After the update, the skipped gradient needs θ as the backward saw it: without it, none.
      expect(fast.completeGradients(null)).toBe(false);
      const before = new Trainer(plan);
      for (let step = 0; step < 5; step++) before.trainStep();
      expect(fast.completeGradients(before.theta)).toBe(true);
      expect(fast.runtime.gradientsPending).toBe(false);
      expect(fast.runtime.grads).toEqual(full.runtime.grads);
      // θ is put back as it was.
      expect(fast.theta).toEqual(full.theta);
    });
  }

  it('are added without θ from before while the update has not run yet', () => {
    const plan = compileOrThrow(mlp().graph);
    const full = new Trainer(plan);
    const fast = new Trainer(plan);
    fast.runtime.gradients.all = false;
    full.gradientStep();
    fast.gradientStep();
    expect(dataGradient(fast, 'features').every((g) => g === 0)).toBe(true);
    expect(fast.completeGradients(null)).toBe(true);
    expect(fast.runtime.grads).toEqual(full.runtime.grads);
  });
});

describe('a session training at full speed', () => {
  const load = (graph: Graph) => {
    const s = new TrainingSession();
    expect(s.load(graph).ok).toBe(true);
    return s;
  };

  for (const input of ['vector', 'two features', 'also a neuron'] as const)
    it(`shows the same gradients as one stepping, the data’s included (${input})`, () => {
      const { graph } = mlp(input);
      const fast = load(graph);
      const stepped = load(graph);
      expect(fast.run({ steps: 9 })).toBe(9);
      for (let i = 0; i < 9; i++) stepped.step();
      const a = fast.snapshot()!;
      const b = stepped.snapshot()!;
      expect(a.thetaGrad).toEqual(b.thetaGrad);
      expect(a.grads.example).toEqual(b.grads.example);
      expect(a.grads.mean).toEqual(b.grads.mean);
      expect(Array.from(b.grads.mean).some((g) => g !== 0)).toBe(true);
      // Training on from there is unchanged.
      fast.run({ steps: 3 });
      stepped.run({ steps: 3 });
      expect(fast.trainer!.theta).toEqual(stepped.trainer!.theta);
    });

  it('explains the gradient on a data edge with the numbers a stepped run has', () => {
    const { graph } = mlp();
    const edge = graph.edges.find((e) => e.sourceHandle === 'features')!.id;
    const fast = load(graph);
    const stepped = load(graph);
    fast.run({ steps: 4 });
    for (let i = 0; i < 4; i++) stepped.step();
    const a = fast.explainEdge(edge, { example: 2 });
    const b = stepped.explainEdge(edge, { example: 2 });
    expect(a).toEqual(b);
    expect(b.type === 'signal' && b.gradient.some((g) => g !== 0)).toBe(true);
  });
});
