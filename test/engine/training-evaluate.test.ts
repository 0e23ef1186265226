import { describe, expect, it } from 'vitest';
import { buildMlp, compile, findExample, type Graph, nodeId, type Plan, Trainer } from '../../src/engine';
import { Runtime } from '../../src/engine/runtime/runtime';
import { Evaluator, evaluate, predictGrid } from '../../src/engine/training';

function trainer(graph: Graph, steps = 0): Trainer {
  const { plan } = compile(graph);
  if (!plan) throw new Error('does not compile');
  const t = new Trainer(plan);
  for (let s = 0; s < steps; s++) t.trainStep();
  return t;
}

const example = (id: string) => findExample(id)!.build();

describe('evaluate', () => {
  it('judges the border neuron exactly as a hand computation does', () => {
    const t = trainer(example('border-at-3'), 3);
    const [w, b] = [t.theta[t.plan.blocks.find((x) => x.label === 'w')!.offset], t.theta[0]];
    const xs = [2.9, -1, 3, 1000];
    const ys = [0, 0, 1, 1];
    let loss = 0;
    let correct = 0;
    xs.forEach((x, i) => {
      const yhat = Math.max(0, w * x + b);
      loss += 0.5 * (yhat - ys[i]) ** 2;
      if (yhat >= 0.5 === ys[i] >= 0.5) correct++;
    });
    const r = evaluate(t, 'train');
    expect(r.count).toBe(4);
    expect(r.loss).toBeCloseTo(loss / 4, 12);
    expect(r.accuracy).toBe(correct / 4);
    // No test split in this example.
    expect(evaluate(t, 'test')).toEqual({ split: 'test', count: 0, loss: null, accuracy: null });
  });

  it('reaches the accuracy the circle example promises, and does not touch the training buffers', () => {
    const t = trainer(example('circle'), 2000);
    const values = t.runtime.values.slice();
    const test = evaluate(t, 'test');
    const train = evaluate(t, 'train');
    expect(test.count).toBe(80);
    expect(train.count).toBe(320);
    expect(test.accuracy!).toBeGreaterThanOrEqual(0.95);
    expect(train.loss!).toBeLessThan(0.2);
    expect(t.runtime.values).toEqual(values);
  });

  it('gives the same answer in chunks as in one piece', () => {
    const t = trainer(example('gaussians3'), 300);
    const whole = new Evaluator(t.plan, t.theta).evaluate('train');
    const chunked = new Evaluator(t.plan, t.theta, { chunk: 7 }).evaluate('train');
    expect(chunked.count).toBe(whole.count);
    expect(chunked.accuracy).toBe(whole.accuracy);
    expect(chunked.loss!).toBeCloseTo(whole.loss!, 12);
  });

  it('scores multiclass by argmax against the one-hot target', () => {
    const t = trainer(example('gaussians3'), 1000);
    const r = evaluate(t, 'test');
    expect(r.accuracy!).toBeGreaterThanOrEqual(0.9);
    // By hand: one example at a time through a runtime of capacity 1, argmax against argmax.
    const plan = t.plan as Plan;
    const { test, nFeatures: d, nTargets: m } = plan.data!.table;
    const pred = new Evaluator(plan, t.theta).prediction!;
    const rt = new Runtime(plan, t.theta, new Float64Array(plan.paramCount), 1);
    let correct = 0;
    for (let i = 0; i < test.count; i++) {
      for (let j = 0; j < d; j++) rt.values[rt.offset(plan.data!.features) + j] = test.x[i * d + j];
      rt.n = 1;
      rt.forward();
      const out = Array.from(rt.values.subarray(rt.offset(pred.slot), rt.offset(pred.slot) + m));
      const truth = Array.from(test.y.subarray(i * m, i * m + m));
      if (out.indexOf(Math.max(...out)) === truth.indexOf(1)) correct++;
    }
    expect(r.accuracy).toBe(correct / test.count);
  });

  it('reads logits with a threshold of 0 for binary cross-entropy on logits', () => {
    const graph = buildMlp({
      sizes: [2, 4, 1],
      hidden: 'tanh',
      output: 'linear',
      level: 'dense',
      dataset: { dataset: 'circle', n: 200, noise: 0.1, seed: 2, testFraction: 0.25, batchSize: 10 },
      loss: { kind: 'loss.bce', params: { input: 'logits' } },
      optimizer: { kind: 'opt.adam', params: { lr: 0.03 } },
    });
    const t = trainer(graph, 1500);
    const ev = new Evaluator(t.plan, t.theta);
    expect(ev.prediction!.threshold).toBe(0);
    expect(ev.evaluate('test').accuracy!).toBeGreaterThanOrEqual(0.9);
    const grid = ev.predictGrid({ resolution: 20 })!;
    expect(grid.kind).toBe('probability');
    // Sigmoid of the logits: strictly between 0 and 1, high in the middle (the inner disc is class 1).
    expect(grid.min).toBeGreaterThan(0);
    expect(grid.max).toBeLessThan(1);
  });

  it('has no accuracy for regression', () => {
    const t = trainer(example('sine'), 200);
    const r = evaluate(t, 'test');
    expect(r.accuracy).toBeNull();
    expect(Number.isFinite(r.loss)).toBe(true);
  });

  it('has nothing to judge without a dataset', () => {
    const t = trainer(example('micrograd'), 1);
    expect(evaluate(t, 'train')).toEqual({ split: 'train', count: 0, loss: null, accuracy: null });
    expect(predictGrid(t)).toBeNull();
  });
});

