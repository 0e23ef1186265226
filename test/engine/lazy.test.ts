/** Libraries loaded on first use (engine/lazy.ts): loaded once, shared, and retried after a failure. */
import { describe, expect, it, vi } from 'vitest';
import { LazyLoadError, lazy, loadAll } from '../../src/engine/lazy';

describe('lazy', () => {
  it('imports once, however many ask, and then answers synchronously', async () => {
    const importer = vi.fn(async () => ({ answer: 42 }));
    const lib = lazy('the answer', importer);
    expect(lib.state()).toBe('idle');
    expect(lib.current()).toBeUndefined();
    const [a, b] = await Promise.all([lib.load(), lib.load()]);
    expect(a).toBe(b);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(lib.state()).toBe('ready');
    expect(lib.current()).toEqual({ answer: 42 });
    await lib.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('says what failed and why, forgets the failure and tries again on the next load', async () => {
    let online = false;
    const lib = lazy('the formula typesetter', async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module: /assets/katex-chunk.js');
      return 'katex';
    });
    const failure = await lib.load().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LazyLoadError);
    expect((failure as Error).message).toBe(
      'Could not load the formula typesetter: the download failed (are you offline?)',
    );
    expect(lib.state()).toBe('failed');
    expect(lib.error()).toBe(failure);
    online = true;
    await expect(lib.load()).resolves.toBe('katex');
    expect(lib.state()).toBe('ready');
    expect(lib.error()).toBeUndefined();
  });

  it('tells subscribers when loading starts and ends', async () => {
    const lib = lazy('x', async () => 1);
    const states: string[] = [];
    const stop = lib.subscribe(() => states.push(lib.state()));
    await lib.load();
    stop();
    expect(states).toEqual(['loading', 'ready']);
  });

  it('loadAll loads only what is missing', async () => {
    const first = vi.fn(async () => 1);
    const second = vi.fn(async () => 2);
    const a = lazy('a', first);
    const b = lazy('b', second);
    await a.load();
    await loadAll([a, b]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('a custom formula before the formula compiler has loaded', () => {
  it('is "still loading" (not remembered), then compiles once mathjs has come', {
    timeout: 60_000,
  }, async () => {
    // Fresh modules: the test setup has loaded the formula compiler in the shared ones.
    vi.resetModules();
    const formula = await import('../../src/engine/formula');
    expect(formula.formulaSupportReady()).toBe(false);
    const before = formula.compileFormula('x^2');
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error.message).toBe(formula.FORMULA_SUPPORT_LOADING);
    await formula.formulaSupport.load();
    const after = formula.compileFormula('x^2');
    expect(after.ok).toBe(true);
    if (after.ok) expect(after.formula.df(3)).toBe(6);
  });

  it('a graph names the libraries its kinds need', { timeout: 60_000 }, async () => {
    vi.resetModules();
    const { librariesFor } = await import('../../src/engine/support');
    const { formulaSupport } = await import('../../src/engine/formula');
    const { csvSupport } = await import('../../src/engine/datasets/csv');
    expect(librariesFor([{ kind: 'neuron' }, { kind: 'act.relu' }])).toEqual([]);
    expect(librariesFor([{ kind: 'act.custom' }, { kind: 'dataset.csv' }, { kind: 'act.custom' }])).toEqual([
      formulaSupport,
      csvSupport,
    ]);
  });
});

describe('a CSV before the CSV reader has loaded', () => {
  it('says "still loading" (or that no CSV is loaded), then reads once the reader has come', {
    timeout: 60_000,
  }, async () => {
    vi.resetModules();
    const csv = await import('../../src/engine/datasets/csv');
    const selection = { features: ['a'], target: 'y', task: 'regression' } as const;
    expect(csv.csvSupport.state()).toBe('idle');
    expect(csv.readCsv('a,y\n1,2\n', selection).errors).toEqual(['the CSV reader is still loading']);
    expect(csv.readCsv('', selection).errors).toEqual([csv.NO_CSV_YET]);
    expect(csv.csvTargetWidth('a,y\n1,2\n', selection)).toBe(1);
    expect(() => csv.parseCsv('a,y\n1,2\n')).toThrow(csv.CsvError);
    const options = {
      ...selection,
      standardize: false,
      skipBadRows: false,
      seed: 1,
      testFraction: 0,
      batchSize: 1,
      shuffle: false,
    };
    expect(() => csv.buildCsvTable('a,y\n1,2\n', options)).toThrow('The CSV reader is still loading.');

    await csv.csvSupport.load();
    const reading = csv.readCsv('a,y\n1,2\n3,4\n', selection);
    expect(reading.errors).toEqual([]);
    expect([...reading.examples.x]).toEqual([1, 3]);
    expect(csv.buildCsvTable('a,y\n1,2\n3,4\n', options).train.count).toBe(2);
  });
});
