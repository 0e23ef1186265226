import { describe, expect, it } from 'vitest';
import { EXAMPLES, type Graph, type Trainer } from '../../src/engine';
import {
  TrainingSession,
  TrainingWatch,
  type WatchDiagnostic,
  type WatchOptions,
} from '../../src/engine/training';
import { example, planOf } from '../worker/training-graphs';
import { GraphBuilder } from './graph-builder';

const codes = (ds: readonly WatchDiagnostic[]) => ds.map((d) => d.code);

describe('dead ReLUs', () => {
  it('finds the border neuron dead after it is thrown to w ≈ −98.8 at step 4', () => {
    // Batch size 1: x = 2.9, −1, 3, 1000 in turn. From step 5 on the neuron only fires for x = −1,
    // so with K = 3 it is dead over steps 7, 8, 9 (x = 3, 1000, 2.9).
    const session = new TrainingSession({ watch: { k: 3 } });
    session.load(example('border-at-3'));
    for (let s = 1; s <= 8; s++) {
      session.step();
      expect(codes(session.diagnostics)).not.toContain('dead-relu');
    }
    session.step();
    const dead = session.diagnostics.find((d) => d.code === 'dead-relu')!;
    expect(dead).toMatchObject({ nodeId: 'neuron', since: 7, severity: 'warning' });
    expect(dead.units).toBeUndefined();
    expect(dead.message).toContain('“neuron” is a dead ReLU');
    expect(session.snapshot()!.diagnostics).toContainEqual(dead);
    // Step 10 is x = −1, where it fires again: no longer dead.
    session.step();
    expect(codes(session.diagnostics)).not.toContain('dead-relu');
  });

  it('never calls the healthy border neuron dead in its first four steps, whatever K', () => {
    const session = new TrainingSession({ watch: { k: 1 } });
    session.load(example('border-at-3'));
    for (let s = 1; s <= 4; s++) {
      session.step();
      expect(codes(session.diagnostics)).not.toContain('dead-relu');
    }
    session.step();
    expect(session.diagnostics.find((d) => d.code === 'dead-relu')?.since).toBe(5);
  });

  it('names the dead units of a dense layer and the dead inputs of a ReLU node', () => {
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'circle', n: 100, batchSize: 10 });
    // Units 1 and 3 start with a bias of −100: z ≤ 0 for every point of the circle set.
    const dense = g.node(
      'dense',
      { units: 4, activation: 'relu', biases: [0, -100, 0, -100] },
      { label: 'hidden' },
    );
    g.edge([data, 'features'], dense);
    const linear = g.node(
      'dense',
      { units: 3, activation: 'linear', biases: [0, -100, 0] },
      { label: 'pre' },
    );
    g.edge([data, 'features'], linear);
    const relu = g.chain('act.relu', {}, linear);
    const out = g.node('dense', { units: 1, activation: 'sigmoid' });
    g.edge(dense, out);
    g.edge(relu, out);
    const loss = g.loss('loss.bce', out, [data, 'target']);
    g.edge([loss, 'loss'], [g.node('opt.sgd', { lr: 0.01 }), 'loss']);
    const session = new TrainingSession({ watch: { k: 5 } });
    expect(session.load(g.graph()).ok).toBe(true);
    session.run({ steps: 4 });
    expect(codes(session.diagnostics)).not.toContain('dead-relu');
    session.step();
    const dead = session.diagnostics.filter((d) => d.code === 'dead-relu');
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({ nodeId: dense, units: [1, 3], since: 1 });
    expect(dead[0].message).toMatch(/^2 of 4 units of “hidden” are dead ReLUs \(units 1, 3\)/);
    expect(dead[1]).toMatchObject({ nodeId: relu, units: [1], since: 1 });
  });
});

