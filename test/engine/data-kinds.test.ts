/**
 * The two data kinds (built-in Dataset, CSV data) share their split and batching parameters and
 * their ports (kinds/data-source.ts). These tests pin what the inspector shows and check that each
 * node's split values really reach the table it builds.
 */
import { describe, expect, it } from 'vitest';
import type { ParamSpecs } from '../../src/engine/params';
import { defaultParams } from '../../src/engine/params';
import { getKind } from '../../src/engine/registry';

const CSV = `a,b,label\n${Array.from({ length: 40 }, (_, i) => `${i},${i % 7},${i % 2 ? 'yes' : 'no'}`).join('\n')}\n`;

const kinds = {
  dataset: { id: 'dataset', extra: {} },
  csv: { id: 'dataset.csv', extra: { csv: CSV, features: ['a', 'b'], target: 'label' } },
};

function kindOf(id: string) {
  const kind = getKind(id);
  if (!kind) throw new Error(`no kind ${id}`);
  return kind;
}

/** The kind's table for its defaults, the kind's own extras and `split`. */
function tableOf(id: string, extra: Record<string, unknown>, split: Record<string, unknown>) {
  const kind = kindOf(id);
  const params = { ...defaultParams(kind.params as ParamSpecs), ...extra, ...split };
  const table = kind.data?.(params as never);
  if (!table) throw new Error(`${id} builds no table`);
  return table;
}

describe('the data kinds’ parameters', () => {
  it('appear in the inspector’s order with their labels, the split ones last and alike', () => {
    const labels = (id: string) =>
      Object.entries(kindOf(id).params as ParamSpecs).map(([key, spec]) => [key, spec.label]);
    const split = [
      ['seed', 'Data seed'],
      ['testFraction', 'Test fraction'],
      ['batchSize', 'Batch size'],
      ['shuffle', 'Shuffle'],
    ];
    expect(labels('dataset')).toEqual([
      ['dataset', 'Dataset'],
      ['n', 'Examples'],
      ['noise', 'Noise'],
      ...split,
    ]);
    expect(labels('dataset.csv')).toEqual([
      ['csv', 'CSV'],
      ['features', 'Feature columns'],
      ['target', 'Target column'],
      ['task', 'Task'],
      ['standardize', 'Standardize features'],
      ['imageWidth', 'Picture width'],
      ['imageHeight', 'Picture height'],
      ['skipBadRows', 'Skip bad rows'],
      ...split,
    ]);
  });

  it('share defaults: seed 1, a fifth held out, batches of 10, shuffled', () => {
    for (const { id } of Object.values(kinds)) {
      const p = defaultParams(kindOf(id).params as ParamSpecs);
      expect([p.seed, p.testFraction, p.batchSize, p.shuffle]).toEqual([1, 0.2, 10, true]);
    }
  });
});

describe.each(Object.entries(kinds))('the %s node’s split values reach its table', (_, { id, extra }) => {
  it('test fraction, batch size and shuffle', () => {
    const t = tableOf(id, extra, { testFraction: 0.5, batchSize: 7, shuffle: false });
    expect(t.test.count).toBe(t.train.count);
    expect(t.batchSize).toBe(7);
    expect(t.shuffle).toBe(false);
    expect(tableOf(id, extra, { shuffle: true }).shuffle).toBe(true);
  });

  it('the seed chooses the split, reproducibly', () => {
    const x = (seed: number) => Array.from(tableOf(id, extra, { seed, testFraction: 0.25 }).train.x);
    expect(x(3)).toEqual(x(3));
    expect(x(4)).not.toEqual(x(3));
  });

  it('offers a scalar port per feature, then features and target', () => {
    const kind = kindOf(id);
    const params = { ...defaultParams(kind.params as ParamSpecs), ...extra };
    const ports = kind.ports(params as never);
    expect(ports.inputs).toEqual([]);
    const ids = ports.outputs.map((p) => p.id);
    expect(ids.slice(-2)).toEqual(['features', 'target']);
    expect(ids.slice(0, -2)).toEqual(ids.slice(0, -2).map((_, i) => `x${i}`));
    expect(ids.length).toBeGreaterThan(2);
  });
});