describe('predictGrid', () => {
  it('draws the decision boundary of the circle: class 1 in the middle, class 0 in the corners', () => {
    const t = trainer(example('circle'), 2000);
    const grid = predictGrid(t, { resolution: 41 })!;
    expect(grid.dims).toBe(2);
    expect(grid.values.length).toBe(41 * 41);
    expect(grid.kind).toBe('probability');
    expect(grid.nodeId).toBe(t.plan.losses[0].inputs.prediction[0].sourceNode);
    expect(grid.x.min).toBeLessThan(-4);
    expect(grid.y!.max).toBeGreaterThan(4);
    const at = (i: number, j: number) => grid.values[j * 41 + i];
    expect(at(20, 20)).toBeGreaterThan(0.9);
    expect(at(0, 0)).toBeLessThan(0.1);
    expect(at(40, 40)).toBeLessThan(0.1);
  });

  it('shows any neuron’s own output when asked for a node', () => {
    const t = trainer(example('circle'), 200);
    const grid = predictGrid(t, { nodeId: nodeId('n1_1'), resolution: 10 })!;
    expect(grid.kind).toBe('value');
    expect(grid.port).toBe('out');
    // tanh: inside (−1, 1), and not constant.
    expect(grid.min).toBeGreaterThan(-1);
    expect(grid.max).toBeLessThan(1);
    expect(grid.max - grid.min).toBeGreaterThan(0.1);
    // z, its pre-activation, is a scratch buffer: atanh of the output.
    const z = predictGrid(t, { nodeId: nodeId('n1_1'), port: 'z', resolution: 10 })!;
    for (let i = 0; i < 100; i++) expect(Math.tanh(z.values[i])).toBeCloseTo(grid.values[i], 12);
    // A loss is not a function of the inputs alone.
    expect(predictGrid(t, { nodeId: nodeId('loss') })).toBeNull();
  });

  it('gives the class and its probability for multiclass, and one unit of a dense layer', () => {
    const t = trainer(example('gaussians3'), 500);
    const grid = predictGrid(t, { resolution: 30 })!;
    expect(grid.kind).toBe('class');
    expect(new Set(grid.classes)).toEqual(new Set([0, 1, 2]));
    for (const p of grid.values) {
      expect(p).toBeGreaterThanOrEqual(1 / 3);
      expect(p).toBeLessThanOrEqual(1);
    }
    const unit = predictGrid(t, { nodeId: nodeId('dense1'), index: 5, resolution: 5 })!;
    expect(unit.index).toBe(5);
    expect(unit.kind).toBe('value');
  });

  it('draws a curve for one input', () => {
    const t = trainer(example('sine'), 100);
    const grid = predictGrid(t)!;
    expect(grid.dims).toBe(1);
    expect(grid.y).toBeNull();
    expect(grid.values.length).toBe(40);
    expect(grid.kind).toBe('value');
  });
});
