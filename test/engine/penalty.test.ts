/**
 * The L1/L2 penalty node: its value is λ/2·Σw² or λ·Σ|w| over the weights it covers (worked out
 * here from θ, not by the node), it counts while training only, and with plain SGD an L2 penalty
 * takes the step that weight decay λ would.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { Trainer } from '../../src/engine/runtime/trainer';
import { Evaluator, penaltyAt } from '../../src/engine/training/evaluate';
import { TrainingSession } from '../../src/engine/training/session';
import { compileOrThrow } from './gradcheck';
import { GraphBuilder } from './graph-builder';

function network(penalty: Record<string, unknown> | null, connectHidden: boolean) {
  const g = new GraphBuilder(3);
  const d = g.node('dataset', { dataset: 'circle', n: 40, noise: 0.2, batchSize: 8, testFraction: 0.25 });
  const hidden = g.chain('dense', { units: 3, activation: 'tanh' }, [d, 'features']);
  const out = g.chain('dense', { units: 1 }, hidden);
  const opt = g.node('opt.sgd', { lr: 0.1 });
  const fit = g.loss('loss.bce', out, [d, 'target'], { input: 'logits' });
  if (penalty) {
    const p = g.node('loss.penalty', penalty);
    g.edge([fit, 'loss'], [p, 'loss']);
    if (connectHidden) g.edge(hidden, [p, 'layers']);
    g.edge([p, 'loss'], [opt, 'loss']);
  } else g.edge([fit, 'loss'], [opt, 'loss']);
  return { graph: g.graph(), hidden, out };
}

/** θ's numbers of one node's block, by name. */
function blockOf(trainer: Trainer, node: string, name: string): number[] {
  const b = trainer.plan.blocks.find((x) => x.nodeId === node && x.name === name)!;
  return Array.from(trainer.theta.subarray(b.offset, b.offset + b.size));
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe('the L1/L2 penalty', () => {
  it('adds λ/2·Σw² over the connected layer’s weights (not its biases) to L', () => {
    const { graph, hidden } = network({ norm: 'l2', lambda: 0.5 }, true);
    const plain = new Trainer(compileOrThrow(network(null, false).graph));
    const withPenalty = new Trainer(compileOrThrow(graph));
    plain.gradientStep();
    withPenalty.gradientStep();
    const w = blockOf(withPenalty, hidden, 'W');
    expect(w).toHaveLength(6);
    expect(withPenalty.loss - plain.loss).toBeCloseTo((0.5 / 2) * sum(w.map((v) => v * v)), 12);
  });

  it('adds λ·Σ|w| over every weight of the graph when no layer is connected', () => {
    const { graph, hidden, out } = network({ norm: 'l1', lambda: 0.1 }, false);
    const plain = new Trainer(compileOrThrow(network(null, false).graph));
    const withPenalty = new Trainer(compileOrThrow(graph));
    plain.gradientStep();
    withPenalty.gradientStep();
    const weights = [...blockOf(withPenalty, hidden, 'W'), ...blockOf(withPenalty, out, 'W')];
    expect(weights).toHaveLength(9);
    expect(withPenalty.loss - plain.loss).toBeCloseTo(0.1 * sum(weights.map(Math.abs)), 12);
  });

  it('leaves the test loss and accuracy alone: evaluation measures the fit to the data', () => {
    const { graph } = network({ norm: 'l2', lambda: 5 }, false);
    const { plan, diagnostics } = compile(graph);
    // The data loss trains through the penalty: no "not connected to the optimizer" warning.
    expect(diagnostics).toEqual([]);
    const trainer = new Trainer(plan!);
    const plainPlan = compileOrThrow(network(null, false).graph);
    const a = new Evaluator(trainer.plan, trainer.theta).evaluate('test');
    const b = new Evaluator(plainPlan, trainer.theta).evaluate('test');
    expect(a.loss).toBe(b.loss);
    expect(a.accuracy).not.toBeNull();
    expect(a.accuracy).toBe(b.accuracy);
  });

  it('with plain SGD, moves every covered weight by η·λ·w more than without it (weight decay’s step)', () => {
    const { graph, hidden } = network({ norm: 'l2', lambda: 0.2 }, true);
    const plain = new Trainer(compileOrThrow(network(null, false).graph));
    const withPenalty = new Trainer(compileOrThrow(graph));
    const before = blockOf(withPenalty, hidden, 'W');
    plain.trainStep();
    withPenalty.trainStep();
    const a = blockOf(plain, hidden, 'W');
    const b = blockOf(withPenalty, hidden, 'W');
    b.forEach((v, i) => {
      expect(a[i] - v).toBeCloseTo(0.1 * 0.2 * before[i], 12);
    });
    // The output layer's weights are not covered: the same step either way.
    expect(blockOf(withPenalty, graph.nodes[2].id, 'W')).toEqual(blockOf(plain, graph.nodes[2].id, 'W'));
  });

  it('is its own term for the loss chart: each evaluation carries λ/2·Σw² at its θ, chained penalties summed', () => {
    const g = new GraphBuilder(3);
    const d = g.node('dataset', { dataset: 'circle', n: 40, noise: 0.2, batchSize: 8, testFraction: 0.25 });
    const hidden = g.chain('dense', { units: 3, activation: 'tanh' }, [d, 'features']);
    const out = g.chain('dense', { units: 1 }, hidden);
    const fit = g.loss('loss.bce', out, [d, 'target'], { input: 'logits' });
    // L2 on the hidden layer, then L1 on every weight chained after it.
    const l2 = g.node('loss.penalty', { norm: 'l2', lambda: 0.4 });
    g.edge([fit, 'loss'], [l2, 'loss']);
    g.edge(hidden, [l2, 'layers']);
    const l1 = g.node('loss.penalty', { norm: 'l1', lambda: 0.03 });
    g.edge([l2, 'loss'], [l1, 'loss']);
    g.edge([l1, 'loss'], [g.node('opt.sgd', { lr: 0.1 }), 'loss']);
    const chained = g.graph();
    const session = new TrainingSession({ evaluateEvery: 1 });
    expect(session.load(chained).ok).toBe(true);
    for (let s = 0; s < 3; s++) session.step();
    const trainer = session.trainer!;
    const evaluation = session.evaluate()!;
    const w1 = blockOf(trainer, hidden, 'W');
    const w2 = blockOf(trainer, out, 'W');
    const expected = (0.4 / 2) * sum(w1.map((v) => v * v)) + 0.03 * sum([...w1, ...w2].map(Math.abs));
    expect(evaluation.penalty).toBeCloseTo(expected, 12);
    expect(penaltyAt(trainer.plan, trainer.theta)).toBeCloseTo(expected, 12);
    // The splits' losses are the data loss alone; without a penalty there is no such term.
    expect(penaltyAt(compileOrThrow(network(null, false).graph), trainer.theta)).toBeUndefined();
  });

  it('is a term of every step’s train loss: each snapshot sends it per step, as the data loss is sent', () => {
    const { graph, hidden } = network({ norm: 'l2', lambda: 0.5 }, true);
    const session = new TrainingSession({ evaluateEvery: 0 });
    expect(session.load(graph).ok).toBe(true);
    // θ before each step (the step's forward ran on it): λ/2·Σw² over the hidden weights, from θ here.
    const expected: number[] = [];
    const dataLoss: number[] = [];
    // The same network without the penalty, on the same batches (same seed), from the same θ.
    const plain = new Trainer(compileOrThrow(network(null, false).graph));
    for (let s = 0; s < 4; s++) {
      const w = blockOf(session.trainer!, hidden, 'W');
      expected.push((0.5 / 2) * sum(w.map((v) => v * v)));
      plain.theta.set(session.trainer!.theta);
      plain.trainStep();
      dataLoss.push(plain.loss);
      session.run({ steps: 1 });
    }
    const { losses } = session.snapshot({ lossesFrom: 1 })!;
    expect(losses.from).toBe(1);
    expect(losses.penalties).toHaveLength(4);
    Array.from(losses.penalties!).forEach((p, i) => {
      expect(p).toBeCloseTo(expected[i], 12);
      // The train loss is the data loss plus that penalty.
      expect(losses.values[i]).toBeCloseTo(dataLoss[i] + expected[i], 12);
    });
    // Without a penalty, no such term is sent.
    const bare = new TrainingSession();
    bare.load(network(null, false).graph);
    bare.run({ steps: 2 });
    expect(bare.snapshot({ lossesFrom: 1 })!.losses.penalties).toBeUndefined();
  });

  it('differs from optimizer weight decay as the inspector says: same weights’ step as Adam’s decay, but biases untouched; AdamW’s decay differs', () => {
    const build = (opt: [string, Record<string, unknown>], penalty: boolean) => {
      const g = new GraphBuilder(3);
      const d = g.node('dataset', { dataset: 'circle', n: 40, noise: 0.2, batchSize: 8 });
      const hidden = g.chain('dense', { units: 3, activation: 'tanh' }, [d, 'features']);
      const out = g.chain('dense', { units: 1 }, hidden);
      const o = g.node(opt[0], opt[1]);
      const fit = g.loss('loss.bce', out, [d, 'target'], { input: 'logits' });
      if (penalty) {
        const p = g.node('loss.penalty', { norm: 'l2', lambda: 0.3 });
        g.edge([fit, 'loss'], [p, 'loss']);
        g.edge([p, 'loss'], [o, 'loss']);
      } else g.edge([fit, 'loss'], [o, 'loss']);
      const trainer = new Trainer(compileOrThrow(g.graph()));
      trainer.trainStep();
      const first = [...blockOf(trainer, hidden, 'W'), ...blockOf(trainer, hidden, 'b')];
      trainer.trainStep();
      return { first, W: blockOf(trainer, hidden, 'W'), b: blockOf(trainer, hidden, 'b') };
    };
    const penalised = build(['opt.adam', { lr: 0.05 }], true);
    const decayed = build(['opt.adam', { lr: 0.05, weightDecay: 0.3 }], false);
    // Adam adds λ·θ to the gradient either way. Biases start at 0, where decay does nothing: the
    // first step is the same for every parameter…
    penalised.first.forEach((v, i) => {
      expect(v).toBeCloseTo(decayed.first[i], 12);
    });
    // …and from the same θ the second step is the same for the weights, but weight decay also
    // shrinks the biases, which the penalty never covers.
    penalised.W.forEach((v, i) => {
      expect(v).toBeCloseTo(decayed.W[i], 12);
    });
    expect(Math.max(...penalised.b.map((v, i) => Math.abs(v - decayed.b[i])))).toBeGreaterThan(1e-6);
    // AdamW shrinks outside the gradient: another step than the penalty's from the start.
    const adamw = build(['opt.adamw', { lr: 0.05, weightDecay: 0.3 }], false);
    const penalisedW = build(['opt.adamw', { lr: 0.05, weightDecay: 0 }], true);
    expect(Math.max(...adamw.first.map((v, i) => Math.abs(v - penalisedW.first[i])))).toBeGreaterThan(1e-4);
  });
});