describe('rising loss', () => {
  it('warns when the loss keeps going up', () => {
    // Full-batch regression with a learning rate past the edge of stability: every step overshoots further.
    const g = new GraphBuilder();
    const data = g.node('dataset', {
      dataset: 'linear',
      n: 20,
      testFraction: 0,
      batchSize: 20,
      shuffle: false,
    });
    const n = g.node('neuron', { activation: 'linear' });
    g.edge([data, 'x0'], n, { weight: 0.1 });
    const loss = g.loss('loss.mse', n, [data, 'target']);
    g.edge([loss, 'loss'], [g.node('opt.sgd', { lr: 2 }), 'loss']);
    const session = new TrainingSession({ watch: { k: 5 } });
    session.load(g.graph());
    const losses: number[] = [];
    for (let s = 0; s < 4; s++) {
      session.step();
      losses.push(session.trainer!.loss);
    }
    expect(codes(session.diagnostics)).not.toContain('loss-rising');
    session.run({ steps: 4 });
    const rising = session.diagnostics.find((d) => d.code === 'loss-rising')!;
    expect(rising).toBeDefined();
    expect(rising.since).toBe(2);
    expect(rising.message).toContain('since step 2');
    expect(losses[3]).toBeGreaterThan(losses[0]);
  });

  it('stays quiet while a healthy run learns', () => {
    const session = new TrainingSession();
    session.load(example('circle'));
    for (let s = 0; s < 500; s++) {
      session.step();
      expect(session.diagnostics).toEqual([]);
    }
  });
});

