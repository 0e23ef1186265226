import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { buildDataTable } from '../../src/engine/datasets/builtin';
import { digitImages } from '../../src/engine/datasets/digits';
import { GraphBuilder } from './graph-builder';

describe('the handwritten digits', () => {
  const all = digitImages(0, 0, undefined as never);

  it('holds the 1,797 8 × 8 pictures of the UCI test set with one-hot digits', () => {
    expect(all.count).toBe(1797);
    expect(all.x.length).toBe(1797 * 64);
    expect(all.y.length).toBe(1797 * 10);
    for (let i = 0; i < all.count; i++) {
      const row = Array.from(all.y.subarray(i * 10, i * 10 + 10));
      expect(row.filter((v) => v === 1)).toHaveLength(1);
      expect(row.reduce((a, b) => a + b)).toBe(1);
    }
  });

  it('scales the pixel counts 0…16 to [0, 1]', () => {
    expect(Math.min(...all.x)).toBe(0);
    expect(Math.max(...all.x)).toBe(1);
    // Every value is a count over 16.
    expect(all.x.every((v) => Number.isInteger(v * 16))).toBe(true);
  });

  it('reads the file in order: the first row is a 0 whose top row is 0 0 5 13 9 1 0 0, the second a 1', () => {
    expect(Array.from(all.x.subarray(0, 8), (v) => v * 16)).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(all.y.indexOf(1)).toBe(0);
    expect(Array.from(all.y.subarray(10, 20)).indexOf(1)).toBe(1);
  });

  it('has the class sizes the data set documents (174 to 183 per digit)', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < all.count; i++) counts[all.y.subarray(i * 10, i * 10 + 10).indexOf(1)]++;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  });

  it('splits like every built-in set and says that its examples are 8 × 8 pictures', () => {
    const t = buildDataTable({
      dataset: 'digits',
      n: 5,
      noise: 3,
      seed: 1,
      testFraction: 0.2,
      batchSize: 32,
      shuffle: true,
    });
    expect(t.train.count).toBe(Math.round(1797 * 0.8));
    expect(t.train.count + t.test.count).toBe(1797);
    expect(t.image).toEqual({ width: 8, height: 8 });
    // The same seed holds out the same pictures; another seed others.
    const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => v === b[i]);
    const again = buildDataTable({
      dataset: 'digits',
      n: 1,
      noise: 0,
      seed: 1,
      testFraction: 0.2,
      batchSize: 32,
      shuffle: true,
    });
    const other = buildDataTable({
      dataset: 'digits',
      n: 1,
      noise: 0,
      seed: 2,
      testFraction: 0.2,
      batchSize: 32,
      shuffle: true,
    });
    expect(same(again.test.x, t.test.x)).toBe(true);
    expect(same(other.test.x, t.test.x)).toBe(false);
  });

  it('gives its dataset node one features vector and the target, not 64 pixel ports', () => {
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'digits', batchSize: 32 });
    const dense = g.node('dense', { units: 10, activation: 'linear' });
    g.edge([data, 'features'], dense);
    const { plan } = compile(g.graph());
    const node = plan!.nodes.get(data)!;
    expect(node.ports.outputs.map((p) => p.id)).toEqual(['features', 'target']);
    expect(node.outputs.features.width).toBe(64);
  });
});
