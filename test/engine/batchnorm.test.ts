/**
 * BatchNorm's two modes and its running statistics: a training step normalises with the batch and
 * then moves the running mean and (unbiased) variance towards the batch's; evaluation normalises
 * with the running statistics, so an example's output does not depend on the others; the optimizer
 * never touches the running statistics; a seek and a replay reproduce them.
 * (Finite differences in training mode: kinds-gradients.test.ts and composed-gradients.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/engine/compiler/plan';
import type { NodeId } from '../../src/engine/graph';
import { Runtime } from '../../src/engine/runtime/runtime';
import { Trainer } from '../../src/engine/runtime/trainer';
import { Evaluator } from '../../src/engine/training/evaluate';
import { TrainingSession } from '../../src/engine/training/session';
import { compileOrThrow, DEFAULTS } from './gradcheck';
import { GraphBuilder } from './graph-builder';

const UNITS = 4;

function network(
  bn: Record<string, unknown> = {},
  optimizer: [string, Record<string, unknown>] = ['opt.sgd', { lr: 0.2 }],
) {
  const g = new GraphBuilder(8);
  const data = g.node('dataset', {
    dataset: 'gaussians3',
    n: 90,
    noise: 0.8,
    batchSize: 12,
    testFraction: 0.2,
  });
  const hidden = g.chain('dense', { units: UNITS, activation: 'tanh', init: 'uniform' }, [data, 'features']);
  const norm = g.chain('batchnorm', { momentum: 0.1, eps: 1e-5, ...bn }, hidden);
  const out = g.chain('dense', { units: 3, init: 'uniform' }, norm);
  const loss = g.loss('loss.cce', out, [data, 'target'], { input: 'logits' });
  g.edge([loss, 'loss'], [g.node(optimizer[0], optimizer[1]), 'loss']);
  return { graph: g.graph(), hidden, norm };
}

function slotValues(plan: Plan, rt: Runtime, node: NodeId, name: string): number[] {
  const pn = plan.nodes.get(node)!;
  const slot = pn.outputs[name] ?? pn.scratch[name];
  const off = rt.offset(slot);
  return Array.from(rt.values.subarray(off, off + rt.n * slot.width));
}

function block(plan: Plan, theta: Float64Array, node: NodeId, name: string): number[] {
  const b = plan.nodes.get(node)!.blocks[name];
  return Array.from(theta.subarray(b.offset, b.offset + b.size));
}

/** Column j of an n × UNITS row-major batch. */
const column = (rows: number[], j: number) => rows.filter((_, i) => i % UNITS === j);
const meanOf = (v: number[]) => v.reduce((a, x) => a + x, 0) / v.length;