describe('rising loss, step by step', () => {
  it('warns on the K-th step in a row the smoothed loss rises, and not before; a fall ends it', () => {
    const plan = planOf(example('circle'));
    const t = {
      plan,
      step: 0,
      loss: 1,
      thetaGrad: new Float64Array(plan.paramCount),
      runtime: { n: 0 },
    } as unknown as Trainer & { step: number; loss: number };
    const watch = new TrainingWatch(plan, { k: 4, smoothing: 1 });
    const at = (step: number, loss: number) => {
      t.step = step;
      t.loss = loss;
      watch.observe(t);
      return watch.diagnostics.find((d) => d.code === 'loss-rising');
    };
    at(1, 1);
    expect(at(2, 0.9)).toBeUndefined();
    for (let s = 3; s <= 5; s++) expect(at(s, s)).toBeUndefined(); // rising 3 steps: not yet
    const warning = at(6, 6)!; // the 4th
    expect(warning).toMatchObject({ since: 3, severity: 'warning' });
    expect(warning.message).toMatch(/^The loss has been going up since step 3 \(4 or more steps in a row/);
    expect(warning.message).toContain('learning rate');
    expect(at(7, 7)).toBeDefined();
    expect(at(8, 6.5)).toBeUndefined();
  });
});

describe('exploding gradients', () => {
  /** A stand-in trainer: the watch reads θ's gradient, the loss, the step and the batch size. */
  function fake(plan: Trainer['plan']) {
    const t = {
      plan,
      step: 0,
      loss: 1,
      thetaGrad: new Float64Array(plan.paramCount),
      runtime: { n: 0 },
    };
    return t as unknown as Trainer & { step: number; loss: number };
  }

  it('flags a jump of the gradient norm against its recent median, and the block that jumped', () => {
    const plan = planOf(example('circle'));
    const watch = new TrainingWatch(plan, { window: 20 });
    const t = fake(plan);
    const target = plan.blocks[3];
    for (let s = 1; s <= 30; s++) {
      t.step = s;
      t.thetaGrad.fill(0.01 * (1 + (s % 3)));
      expect(watch.observe(t)).toBe(false);
    }
    expect(watch.diagnostics).toEqual([]);
    t.step = 31;
    t.thetaGrad[target.offset] = 50;
    expect(watch.observe(t)).toBe(true);
    const [global, block] = watch.diagnostics;
    expect(global).toMatchObject({ code: 'exploding-gradients', since: 31 });
    expect(global.message).toContain(target.label);
    expect(block).toMatchObject({ code: 'exploding-gradient', nodeId: target.nodeId, edgeId: target.edgeId });
    expect(watch.diagnostics.filter((d) => d.code === 'exploding-gradient')).toHaveLength(1);
    // Calm again: the warning goes.
    t.step = 32;
    t.thetaGrad[target.offset] = 0.02;
    watch.observe(t);
    expect(watch.diagnostics).toEqual([]);
  });

  it('blames the blocks of the step an episode began, however late the diagnostics are read', () => {
    const plan = planOf(example('circle'));
    const watch = new TrainingWatch(plan, { window: 20 });
    const t = fake(plan);
    const [first, second] = [plan.blocks[3], plan.blocks[5]];
    const calm = (s: number) => {
      t.step = s;
      t.thetaGrad.fill(0.01 * (1 + (s % 3)));
    };
    for (let s = 1; s <= 30; s++) {
      calm(s);
      watch.observe(t);
    }
    // Episode 1 begins at step 31 in `first`; the next steps explode mostly in `second`. Nobody
    // reads the diagnostics until step 33.
    for (let s = 31; s <= 33; s++) {
      calm(s);
      t.thetaGrad[first.offset] = s === 31 ? 50 : 1;
      t.thetaGrad[second.offset] = s === 31 ? 0.01 : 500;
      watch.observe(t);
    }
    const blamed = watch.diagnostics.filter((d) => d.code === 'exploding-gradient');
    expect(watch.diagnostics[0]).toMatchObject({ code: 'exploding-gradients', since: 31 });
    expect(blamed[0]).toMatchObject({ edgeId: first.edgeId, nodeId: first.nodeId });
    expect(blamed.map((d) => d.edgeId ?? d.nodeId)).not.toContain(second.edgeId ?? second.nodeId);
    // Calm, then episode 2 begins in `second`, read at once: blamed on its own start.
    for (let s = 35; s <= 60; s++) {
      calm(s);
      watch.observe(t);
    }
    expect(watch.diagnostics).toEqual([]);
    calm(61);
    t.thetaGrad[second.offset] = 500;
    expect(watch.observe(t)).toBe(true);
    const again = watch.diagnostics.filter((d) => d.code === 'exploding-gradient');
    expect(again[0]).toMatchObject({ edgeId: second.edgeId, nodeId: second.nodeId, since: 61 });
  });

  it('takes the routine spikes of a learned run for what they are, and still sees a real jump', () => {
    // Late in a healthy run most batches are learned: tiny gradients, and every 8th batch (one
    // still misclassified) 20× the median. Against the median each of those would be an explosion.
    const plan = planOf(example('circle'));
    const t = fake(plan);
    const quiet = new TrainingWatch(plan);
    const byMedian = new TrainingWatch(plan, { quantile: 0.5, confirm: 1 });
    let medianAlarms = 0;
    for (let s = 1; s <= 400; s++) {
      t.step = s;
      t.thetaGrad.fill(s % 8 === 0 ? 0.2 : 0.01);
      expect(quiet.observe(t) && quiet.diagnostics.length > 0).toBe(false);
      if (byMedian.observe(t) && byMedian.diagnostics.length > 0) medianAlarms++;
    }
    expect(medianAlarms).toBeGreaterThan(40);
    expect(quiet.diagnostics).toEqual([]);
    // A jump far above even the spikes is still an explosion.
    t.step = 401;
    t.thetaGrad.fill(0.01);
    t.thetaGrad[plan.blocks[2].offset] = 100;
    expect(quiet.observe(t)).toBe(true);
    expect(quiet.diagnostics[0]).toMatchObject({ code: 'exploding-gradients', since: 401 });
  });

  it('needs some history before judging', () => {
    const plan = planOf(example('circle'));
    const watch = new TrainingWatch(plan, { minHistory: 10 });
    const t = fake(plan);
    for (let s = 1; s <= 9; s++) {
      t.step = s;
      t.thetaGrad.fill(s === 9 ? 1000 : 0.01);
      watch.observe(t);
    }
    expect(watch.diagnostics).toEqual([]);
  });

  it('sees the border example’s jump at x = 1000 in step 4, and names the weight w', () => {
    const session = new TrainingSession({ watch: { minHistory: 3 } });
    session.load(example('border-at-3'));
    session.run({ steps: 3 });
    expect(session.diagnostics).toEqual([]);
    session.step();
    const [global, ...blocks] = session.diagnostics;
    expect(global).toMatchObject({ code: 'exploding-gradients', since: 4 });
    expect(blocks[0]).toMatchObject({ code: 'exploding-gradient', edgeId: 'e1', nodeId: 'neuron' });
    expect(blocks[0].message).toMatch(/^The gradient of the weight w jumped to/);
  });
});

describe('exploding gradients over the built-in examples', () => {
  /** Steps each example states it needs (its `result`); the border example diverges by design. */
  const statedSteps = (result: string) => Number(/([\d,]+) steps/.exec(result)?.[1].replace(',', '') ?? 1);
  /** The steps at which an `exploding-gradients` warning appears (each episode once). */
  function alarms(graph: Graph, steps: number, watch: WatchOptions = {}): number[] {
    const session = new TrainingSession({ evaluateEvery: 0, watch });
    session.load(graph);
    const out: number[] = [];
    let was = false;
    for (let s = 0; s < steps && session.step(); s++) {
      const on = session.diagnostics.some((d) => d.code === 'exploding-gradients');
      if (on && !was) out.push(session.currentStep);
      was = on;
    }
    return out;
  }
  /** The rule before: one step 10× above the recent 90th percentile, no floor. */
  const before: WatchOptions = { confirm: 1, jump: Number.POSITIVE_INFINITY, earlyFloor: false };
  const sgd = (graph: Graph, lr: number): Graph => ({
    ...graph,
    nodes: graph.nodes.map((n) => (n.kind === 'opt.adam' ? { ...n, kind: 'opt.sgd', params: { lr } } : n)),
  });

  for (const ex of EXAMPLES.filter((e) => e.id !== 'border-at-3')) {
    it(`raises none while ${ex.id} trains for its stated steps`, { timeout: 60_000 }, () => {
      expect(alarms(ex.build(), statedSteps(ex.result))).toEqual([]);
    });
  }

  it('raises none late in a long healthy circle run, where the single-step rule raised several', {
    timeout: 60_000,
  }, () => {
    const graph = example('circle');
    expect(alarms(graph, 20_000, before).length).toBeGreaterThan(10);
    expect(alarms(graph, 20_000)).toEqual([]);
  });

  for (const lr of [0.5, 1]) {
    it(`still catches the sine fit diverging under SGD at lr ${lr}, at most one step later`, () => {
      const graph = sgd(example('sine'), lr);
      const old = alarms(graph, 100, before);
      const now = alarms(graph, 100);
      expect(old.length).toBeGreaterThan(0);
      expect(now[0] - old[0]).toBeGreaterThanOrEqual(0);
      expect(now[0] - old[0]).toBeLessThanOrEqual(1);
    });
  }

  it('counts a single huge jump at once, and a single 10–100× spike only if the next step stays high', () => {
    const plan = planOf(example('circle'));
    const t = {
      plan,
      step: 0,
      loss: 1,
      thetaGrad: new Float64Array(plan.paramCount),
      runtime: { n: 0 },
    } as unknown as Trainer & { step: number };
    const watch = new TrainingWatch(plan);
    const at = (s: number, g: number) => {
      t.step = s;
      t.thetaGrad.fill(g);
      watch.observe(t);
      return watch.diagnostics.find((d) => d.code === 'exploding-gradients');
    };
    for (let s = 1; s <= 30; s++) at(s, 0.01);
    expect(at(31, 0.3)).toBeUndefined(); // 30×, alone
    expect(at(32, 0.01)).toBeUndefined();
    expect(at(33, 0.3)).toBeUndefined(); // 30×…
    expect(at(34, 0.3)).toMatchObject({ since: 33 }); // …twice: since the first of the two
    for (let s = 35; s <= 90; s++) at(s, 0.01);
    expect(at(91, 2)).toMatchObject({ since: 91 }); // 200×: at once
  });
});
