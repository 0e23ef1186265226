/**
 * The Python port of the engine's randomness, as exported scripts embed it: the same draws, the same
 * shuffles and the same batches as src/engine/rng.ts and BatchLoader, bit for bit.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../src/engine/datasets/table';
import { PY_RNG, shuffleSeed } from '../../src/engine/export';
import { createRng } from '../../src/engine/rng';
import { BatchLoader } from '../../src/engine/runtime/loader';
import { PYTHON } from './python';

const SEEDS = [0, 1, -1, 42, 2 ** 31 - 1, -(2 ** 31), 123456789, -987654321];

/** Runs `body` after the RNG port; `body` prints one JSON value. */
function python(body: string): unknown {
  const source = `import json\nimport math\n\n${PY_RNG}\n\n${body}\n`;
  return JSON.parse(execFileSync(PYTHON, ['-c', source], { encoding: 'utf8', timeout: 60_000 }));
}

function table(count: number, batchSize: number, shuffle: boolean): DataTable {
  const split = { x: new Float64Array(count), y: new Float64Array(count), count };
  return {
    name: 't',
    task: 'regression',
    nFeatures: 1,
    nTargets: 1,
    featureNames: ['x'],
    train: split,
    test: { x: new Float64Array(0), y: new Float64Array(0), count: 0 },
    batchSize,
    shuffle,
  };
}

describe('the Python port of the engine RNG', () => {
  it('draws the same uniform numbers from every seed', () => {
    const actual = python(
      `print(json.dumps([[g.uniform() for _ in range(50)] for g in map(_Xoroshiro128Plus, ${JSON.stringify(SEEDS)})]))`,
    );
    const expected = SEEDS.map((seed) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    });
    expect(actual).toEqual(expected);
  });

  it('shuffles the same way, one shuffle after another', () => {
    const lengths = [1, 2, 3, 10, 97, 400];
    const actual = python(`out = []
for seed in ${JSON.stringify(SEEDS)}:
    g = _Xoroshiro128Plus(seed)
    for n in ${JSON.stringify(lengths)}:
        a = list(range(n))
        g.shuffle(a)
        out.append(a)
print(json.dumps(out))`);
    const expected = SEEDS.flatMap((seed) => {
      const rng = createRng(seed);
      return lengths.map((n) => {
        const a = Array.from({ length: n }, (_, i) => i);
        rng.shuffle(a);
        return a;
      });
    });
    expect(actual).toEqual(expected);
  });

  it.each([
    [48, 10, true, 7],
    [45, 8, true, -3],
    [30, 30, true, 1],
    [12, 50, true, 2],
    [20, 6, false, 5],
  ])(
    'hands out BatchLoader’s batches (%i rows, batches of %i, shuffle %s, seed %i)',
    (count, batchSize, shuffle, seed) => {
      const steps = Math.ceil((3.5 * count) / Math.min(batchSize, count));
      const loader = new BatchLoader(table(count, batchSize, shuffle), seed);
      const buffer = new Float64Array(batchSize);
      const expected = Array.from({ length: steps }, () => {
        loader.next(buffer, 0, buffer, 0);
        return Array.from(loader.batch.subarray(0, loader.count));
      });
      const actual =
        python(`rows = batch_rows(${count}, ${batchSize}, ${shuffle ? 'True' : 'False'}, ${shuffleSeed(seed)})
print(json.dumps([next(rows) for _ in range(${steps})]))`);
      expect(actual).toEqual(expected);
    },
  );
});
