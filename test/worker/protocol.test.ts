import { afterEach, describe, expect, it } from 'vitest';
import { edgeId } from '../../src/engine';
import { TrainingSession, type TrainingSnapshot } from '../../src/engine/training';
import { TrainingClient } from '../../src/worker/client';
import type { PlayStatus } from '../../src/worker/protocol';
import { until as waitUntil } from '../until';
import { type FakeWorker, fakeWorker } from './fake-worker';
import { example } from './training-graphs';

/** Worker round trips here are quick: a 5 s wait means something is wrong. */
const until = (check: () => boolean) => waitUntil(check, 5000);

let clients: TrainingClient[] = [];
afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

function connect(): { client: TrainingClient; worker: FakeWorker } {
  let worker: FakeWorker | undefined;
  const client = new TrainingClient(() => {
    worker = fakeWorker();
    return worker;
  });
  clients.push(client);
  return { client, worker: worker! };
}

describe('the training worker protocol', () => {
  it('loads a graph and steps, replies matched by id, snapshots arriving before the reply', async () => {
    const { client, worker } = connect();
    const snapshots: TrainingSnapshot[] = [];
    client.onSnapshot((s) => {
      // Every snapshot finds the layout of its own graph already there.
      expect(client.layout?.loadId).toBe(s.loadId);
      snapshots.push(s);
    });

    const loaded = await client.load(example('circle'));
    expect(loaded.ok).toBe(true);
    expect(client.layout).toBe(loaded.layout);
    expect(loaded.layout!.data!.train.x).toBeInstanceOf(Float64Array);
    expect(loaded.layout!.edges.length).toBeGreaterThan(0);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0].step).toBe(0);

    // Several requests in flight at once, each answered with its own result.
    const [a, b, c] = await Promise.all([client.step(), client.step(3), client.phase()]);
    expect(a).toEqual({ step: 1, taken: 1, paused: false });
    expect(b).toEqual({ step: 4, taken: 3, paused: false });
    expect(c).toEqual({ phase: 'forward', step: 4, paused: false });
    expect(client.latest!.step).toBe(4);
    expect(client.latest!.phase.last).toBe('forward');
    expect(client.latest!.theta).toBeInstanceOf(Float64Array);
    // The snapshots' arrays were transferred, not copied.
    expect(worker.transferred).toBeGreaterThan(10);

    // Same numbers as a session run in process.
    const reference = new TrainingSession();
    reference.load(example('circle'));
    reference.run({ steps: 4 });
    reference.phase();
    expect(client.latest!.theta).toEqual(reference.trainer!.theta);
    expect(client.latest!.values).toEqual(reference.snapshot()!.values);
    // The loss curve gathers every step's loss once.
    expect(Array.from(client.lossCurve.means())).toEqual(Array.from(reference.timeline!.lossesFrom(1)));
    expect(Array.from(client.lossCurve.steps)).toEqual([1, 2, 3, 4]);
  });

  it('plays until a step, with play status events and throttled snapshots', async () => {
    const { client } = connect();
    const statuses: PlayStatus[] = [];
    client.onStatus((s) => statuses.push(s));
    let count = 0;
    client.onSnapshot(() => count++);
    await client.load(example('xor'));
    const started = await client.play({ until: 3000 });
    expect(started.playing).toBe(true);
    await until(() => statuses.some((s) => !s.playing));
    expect(statuses[0]).toMatchObject({ playing: true });
    expect(statuses.at(-1)).toEqual({ playing: false, step: 3000, reason: 'until' });
    expect(client.latest!.step).toBe(3000);
    expect(client.status.playing).toBe(false);
    expect(client.lossCurve.lastStep).toBe(3000);
    // ~30 a second at most, so far fewer snapshots than steps.
    expect(count).toBeLessThan(100);
    const evaluation = await client.evaluate();
    expect(evaluation!.train.accuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('pauses a run on request, and plays slowly at a given rate', async () => {
    const { client } = connect();
    await client.load(example('circle'));
    await client.play();
    await until(() => (client.latest?.step ?? 0) > 0);
    const paused = await client.pause();
    expect(paused.playing).toBe(false);
    const stepAtPause = paused.step;
    expect(client.latest!.step).toBe(stepAtPause);
    await new Promise((r) => setTimeout(r, 50));
    expect((await client.snapshot())!.step).toBe(stepAtPause);

    await client.reset();
    const start = Date.now();
    await client.play({ stepsPerSecond: 100, until: 5 });
    await until(() => client.status.reason === 'until');
    // Five steps at 100 a second: the first at once, the last after ~40 ms.
    expect(Date.now() - start).toBeGreaterThanOrEqual(30);
    expect(client.latest!.step).toBe(5);
  });

  it('stops playing when a number stops being finite, and says where', async () => {
    const { client } = connect();
    const g = example('border-at-3');
    await client.load({
      ...g,
      nodes: g.nodes.map((n) => (n.kind === 'opt.sgd' ? { ...n, params: { lr: 10 } } : n)),
    });
    await client.play();
    await until(() => client.status.reason === 'non-finite');
    expect(client.latest!.paused).toBe(true);
    expect(client.latest!.nonFinite!.message).toMatch(/^At step \d+ the loss “loss”/);
    expect((await client.play()).reason).toBe('non-finite');
    expect(await client.step()).toMatchObject({ taken: 0, paused: true });
    const rewound = await client.rewind(10);
    expect(rewound).toEqual({ step: 10, matchesHistory: true });
    expect(client.latest!.paused).toBe(false);
    expect(client.lossCurve.lastStep).toBe(10);
  });

  it('seeks, draws heatmaps, checks and explains gradients', async () => {
    const { client } = connect();
    await client.load(example('border-at-3'));
    await client.step(2);
    const verified = await client.verifyGradient(1);
    expect(verified.relativeError).toBeLessThan(1e-6);
    const explained = await client.explainEdge(edgeId('e1'));
    expect(explained.type).toBe('neuron-weight');
    const grid = await client.predictGrid({ resolution: 16 });
    expect(grid!.values).toBeInstanceOf(Float64Array);
    expect(grid!.values.length).toBe(16);
    expect(await client.seek(1)).toEqual({ step: 1 });
    expect(client.latest!.seeking).toBe(true);
    expect(client.latest!.step).toBe(1);
    expect(await client.seek(null)).toEqual({ step: null });
    expect(client.latest!.step).toBe(2);
    await client.configure({ example: 0, evaluateEvery: 1 });
    const p = await client.explainParameter(0);
    expect(p.type).toBe('neuron-bias');
  });

  it('rejects a failed request with the worker’s message, and pending ones on dispose', async () => {
    const { client } = connect();
    await client.load(example('circle'));
    await expect(client.rewind(99)).rejects.toThrow(/Can rewind to a step from 0 to 0/);
    await expect(client.seek(-1)).rejects.toThrow(/Can show a step from 0 to 0/);
    const pending = client.step(5);
    client.dispose();
    await expect(pending).rejects.toThrow(/disposed/);
    await expect(client.step()).rejects.toThrow(/disposed/);
  });

  it('reports a graph that does not compile, with its diagnostics', async () => {
    const { client } = connect();
    const g = example('circle');
    const result = await client.load({ ...g, edges: g.edges.filter((e) => e.targetHandle !== 'target') });
    expect(result.ok).toBe(false);
    expect(result.layout).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toContain('no-target');
    expect(await client.step()).toEqual({ step: 0, taken: 0, paused: false });
    expect((await client.play()).reason).toBe('nothing');
  });
});