describe('BatchNorm', () => {
  it('keeps its running mean and variance after the trained parameters, out of the trainable count', () => {
    const { graph, norm } = network();
    const plan = compileOrThrow(graph);
    const trained = plan.blocks.filter((b) => !b.buffer);
    const buffers = plan.blocks.filter((b) => b.buffer);
    expect(buffers.map((b) => b.name)).toEqual(['running_mean', 'running_var']);
    expect(buffers.every((b) => b.nodeId === norm && b.offset >= plan.trainableCount)).toBe(true);
    expect(trained.every((b) => b.offset + b.size <= plan.trainableCount)).toBe(true);
    // Dense 2→4 (12), γ and β (8), dense 4→3 (15) are trained; 2 × 4 running statistics are not.
    expect(plan.trainableCount).toBe(12 + 8 + 15);
    expect(plan.paramCount).toBe(12 + 8 + 15 + 8);
    const theta = new Trainer(plan).theta;
    expect(block(plan, theta, norm, 'running_mean')).toEqual([0, 0, 0, 0]);
    expect(block(plan, theta, norm, 'running_var')).toEqual([1, 1, 1, 1]);
  });

  it('after a training step, moves the running statistics a fraction m towards the batch’s mean and unbiased variance', () => {
    const { graph, hidden, norm } = network({ momentum: 0.25 });
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    let mean = [0, 0, 0, 0];
    let variance = [1, 1, 1, 1];
    for (let s = 0; s < 3; s++) {
      trainer.runPhase(); // forward: the batch the step normalises
      const x = slotValues(plan, trainer.runtime, hidden, 'out');
      const n = x.length / UNITS;
      expect(n).toBe(12);
      const batchMean = [0, 1, 2, 3].map((j) => meanOf(column(x, j)));
      const unbiased = [0, 1, 2, 3].map(
        (j) => column(x, j).reduce((a, v) => a + (v - batchMean[j]) ** 2, 0) / (n - 1),
      );
      trainer.trainStep();
      mean = mean.map((m, j) => 0.75 * m + 0.25 * batchMean[j]);
      variance = variance.map((v, j) => 0.75 * v + 0.25 * unbiased[j]);
      block(plan, trainer.theta, norm, 'running_mean').forEach((v, j) => {
        expect(v).toBeCloseTo(mean[j], 12);
      });
      block(plan, trainer.theta, norm, 'running_var').forEach((v, j) => {
        expect(v).toBeCloseTo(variance[j], 12);
      });
    }
    // The step's change of the running statistics is shown like a parameter's.
    const b = plan.nodes.get(norm)!.blocks.running_mean;
    expect(Array.from(trainer.delta.subarray(b.offset, b.offset + b.size)).some((d) => d !== 0)).toBe(true);
  });

  it('evaluates with the running statistics: an example alone gives what it gives among others', () => {
    const { graph, hidden, norm } = network();
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    for (let s = 0; s < 20; s++) trainer.trainStep();
    const theta = trainer.theta;
    const table = plan.data!.table;
    const features = plan.data!.features;
    const run = (rows: number, from: number) => {
      const rt = new Runtime(plan, theta, new Float64Array(plan.paramCount), rows);
      rt.values.set(table.test.x.subarray(from * 2, (from + rows) * 2), rt.offset(features));
      rt.n = rows;
      rt.forward();
      return { x: slotValues(plan, rt, hidden, 'out'), y: slotValues(plan, rt, norm, 'out') };
    };
    const five = run(5, 0);
    const gamma = block(plan, theta, norm, 'gamma');
    const beta = block(plan, theta, norm, 'beta');
    const mean = block(plan, theta, norm, 'running_mean');
    const variance = block(plan, theta, norm, 'running_var');
    five.y.forEach((y, i) => {
      const j = i % UNITS;
      expect(y).toBeCloseTo(gamma[j] * ((five.x[i] - mean[j]) / Math.sqrt(variance[j] + 1e-5)) + beta[j], 12);
    });
    expect(run(1, 3).y).toEqual(five.y.slice(3 * UNITS, 4 * UNITS));
    // Training mode would normalise the five by their own statistics instead: another result.
    const trainRt = new Runtime(plan, theta, new Float64Array(plan.paramCount), 5, { mode: 'train' });
    trainRt.values.set(table.test.x.subarray(0, 10), trainRt.offset(features));
    trainRt.n = 5;
    trainRt.forward();
    expect(slotValues(plan, trainRt, norm, 'out')).not.toEqual(five.y);
    // The test loss the learner sees is an evaluation: the same whatever the batch size.
    const loss = new Evaluator(plan, theta).evaluate('test').loss!;
    expect(Number.isFinite(loss)).toBe(true);
  });

  it('in evaluation, backprop through the running statistics agrees with finite differences', () => {
    const { graph } = network({ eps: 1e-3 });
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    for (let s = 0; s < 15; s++) trainer.trainStep();
    const theta = trainer.theta.slice();
    const grad = new Float64Array(plan.paramCount);
    const rt = new Runtime(plan, theta, grad, 8);
    rt.values.set(plan.data!.table.test.x.subarray(0, 16), rt.offset(plan.data!.features));
    rt.values.set(plan.data!.table.test.y.subarray(0, 24), rt.offset(plan.data!.target));
    rt.n = 8;
    const loss = () => {
      rt.forward();
      return rt.computeLoss();
    };
    loss();
    rt.backward();
    const analytic = grad.slice();
    const f0 = rt.offset(plan.data!.features);
    const featureGrads = rt.grads.slice(f0, f0 + 16);
    const { eps, atol, rtol } = DEFAULTS;
    const numeric = (array: Float64Array, i: number) => {
      const saved = array[i];
      array[i] = saved + eps;
      const up = loss();
      array[i] = saved - eps;
      const down = loss();
      array[i] = saved;
      return (up - down) / (2 * eps);
    };
    let largest = 0;
    for (let i = 0; i < plan.trainableCount; i++) {
      const d = numeric(theta, i);
      largest = Math.max(largest, Math.abs(analytic[i]));
      expect(Math.abs(analytic[i] - d), `θ[${i}]`).toBeLessThanOrEqual(atol + rtol * Math.abs(d));
    }
    for (let i = 0; i < 16; i++) {
      const d = numeric(rt.values, f0 + i);
      expect(Math.abs(featureGrads[i] - d), `feature ${i}`).toBeLessThanOrEqual(atol + rtol * Math.abs(d));
    }
    expect(largest).toBeGreaterThan(1e-3);
  });

  it('is never stepped by the optimizer: with momentum 0 the running statistics stay put under weight decay', () => {
    for (const opt of [
      ['opt.sgd', { lr: 0.2, momentum: 0.9, weightDecay: 0.5 }],
      ['opt.adamw', { lr: 0.05, weightDecay: 0.5 }],
    ] as [string, Record<string, unknown>][]) {
      const { graph, norm } = network({ momentum: 0 }, opt);
      const plan = compileOrThrow(graph);
      const trainer = new Trainer(plan);
      const gammaBefore = block(plan, trainer.theta, norm, 'gamma');
      for (let s = 0; s < 10; s++) trainer.trainStep();
      expect(block(plan, trainer.theta, norm, 'running_mean')).toEqual([0, 0, 0, 0]);
      expect(block(plan, trainer.theta, norm, 'running_var')).toEqual([1, 1, 1, 1]);
      expect(block(plan, trainer.theta, norm, 'gamma')).not.toEqual(gammaBefore);
    }
  });

  it('shows a past step’s running statistics when seeking, and replays onto the same θ', () => {
    const { graph } = network({}, ['opt.adam', { lr: 0.05 }]);
    const session = new TrainingSession({ history: { recent: 2 } });
    session.load(graph);
    const plan = compileOrThrow(graph);
    const trainer = new Trainer(plan);
    const thetaAfter: Float64Array[] = [trainer.theta.slice()];
    for (let s = 0; s < 12; s++) {
      trainer.trainStep();
      thetaAfter.push(trainer.theta.slice());
      session.step();
    }
    const history = session.timeline!;
    // A step recomputed from the checkpoint before it (not kept itself), and one that is kept.
    const recomputed = [...Array(12).keys()].find(
      (s) => s > 0 && history.checkpoint(s - 1) && !history.at(s),
    );
    expect(recomputed).toBeDefined();
    for (const step of [recomputed!, 12]) {
      session.seek(step);
      expect(Array.from(session.snapshot()!.theta), `step ${step}`).toEqual(Array.from(thetaAfter[step]));
    }
    session.seek(null);
    expect(history.at(11)).not.toBeNull();
    expect(session.rewind(11).matchesHistory).toBe(true);
    expect(Array.from(session.trainer!.theta)).toEqual(Array.from(thetaAfter[11]));
  });
});
