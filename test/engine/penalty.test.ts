/**
 * The L1/L2 penalty node: its value is λ/2·Σw² or λ·Σ|w| over the weights it covers (worked out
 * here from θ, not by the node), it counts while training only, and with plain SGD an L2 penalty
 * takes the step that weight decay λ would.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { Trainer } from '../../src/engine/runtime/trainer';
import { Evaluator } from '../../src/engine/training/evaluate';
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
});
