import { describe, expect, it } from 'vitest';
import { parametersByLabel, Trainer } from '../../src/engine';
import { checkPhase, firstNonFinite, TrainingSession } from '../../src/engine/training';
import { example, planOf, trained, withParams } from '../worker/training-graphs';
import { GraphBuilder } from './graph-builder';

describe('firstNonFinite', () => {
  it('finds NaN and both infinities, within a range', () => {
    const a = new Float64Array([1, 2, Number.NaN, 4, Number.POSITIVE_INFINITY]);
    expect(firstNonFinite(a)).toBe(2);
    expect(firstNonFinite(a, 3)).toBe(4);
    expect(firstNonFinite(a, 0, 2)).toBe(-1);
    expect(firstNonFinite(new Float64Array([Number.NEGATIVE_INFINITY]))).toBe(0);
    expect(firstNonFinite(new Float64Array([Number.MAX_VALUE, -0]))).toBe(-1);
  });

  it('reports nothing on a healthy run', () => {
    const t = new Trainer(planOf(example('circle')));
    for (let s = 0; s < 50; s++) {
      for (let p = 0; p < 4; p++) expect(checkPhase(t, t.runPhase())).toBeNull();
    }
  });
});

describe('non-finite numbers pause the session', () => {
  it('stops the border example at learning rate 10 with the step and the node, θ at the last finite step', () => {
    const graph = withParams(example('border-at-3'), 'opt.sgd', { lr: 10 });
    const session = new TrainingSession();
    session.load(graph);
    const done = session.run({ steps: 10_000 });
    const report = session.nonFinite!;
    expect(report).not.toBeNull();
    expect(session.paused).toBe(true);
    // The weights grew every epoch until ½(ŷ − y)² overflowed in the loss.
    expect(report.what).toBe('loss');
    expect(report.phase).toBe('loss');
    expect(report.nodeId).toBe('loss');
    expect(report.value).toBe(Number.POSITIVE_INFINITY);
    expect(done).toBe(report.step - 1);
    expect(report.message).toContain(`At step ${report.step} `);
    expect(report.message).toContain('“loss”');
    expect(report.message).toContain('“neuron”');
    expect(report.message).toMatch(/learning rate/);
    // θ is the last finite step's: the same as a plain trainer after step − 1 steps, and the history's.
    const t = session.trainer!;
    const reference = trained(graph, report.step - 1);
    expect(t.theta).toEqual(reference.theta);
    expect(t.step).toBe(report.step - 1);
    expect(session.timeline!.at(report.step - 1)).toEqual(t.theta);
    expect(Array.from(t.theta).every(Number.isFinite)).toBe(true);
    // Refuses to go on…
    const theta = t.theta.slice();
    expect(session.step()).toBe(false);
    expect(session.phase()).toBeNull();
    expect(session.run({ steps: 5 })).toBe(0);
    expect(t.theta).toEqual(theta);
    const snap = session.snapshot()!;
    expect(snap.paused).toBe(true);
    expect(snap.nonFinite).toEqual(report);
    // …until reset.
    session.reset();
    expect(session.paused).toBe(false);
    expect(session.step()).toBe(true);
  });

  it('shows the last finite step everywhere: loss, step, batch, values, gradients, Δθ and the chart', () => {
    const graph = withParams(example('border-at-3'), 'opt.sgd', { lr: 10 });
    const session = new TrainingSession({ evaluateEvery: 0 });
    session.load(graph);
    session.run({ steps: 10_000 });
    const report = session.nonFinite!;
    const last = report.step - 1;
    expect(last).toBeGreaterThan(1);
    // The same graph, run to the last finite step and shown there by a healthy session.
    const healthy = new TrainingSession({ evaluateEvery: 0 });
    healthy.load(graph);
    healthy.run({ steps: last });
    const want = healthy.snapshot({ lossesFrom: 1 })!;
    const got = session.snapshot({ lossesFrom: 1 })!;
    expect(Number.isFinite(got.loss)).toBe(true);
    expect(got.loss).toBe(want.loss);
    expect(got).toMatchObject({
      step: last,
      liveStep: last,
      epoch: want.epoch,
      seeking: false,
      paused: true,
    });
    expect(got.phase.last).toBe('update');
    expect(got.phase.next).toBe('forward');
    for (const key of ['theta', 'thetaGrad', 'delta'] as const) expect(got[key]).toEqual(want[key]);
    expect(got.values).toEqual(want.values);
    expect(got.grads).toEqual(want.grads);
    expect(got.batch).toEqual(want.batch);
    expect(got.optimizer).toEqual(want.optimizer);
    expect(got.losses).toEqual(want.losses);
    expect(Array.from(got.losses.values).every(Number.isFinite)).toBe(true);
    // Seeking back and returning shows the last finite step again, not the broken one.
    session.seek(1);
    expect(session.snapshot()!.seeking).toBe(true);
    session.seek(null);
    expect(session.snapshot()!.loss).toBe(want.loss);
    expect(session.snapshot()!.values).toEqual(want.values);
    session.seek(last);
    expect(session.snapshot()!.seeking).toBe(false);
    // The gradient explained is that step's too (the broken step's was astronomically larger).
    expect(session.verifyGradient(0).analytic).toBe(want.thetaGrad[0]);
  });

  it('everything shown at the last finite step is finite: the gradient into the data overflowing counts too', () => {
    // Border, learning rate 10, w = 1e150: at step 7 the loss overflows, but already at step 6
    // ∂L/∂x = ∂L/∂ŷ · w ≈ 1e155 · 1e155 overflowed into the dataset's output (θ's gradients stayed
    // finite), and the canvas showed ∂ = −∞ on the dataset at the "last finite" step.
    const base = withParams(example('border-at-3'), 'opt.sgd', { lr: 10 });
    const graph = { ...base, edges: base.edges.map((e) => (e.id === 'e1' ? { ...e, weight: 1e150 } : e)) };
    const session = new TrainingSession({ evaluateEvery: 0 });
    session.load(graph);
    session.run({ steps: 100 });
    const report = session.nonFinite!;
    expect(report).not.toBeNull();
    expect(report.what).toBe('gradient');
    expect(report.nodeId).toBe('neuron');
    expect(report.message).toContain('“border data”');
    const snap = session.snapshot({ lossesFrom: 1 })!;
    expect(snap.step).toBe(report.step - 1);
    const finite = (a: ArrayLike<number>) => Array.from(a).every(Number.isFinite);
    expect(Number.isFinite(snap.loss)).toBe(true);
    for (const a of [snap.theta, snap.thetaGrad, snap.delta, snap.losses.values])
      expect(finite(a)).toBe(true);
    for (const arena of [snap.values, snap.grads]) {
      expect(finite(arena.example)).toBe(true);
      expect(finite(arena.mean)).toBe(true);
    }
    // Every step before, seeked on the timeline, is finite as well.
    for (let step = 0; step < snap.step; step++) {
      session.seek(step);
      const s = session.snapshot()!;
      expect(finite(s.grads.example) && finite(s.values.example)).toBe(true);
    }
  });

  it('catches a weight that overflows in the update, naming it, and restores θ', () => {
    // L = a · 10^308: ∂L/∂a = 10^308 is finite, but a − 10 · 10^308 is −Infinity.
    const g = new GraphBuilder();
    const a = g.node('math.parameter', { value: 1 }, { label: 'a', paramLabels: { value: 'a' } });
    const c = g.node('math.constant', { value: 1e308 });
    const product = g.chain('math.multiply', {}, a, c);
    const objective = g.chain('loss.objective', {}, product);
    g.edge([objective, 'loss'], [g.node('opt.sgd', { lr: 10 }), 'loss']);
    const session = new TrainingSession();
    expect(session.load(g.graph()).ok).toBe(true);
    expect(session.step()).toBe(false);
    const report = session.nonFinite!;
    expect(report).toMatchObject({ phase: 'update', step: 1, what: 'parameter', nodeId: a, block: 'a' });
    expect(report.value).toBe(Number.NEGATIVE_INFINITY);
    expect(report.message).toBe(
      'At step 1 the parameter a of “a” became −Infinity during the update: the learning rate is probably too large. Training stopped at the last step where every number was finite (0).',
    );
    const t = session.trainer!;
    expect(t.step).toBe(0);
    expect(parametersByLabel(t.plan, t.theta).a).toBe(1);
  });

  it('names the weight of an edge when its update overflows', () => {
    const g = new GraphBuilder();
    const x = g.node('math.constant', { value: 1e308 });
    const n = g.node('neuron', { activation: 'linear' }, { label: 'h' });
    const e = g.edge(x, n, { weight: 1, label: 'w' });
    const objective = g.chain('loss.objective', {}, n);
    g.edge([objective, 'loss'], [g.node('opt.sgd', { lr: 10 }), 'loss']);
    const session = new TrainingSession();
    session.load(g.graph());
    session.step();
    expect(session.nonFinite).toMatchObject({ what: 'parameter', edgeId: e, nodeId: n, step: 1 });
    expect(session.nonFinite!.message).toMatch(/^At step 1 the weight w became −Infinity during the update/);
  });

  it('traces a NaN back to the node that made it', () => {
    // MSLE takes log(1 + ŷ): with ŷ = −3 the loss is NaN; the neuron's own numbers are fine.
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'linear', n: 20, testFraction: 0, batchSize: 4 });
    const n = g.node('neuron', { activation: 'linear', bias: -3 }, { label: 'h' });
    g.edge([data, 'x0'], n, { weight: 0 });
    const loss = g.loss('loss.msle', n, [data, 'target']);
    g.edge([loss, 'loss'], [g.node('opt.sgd'), 'loss']);
    const session = new TrainingSession();
    session.load(g.graph());
    session.step();
    expect(session.nonFinite).toMatchObject({ what: 'loss', phase: 'loss', nodeId: loss, step: 1 });
    expect(Number.isNaN(session.nonFinite!.value)).toBe(true);
    expect(session.nonFinite!.message).toContain('NaN');
    expect(session.trainer!.nextPhase).toBe('backward');
  });
});
