import { describe, expect, it } from 'vitest';
import { type Graph, nodeId } from '../../src/engine';
import { TrainingSession, type TrainingSnapshot } from '../../src/engine/training';
import { example, planOf, trained } from '../worker/training-graphs';

function session(graph: Graph, options: ConstructorParameters<typeof TrainingSession>[0] = {}) {
  const s = new TrainingSession(options);
  const result = s.load(graph);
  expect(result.ok).toBe(true);
  return s;
}

/** The parts of a snapshot that say what the canvas shows. */
const shown = (s: TrainingSnapshot) => ({
  step: s.step,
  epoch: s.epoch,
  loss: s.loss,
  theta: s.theta,
  thetaGrad: s.thetaGrad,
  delta: s.delta,
  batch: s.batch,
  values: s.values,
  grads: s.grads,
});

describe('TrainingSession', () => {
  it('loads, reporting diagnostics, and trains like a plain trainer', () => {
    const s = new TrainingSession();
    const bad = s.load({ nodes: [], edges: [], seed: 1 });
    expect(bad.ok).toBe(true);
    const broken = example('circle');
    const result = s.load({ ...broken, edges: broken.edges.filter((e) => e.targetHandle !== 'target') });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.code === 'no-target')).toBe(true);
    expect(s.step()).toBe(false);
    expect(s.snapshot()).toBeNull();

    const good = s.load(example('circle'));
    expect(good.ok).toBe(true);
    expect(good.layout!.paramCount).toBe(planOf(example('circle')).paramCount);
    expect(s.run({ steps: 25 })).toBe(25);
    expect(s.trainer!.theta).toEqual(trained(example('circle'), 25).theta);
  });

  it('runs phase by phase, saying what each phase touched', () => {
    const s = session(example('xor'));
    const layout = s.layout!;
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const phase = s.phase()!;
      seen.push(phase);
      const snap = s.snapshot()!;
      expect(snap.phase.last).toBe(phase);
      expect(snap.phase.touched).toEqual(layout.phases[phase]);
    }
    expect(seen).toEqual(['forward', 'loss', 'backward', 'update', 'forward']);
    expect(s.currentStep).toBe(1);
    const { forward, loss, backward, update } = layout.phases;
    expect(forward.nodes[0]).toBe('data');
    expect(loss.nodes).toEqual(['loss']);
    expect(backward.nodes).toEqual([...forward.nodes, ...loss.nodes].reverse());
    expect(update.nodes[0]).toBe('optimizer');
    expect(update.edges.length).toBe(layout.blocks.filter((b) => b.edgeId).length);
    // step() finishes the step under way.
    expect(s.step()).toBe(true);
    expect(s.currentStep).toBe(2);
    expect(s.trainer!.theta).toEqual(trained(example('xor'), 2).theta);
  });

  it('packs the shown example and the batch mean of every buffer, by slot base', () => {
    const s = session(example('circle'), { example: 3 });
    s.step();
    const snap = s.snapshot()!;
    const rt = s.trainer!.runtime;
    const n = rt.n;
    expect(snap.batch.size).toBe(n);
    expect(snap.batch.example).toBe(3);
    expect(snap.batch.indices).toEqual(s.trainer!.loader!.batch.slice(0, n));
    for (const node of s.layout!.nodes) {
      for (const slot of [...Object.values(node.outputs), ...Object.values(node.scratch)]) {
        for (let j = 0; j < slot.width; j++) {
          const at = (b: number) => rt.values[slot.base * rt.capacity + b * slot.width + j];
          expect(snap.values.example[slot.base + j]).toBe(at(3));
          let sum = 0;
          for (let b = 0; b < n; b++) sum += at(b);
          expect(snap.values.mean[slot.base + j]).toBe(sum / n);
        }
      }
    }
    expect(snap.optimizer!.names).toEqual(['m', 'v', 'vMax']);
    expect(snap.optimizer!.state[0]).toEqual(s.trainer!.optimizerState[0]);
    // Copies: changing them changes nothing in the session.
    snap.theta[0] = 1234;
    expect(s.trainer!.theta[0]).not.toBe(1234);
  });

  it('evaluates every K steps, not every step', () => {
    const s = session(example('circle'), { evaluateEvery: 10 });
    expect(s.evaluation!.step).toBe(0);
    s.run({ steps: 9 });
    expect(s.evaluation!.step).toBe(0);
    s.step();
    expect(s.evaluation!.step).toBe(10);
    expect(s.evaluation!.test.accuracy).not.toBeNull();
    s.configure({ evaluateEvery: 0 });
    s.run({ steps: 20 });
    expect(s.evaluation!.step).toBe(10);
    expect(s.evaluate()!.step).toBe(30);
  });

  it('trains for a time budget, and up to a step', () => {
    // A clock that stands still: the step budget ends the run.
    const s = session(example('circle'), { now: () => 0 });
    expect(s.run({ ms: 5, steps: 300 })).toBe(300);
    // A clock that advances 1 ms a step: five steps fit in 5 ms.
    let t = 0;
    const clocked = new TrainingSession({ now: () => t++ });
    clocked.load(example('circle'));
    expect(clocked.run({ ms: 5 })).toBe(5);
    expect(clocked.run({ until: 12 })).toBe(7);
    expect(() => clocked.run({})).toThrow(/budget/);
  });

  it('rewinds by replaying from the seed, landing bit for bit on the history’s θ', () => {
    const s = session(example('spiral'));
    s.run({ steps: 137 });
    const history = s.timeline!;
    const at60 = history.at(60)!.slice();
    const at137 = s.trainer!.theta.slice();
    const result = s.rewind(60);
    expect(result).toEqual({ step: 60, matchesHistory: true });
    expect(s.currentStep).toBe(60);
    expect(s.trainer!.theta).toEqual(at60);
    for (let i = 0; i < at60.length; i++) expect(Object.is(s.trainer!.theta[i], at60[i])).toBe(true);
    // The future is gone from the history, and comes back identical when training continues.
    expect(history.latest).toBe(60);
    s.run({ steps: 77 });
    expect(s.trainer!.theta).toEqual(at137);
    expect(() => s.rewind(500)).toThrow(RangeError);
  });

  it('rewinds a paused run to before the trouble', () => {
    const g = example('border-at-3');
    const opt = g.nodes.find((n) => n.kind === 'opt.sgd')!;
    const s = session({ ...g, nodes: g.nodes.map((n) => (n === opt ? { ...n, params: { lr: 10 } } : n)) });
    s.run({ steps: 1000 });
    const failedAt = s.nonFinite!.step;
    const result = s.rewind(100);
    expect(result.matchesHistory).toBe(true);
    expect(s.paused).toBe(false);
    expect(s.run({ steps: 1000 })).toBe(failedAt - 1 - 100);
    expect(s.nonFinite!.step).toBe(failedAt);
  });

  it('seeks to an earlier step without touching the run, showing exactly what that step showed', () => {
    const s = session(example('xor'));
    const live: TrainingSnapshot[] = [];
    for (let i = 0; i < 30; i++) {
      s.step();
      live.push(s.snapshot()!);
    }
    const theta = s.trainer!.theta.slice();
    const state = s.trainer!.optimizerState.map((v) => v.slice());
    const values = s.trainer!.runtime.values.slice();

    s.seek(10);
    expect(s.seeking).toBe(10);
    const seen = s.snapshot()!;
    expect(seen.seeking).toBe(true);
    expect(seen.liveStep).toBe(30);
    expect(seen.optimizer).toBeNull();
    expect(shown(seen)).toEqual(shown(live[9]));
    // A heatmap and an evaluation of the step shown.
    expect(s.evaluate()!.step).toBe(10);
    expect(s.predictGrid({ resolution: 5 })).not.toBeNull();

    // Gradients of the step shown are explained and checked on its own batch.
    const edge = s.layout!.edges.find((e) => e.block !== undefined)!;
    const block = s.layout!.blocks[edge.block!];
    const explained = s.explainEdge(edge.id);
    expect(explained.type === 'neuron-weight' && explained.sum).toBe(seen.thetaGrad[block.offset]);
    expect(s.verifyGradient(block.offset).analytic).toBe(seen.thetaGrad[block.offset]);
    expect(shown(s.snapshot()!)).toEqual(shown(live[9]));

    s.seek(1);
    expect(shown(s.snapshot()!)).toEqual(shown(live[0]));
    s.seek(0);
    expect(s.snapshot()!.theta).toEqual(s.timeline!.at(0));
    s.seek(null);
    expect(s.seeking).toBeNull();
    expect(s.trainer!.theta).toEqual(theta);
    expect(s.trainer!.optimizerState).toEqual(state);
    expect(s.trainer!.runtime.values).toEqual(values);
    expect(shown(s.snapshot()!)).toEqual(shown(live[29]));
    // The run goes on as if nothing happened.
    s.seek(5);
    s.run({ steps: 10 });
    expect(s.seeking).toBeNull();
    expect(s.trainer!.theta).toEqual(trained(example('xor'), 40).theta);
    expect(() => s.seek(41)).toThrow(RangeError);
  });

  it('keeps learned weights after an edit that adds a node', () => {
    const graph = example('xor');
    const s = session(graph);
    s.run({ steps: 200 });
    const before = s.trainer!;
    const byKey = new Map(
      before.plan.blocks.map((b) => [b.key, before.theta.slice(b.offset, b.offset + b.size)]),
    );

    // A third hidden neuron, fed by both inputs, feeding the output neuron.
    const out = graph.nodes.find((n) => n.id === 'n2_1')!;
    const edited: Graph = {
      ...graph,
      nodes: [
        ...graph.nodes,
        { id: nodeId('extra'), kind: 'neuron', params: { activation: 'tanh' }, position: { x: 0, y: 0 } },
      ],
      edges: [
        ...graph.edges,
        {
          id: 'x1' as never,
          source: nodeId('data'),
          sourceHandle: 'x0',
          target: nodeId('extra'),
          targetHandle: 'in',
        },
        {
          id: 'x2' as never,
          source: nodeId('data'),
          sourceHandle: 'x1',
          target: nodeId('extra'),
          targetHandle: 'in',
        },
        {
          id: 'x3' as never,
          source: nodeId('extra'),
          sourceHandle: 'out',
          target: out.id,
          targetHandle: 'in',
        },
      ],
    };
    const result = s.load(edited, { keep: true });
    expect(result.ok).toBe(true);
    const after = s.trainer!;
    expect(after.step).toBe(0);
    expect(result.kept.sort()).toEqual([...byKey.keys()].sort());
    for (const block of after.plan.blocks) {
      const view = after.theta.slice(block.offset, block.offset + block.size);
      if (byKey.has(block.key)) expect(view).toEqual(byKey.get(block.key));
      else expect(block.nodeId === 'extra' || block.edgeId === 'x3').toBe(true);
    }
    // Without keep: the seeded start, as a fresh trainer has it.
    const fresh = s.load(edited);
    expect(fresh.kept).toEqual([]);
    expect(s.trainer!.theta).toEqual(trained(edited, 0).theta);
    // Rewinding a kept run replays from the kept weights.
    s.load(graph, { keep: true });
    const start = s.trainer!.theta.slice();
    s.run({ steps: 20 });
    const at20 = s.trainer!.theta.slice();
    expect(s.rewind(0).matchesHistory).toBe(true);
    expect(s.trainer!.theta).toEqual(start);
    s.run({ steps: 20 });
    expect(s.trainer!.theta).toEqual(at20);
  });

  it('resets to the seeded start', () => {
    const s = session(example('circle'));
    s.run({ steps: 50 });
    s.reset();
    expect(s.currentStep).toBe(0);
    expect(s.trainer!.theta).toEqual(trained(example('circle'), 0).theta);
    expect(s.timeline!.latest).toBe(0);
  });

  it('hands out losses since a given step, for a loss curve', () => {
    const s = session(example('circle'));
    s.run({ steps: 12 });
    const snap = s.snapshot({ lossesFrom: 5 })!;
    expect(snap.losses.from).toBe(5);
    expect(snap.losses.values.length).toBe(8);
    expect(snap.losses.values[7]).toBe(s.trainer!.loss);
    expect(s.snapshot()!.losses.values.length).toBe(1);
  });
});
