/**
 * Dropout's training-time behaviour: masks drawn from the document's seed, a new one each step, the
 * same one whenever that step is run again (replay, seek, finite differences), and no dropping at
 * all outside training.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/engine/compiler/plan';
import type { NodeId } from '../../src/engine/graph';
import { Runtime } from '../../src/engine/runtime/runtime';
import { uniformAt } from '../../src/engine/runtime/step-random';
import { Trainer } from '../../src/engine/runtime/trainer';
import { Evaluator } from '../../src/engine/training/evaluate';
import { TrainingSession } from '../../src/engine/training/session';
import { compileOrThrow } from './gradcheck';
import { GraphBuilder } from './graph-builder';

function network(rate: number, seed = 4) {
  const g = new GraphBuilder(seed);
  const data = g.node('dataset', {
    dataset: 'gaussians3',
    n: 150,
    noise: 1,
    batchSize: 30,
    testFraction: 0.2,
  });
  const hidden = g.chain('dense', { units: 20, activation: 'tanh' }, [data, 'features']);
  const drop = g.chain('dropout', { rate }, hidden);
  const out = g.chain('dense', { units: 3 }, drop);
  const loss = g.loss('loss.cce', out, [data, 'target'], { input: 'logits' });
  g.edge([loss, 'loss'], [g.node('opt.adam', { lr: 0.01 }), 'loss']);
  return { graph: g.graph(), drop, hidden };
}

function buffer(plan: Plan, rt: Runtime, node: NodeId, name: string): number[] {
  const pn = plan.nodes.get(node)!;
  const slot = pn.outputs[name] ?? pn.scratch[name];
  const off = rt.offset(slot);
  return Array.from(rt.values.subarray(off, off + rt.n * slot.width));
}

describe('Dropout', () => {
  it('drops about a fraction p of the numbers while training, and scales the kept ones by 1/(1 − p)', () => {
    const { graph, drop, hidden } = network(0.3);
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    let dropped = 0;
    let total = 0;
    for (let s = 0; s < 20; s++) {
      trainer.runPhase(); // forward
      const mask = buffer(plan, trainer.runtime, drop, 'mask');
      const x = buffer(plan, trainer.runtime, hidden, 'out');
      const y = buffer(plan, trainer.runtime, drop, 'out');
      mask.forEach((m, i) => {
        expect(y[i]).toBeCloseTo((m * x[i]) / 0.7, 12);
      });
      dropped += mask.filter((m) => m === 0).length;
      total += mask.length;
      trainer.trainStep();
    }
    // 120 training rows in batches of 30: 12,000 Bernoulli(0.3) draws: the standard deviation of the share is 0.004.
    expect(total).toBe(20 * 30 * 20);
    expect(dropped / total).toBeGreaterThan(0.28);
    expect(dropped / total).toBeLessThan(0.32);
  });

  it('draws a new mask each step, the same one in another run from the same seed, another from another seed', () => {
    const masks = (seed: number) => {
      const { graph, drop } = network(0.5, seed);
      const plan = compileOrThrow(graph);
      const trainer = new Trainer(plan);
      const out: number[][] = [];
      for (let s = 0; s < 3; s++) {
        trainer.runPhase();
        out.push(buffer(plan, trainer.runtime, drop, 'mask'));
        trainer.trainStep();
      }
      return out;
    };
    const a = masks(4);
    expect(a[1]).not.toEqual(a[0]);
    expect(a[2]).not.toEqual(a[1]);
    expect(masks(4)).toEqual(a);
    expect(masks(5)[0]).not.toEqual(a[0]);
  });

  it('passes its input through when evaluating: the test set, the plane and predictions', () => {
    const { graph, drop, hidden } = network(0.9);
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    trainer.trainStep();
    const rt = new Runtime(plan, trainer.theta, new Float64Array(plan.paramCount), 5);
    const table = plan.data!.table;
    rt.values.set(table.test.x.subarray(0, 5 * 2), rt.offset(plan.data!.features));
    rt.n = 5;
    rt.forward();
    expect(buffer(plan, rt, drop, 'out')).toEqual(buffer(plan, rt, hidden, 'out'));
    expect(buffer(plan, rt, drop, 'mask').every((m) => m === 1)).toBe(true);
    // With p = 0.9 a training-mode evaluation would wreck the loss; the Evaluator's is the clean one.
    const withDropout = new Evaluator(plan, trainer.theta).evaluate('test').loss!;
    const { graph: clean } = network(0);
    const noDrop = new Evaluator(compileOrThrow(clean), trainer.theta).evaluate('test').loss!;
    expect(withDropout).toBe(noDrop);
  });

  it('shows a past step with the mask that step drew (seek), and replays onto the same θ', () => {
    const { graph, drop } = network(0.5);
    const session = new TrainingSession();
    session.load(graph);
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    const maskOfStep: number[][] = [];
    for (let s = 0; s < 6; s++) {
      trainer.runPhase();
      maskOfStep.push(buffer(plan, trainer.runtime, drop, 'mask'));
      trainer.trainStep();
      session.step();
    }
    // Step 3 (the third completed) ran its forward pass with the mask drawn third.
    session.seek(3);
    const slot = plan.nodes.get(drop)!.scratch.mask;
    const shown = session.snapshot()!.values.example.subarray(slot.base, slot.base + slot.width);
    expect(Array.from(shown)).toEqual(maskOfStep[2].slice(0, slot.width));
    session.seek(null);
    const rewound = session.rewind(4);
    expect(rewound.matchesHistory).toBe(true);
    expect(maskOfStep[2]).not.toEqual(maskOfStep[3]);
  });

  it('draws its numbers from a fixed function of seed, node, step and index', () => {
    // Not a moving generator: asking twice, or in another order, gives the same number.
    const u = uniformAt(12345, 7, 99);
    expect(uniformAt(12345, 7, 98)).not.toBe(u);
    expect(uniformAt(12345, 7, 99)).toBe(u);
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThan(1);
  });
});
