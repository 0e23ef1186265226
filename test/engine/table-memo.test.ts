/**
 * The compiler remembers a data node's table per parameter values (compiler/table-memo.ts): an
 * edit elsewhere in the graph does not read the CSV again, a change of the CSV or of its split does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { digitsSupport } from '../../src/engine/datasets/digits';
import type { Graph } from '../../src/engine/graph';
import { csvDataKind } from '../../src/engine/kinds/csv-data';
import { GraphBuilder } from './graph-builder';

const CSV = `a,b,label\n${Array.from({ length: 60 }, (_, i) => `${i},${(i * 7) % 11},${i % 3 ? 'yes' : 'no'}`).join('\n')}\n`;
const CSV_PARAMS = { csv: CSV, features: ['a', 'b'], target: 'label', batchSize: 4 };

function csvGraph(params: Record<string, unknown> = CSV_PARAMS): Graph {
  const g = new GraphBuilder();
  const data = g.node('dataset.csv', params);
  const y = g.chain('neuron', { activation: 'sigmoid' }, [data, 'x0'], [data, 'x1']);
  const loss = g.loss('loss.bce', y, [data, 'target']);
  g.edge([loss, 'loss'], [g.node('opt.sgd'), 'loss']);
  return g.graph();
}

/** The same graph after an edit elsewhere: new node objects, the CSV node's params object kept. */
const edited = (graph: Graph): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) =>
    n.kind === 'neuron' ? { ...n, params: { ...n.params, bias: 0.5 } } : { ...n },
  ),
});

const tableOfPlan = (graph: Graph) => {
  const { plan, diagnostics } = compile(graph);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan!.data!.table;
};

afterEach(() => vi.restoreAllMocks());

describe('the data table memo', () => {
  it('builds the table once while the CSV node is unchanged, and gives the same table', () => {
    const build = vi.spyOn(csvDataKind, 'data');
    const graph = csvGraph();
    const first = tableOfPlan(graph);
    const second = tableOfPlan(edited(graph));
    const third = tableOfPlan(graph);
    expect(build).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  it('builds afresh when the CSV text changes, with the new rows', () => {
    const graph = csvGraph();
    const before = tableOfPlan(graph);
    const build = vi.spyOn(csvDataKind, 'data');
    const longer = `${CSV}60,3,yes\n61,4,no\n`;
    const after = tableOfPlan(csvGraph({ ...CSV_PARAMS, csv: longer }));
    expect(build).toHaveBeenCalledTimes(1);
    expect(after.train.count + after.test.count).toBe(before.train.count + before.test.count + 2);
  });

  it('builds afresh when a split parameter changes, even in place', () => {
    const params = { ...CSV_PARAMS };
    const graph = csvGraph(params);
    const before = tableOfPlan(graph);
    const build = vi.spyOn(csvDataKind, 'data');
    const reseeded = tableOfPlan(csvGraph({ ...params, seed: 7 }));
    expect(build).toHaveBeenCalledTimes(1);
    expect(reseeded.train.x).not.toEqual(before.train.x);
    // A params object changed in place (a script, a test) is not answered stale.
    (params as Record<string, unknown>).testFraction = 0.5;
    const halved = tableOfPlan(graph);
    expect(build).toHaveBeenCalledTimes(2);
    expect(halved.test.count).toBe(30);
    expect(before.test.count).toBe(12);
  });

  it('gives the same table as a build from scratch, bit for bit', () => {
    const graph = csvGraph();
    tableOfPlan(graph);
    const remembered = tableOfPlan(edited(graph));
    const fresh = tableOfPlan(csvGraph({ ...CSV_PARAMS }));
    expect(fresh).not.toBe(remembered);
    expect({ ...fresh, train: { ...fresh.train }, test: { ...fresh.test } }).toEqual({
      ...remembered,
      train: { ...remembered.train },
      test: { ...remembered.test },
    });
  });

  it('remembers a CSV that cannot be read, and reports it at every compile', () => {
    const bad = { ...CSV_PARAMS, target: 'missing' };
    const graph = csvGraph(bad);
    const build = vi.spyOn(csvDataKind, 'data');
    const messages = [graph, edited(graph)].map((g) =>
      compile(g)
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.message),
    );
    expect(messages[0].length).toBeGreaterThan(0);
    expect(messages[1]).toEqual(messages[0]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('hands out a table whose records cannot be changed', () => {
    const table = tableOfPlan(csvGraph());
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.train)).toBe(true);
    expect(() => (table.featureNames as string[]).push('c')).toThrow();
  });
});

describe('a table whose library has not loaded yet', () => {
  it('is built again once the library has come, not answered with the remembered "still loading"', () => {
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'digits', batchSize: 8 });
    const layer = g.node('dense', { units: 10 });
    g.edge([data, 'features'], [layer, 'in']);
    g.edge([g.loss('loss.cce', layer, [data, 'target']), 'loss'], [g.node('opt.sgd'), 'loss']);
    const graph = g.graph();
    // As on a page that has not fetched the digits' chunk yet.
    const current = vi.spyOn(digitsSupport, 'current').mockReturnValue(undefined);
    const state = vi.spyOn(digitsSupport, 'state').mockReturnValue('loading');
    const errors = (result: ReturnType<typeof compile>) =>
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors(compile(graph)).join()).toContain('still loading');
    current.mockRestore();
    state.mockRestore();
    expect(errors(compile(edited(graph)))).toEqual([]);
  });
});
