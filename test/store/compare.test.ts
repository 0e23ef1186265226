import { describe, expect, it } from 'vitest';
import { findExample } from '../../src/engine';
import { type ComparedRuns, runVariant, variantGraph } from '../../src/engine/compare';
import { createCompareStore, selectFresh, selectSummaries } from '../../src/store/compare';
import { createDocumentStore } from '../../src/store/document';
import { until } from '../until';
import { fakeWorker } from '../worker/fake-worker';

function setup(exampleId: string, comparison: ComparedRuns) {
  const graph = findExample(exampleId)!.build();
  const documents = createDocumentStore({ ...graph, comparison });
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const store = createCompareStore({
    createWorker: () => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    },
    documents,
  });
  return { documents, store, workers, graph };
}

describe('runs compared, trained in workers', () => {
  it('trains each variant in a worker of its own; identical variants give identical curves', async () => {
    const comparison: ComparedRuns = {
      steps: 40,
      variants: [
        { name: 'A', changes: [{ type: 'learningRate', value: 0.05 }] },
        { name: 'B', changes: [{ type: 'learningRate', value: 0.05 }] },
        { name: 'Adam', changes: [{ type: 'optimizer', kind: 'opt.adam' }] },
      ],
    };
    const { store, workers, graph } = setup('circle', comparison);
    await store.getState().run();
    const { runs, running } = store.getState();
    expect(running).toBe(false);
    expect(workers).toHaveLength(3);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(runs.map((r) => r?.status)).toEqual(['done', 'done', 'done']);
    expect(runs[0]!.points).toHaveLength(41);
    expect(runs[1]!.points).toEqual(runs[0]!.points);
    expect(runs[2]!.points).not.toEqual(runs[0]!.points);
    // The same numbers as the engine's own run of the variant, without a worker.
    expect(runs[2]!.points).toEqual(runVariant(variantGraph(graph, comparison, 2), 40).points);
  });

  it('summarises each run against the target, and says when a variant has changed since', async () => {
    const comparison: ComparedRuns = {
      steps: 20,
      target: 0.6,
      variants: [
        { name: 'SGD', changes: [] },
        { name: 'Adam', changes: [{ type: 'optimizer', kind: 'opt.adam', params: { lr: 0.05 } }] },
      ],
    };
    const { store, documents } = setup('circle', comparison);
    await store.getState().run();
    const { runs } = store.getState();
    const rows = selectSummaries(runs, 0.6);
    expect(rows[1]).toMatchObject({
      step: 20,
      trainLoss: runs[1]!.points.at(-1)!.trainLoss,
      accuracyOn: 'test',
    });
    const reached = runs[1]!.points.find((p) => p.trainLoss! <= 0.6);
    expect(rows[1]!.stepsToTarget).toBe(reached ? reached.step : null);
    expect(selectFresh(runs, documents.getState())).toEqual([true, true]);

    documents
      .getState()
      .setComparison({ ...comparison, variants: [comparison.variants[0], { name: 'Adam', changes: [] }] });
    expect(selectFresh(runs, documents.getState())).toEqual([true, false]);
  });

  it('finds the first step at the target between judgements, as the headless runner does', async () => {
    const comparison: ComparedRuns = {
      steps: 300, // judged every 3 steps
      target: 0.5,
      variants: [{ name: 'η = 0.05', changes: [{ type: 'learningRate', value: 0.05 }] }],
    };
    const { store, graph } = setup('circle', comparison);
    await store.getState().run();
    const [run] = store.getState().runs;
    const headless = runVariant(variantGraph(graph, comparison, 0), 300, 0.5);
    expect(headless.firstAtTarget!.step % 3).not.toBe(0); // between two judgements
    expect(run!.firstAtTarget).toEqual(headless.firstAtTarget);
    // Going back to search does not disturb the curve.
    expect(run!.points).toEqual(headless.points);
    const [row] = selectSummaries(store.getState().runs, 0.5);
    expect(row).toMatchObject({ stepsToTarget: headless.firstAtTarget!.step, stepsToTargetExact: true });
    // Another target, set after the run, has only the judged steps to go by.
    expect(selectSummaries(store.getState().runs, 0.45)[0]?.stepsToTargetExact).toBe(false);
  });

  it('names a variant that cannot apply, and trains the others', async () => {
    const { store } = setup('border-at-3', {
      steps: 4,
      variants: [
        { name: 'ok', changes: [] },
        { name: 'bad', changes: [{ type: 'activation', node: 'nowhere', activation: 'tanh' }] },
      ],
    });
    await store.getState().run();
    const [ok, bad] = store.getState().runs;
    expect(ok?.status).toBe('done');
    expect(bad).toMatchObject({ status: 'error', error: expect.stringContaining('"nowhere"') });
  });

  it('stops every run where it is', async () => {
    const { store } = setup('circle', {
      steps: 100_000,
      variants: [{ name: 'long', changes: [] }],
    });
    const done = store.getState().run();
    await until(() => (store.getState().runs[0]?.points.length ?? 0) >= 2);
    store.getState().stop();
    await done;
    expect(store.getState().runs[0]?.status).toBe('stopped');
    expect(store.getState().running).toBe(false);
  });
});
