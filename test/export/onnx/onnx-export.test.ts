/**
 * The ONNX export, run by onnxruntime: for every example, seeded random MLPs over every activation
 * and loss head, and the hand-made graphs (math nodes, PReLU, custom formulas, activation nodes,
 * vector edges, several outputs), the model with the parameters after a few training steps gives
 * the engine's predictions on the whole dataset (train and test splits) in float32.
 */
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { compile, type Graph, KINDS, type Plan, Trainer } from '../../../src/engine';
import { ExportError } from '../../../src/engine/export';
import { decodeModel, exportOnnx, ONNX_OPSET, ONNX_ROWS } from '../../../src/engine/export/onnx';
import { defineKind } from '../../../src/engine/kind';
import { getKind } from '../../../src/engine/registry';
import { GraphBuilder } from '../../engine/graph-builder';
import { type Case, exampleCases, handMadeCases, randomMlpCases } from '../graphs';
import { enginePredictions, runOnnx } from './run-onnx';

/** float32 keeps ~7 digits; a value that is the difference of larger ones also gets an absolute slack. */
const RTOL = 1e-5;
const ATOL = 1e-6;
const STEPS = 15;

function planOf(graph: Graph): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return plan;
}

function trained(plan: Plan): Float64Array {
  const trainer = new Trainer(plan);
  for (let s = 0; s < STEPS; s++) trainer.trainStep();
  return trainer.theta;
}

const cases: Case[] = [...exampleCases(), ...randomMlpCases(24), ...handMadeCases()];

describe('export to ONNX, run by onnxruntime', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: predicts what the engine predicts', async (_, c) => {
    const plan = planOf(c.graph);
    const theta = trained(plan);
    const file = exportOnnx(plan, { name: c.name, theta });
    const table = plan.data?.table;
    for (const split of table ? [table.train, table.test] : [undefined]) {
      if (split && split.count === 0) continue;
      const got = await runOnnx(file, split, table?.nFeatures ?? 0, table?.standardized);
      const want = enginePredictions(plan, theta, split);
      expect(got.length).toBe(want.length);
      for (const [k, w] of want.entries()) {
        expect(got[k].length, `${file.outputs[k]}: size`).toBe(w.length);
        for (let i = 0; i < w.length; i++) {
          const diff = Math.abs(got[k][i] - w[i]);
          if (!(diff <= ATOL + RTOL * Math.abs(w[i])))
            expect.fail(`${c.name}: ${file.outputs[k]}[${i}] is ${got[k][i]}, the engine's ${w[i]}`);
        }
      }
    }
  });

  it('covers every activation of neurons and layers and every activation node', () => {
    const used = new Set(
      cases.flatMap((c) => c.graph.nodes.map((n) => `${n.kind}:${n.params?.activation ?? ''}`)),
    );
    for (const a of ['linear', 'relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh'])
      expect(
        [...used].some((u) => u.endsWith(`:${a}`)),
        a,
      ).toBe(true);
    const kinds = new Set(cases.flatMap((c) => c.graph.nodes.map((n) => n.kind)));
    for (const id of ['act.softmax', 'act.prelu', 'act.custom', 'math.add', 'math.multiply', 'math.constant'])
      expect(kinds.has(id), id).toBe(true);
  });

  it('has a translation for every operation kind in the registry', () => {
    const ops = KINDS.filter((k) => k.role === 'op').map((k) => k.id);
    expect(ops.filter((id) => !ONNX_ROWS[id])).toEqual([]);
  });

  it('names inputs after the features and outputs after the output node; the doc string names the network', () => {
    const g = new GraphBuilder(3);
    const data = g.node('dataset', { dataset: 'spiral', n: 20 }, { label: 'data' });
    const h = g.chain('dense', { units: 4, activation: 'tanh' }, [data, 'features']);
    const out = g.node('neuron', { activation: 'sigmoid' }, { label: 'probability' });
    g.edge(h, out);
    g.loss('loss.bce', out, [data, 'target']);
    const plan = planOf(g.graph());
    const file = exportOnnx(plan, { name: 'My spiral' });
    const model = decodeModel(file.bytes);
    expect(model.graph?.input?.map((i) => i.name)).toEqual(plan.data!.table.featureNames);
    expect(model.graph?.output?.map((o) => o.name)).toEqual(['probability']);
    expect(model.doc_string).toContain('“My spiral”');
    expect(model.graph?.name).toBe('My spiral');
    expect(model.opset_import?.map((o) => [o.domain ?? '', o.version])).toEqual([['', ONNX_OPSET]]);
    expect(ONNX_OPSET).toBeGreaterThanOrEqual(17);
    expect(file.filename).toBe('my-spiral.onnx');
  });

  it('takes a standardized CSV’s raw columns and moves them as training did', async () => {
    // u = 1, 2, 3, 4: mean 2.5, population std √1.25; v = 10, 10, 10, 10: constant, only centred.
    const g = new GraphBuilder(4);
    const csv = 'u,v,y\n1,10,0\n2,10,0\n3,10,1\n4,10,1\n';
    const data = g.node('dataset.csv', { csv, features: ['u', 'v'], target: 'y', testFraction: 0 });
    const out = g.node('neuron', { activation: 'sigmoid' }, { label: 'p' });
    g.edge([data, 'x0'], out);
    g.edge([data, 'x1'], out);
    g.loss('loss.bce', out, [data, 'target']);
    const plan = planOf(g.graph());
    const theta = trained(plan);
    const file = exportOnnx(plan, { name: 'standardized', theta });
    const session = await ort.InferenceSession.create(file.bytes);
    const raw = [1, 2, 3, 4];
    const results = await session.run({
      u: new ort.Tensor('float32', Float32Array.from(raw), [4, 1]),
      v: new ort.Tensor('float32', Float32Array.from([10, 10, 10, 10]), [4, 1]),
    });
    await session.release();
    // The engine on the same rows, standardized by hand.
    const x = new Float64Array(8);
    raw.forEach((u, i) => {
      x[2 * i] = (u - 2.5) / Math.sqrt(1.25);
      x[2 * i + 1] = 0;
    });
    const [want] = enginePredictions(plan, theta, { x, y: new Float64Array(4), count: 4 });
    const got = results.p.data as Float32Array;
    for (let i = 0; i < 4; i++) expect(got[i]).toBeCloseTo(want[i], 5);
  });

  it('writes a layer of neurons that read the same inputs as one Gemm', () => {
    const plan = planOf(exampleCases().find((c) => c.name === 'example spiral')!.graph);
    const ops = decodeModel(exportOnnx(plan).bytes).graph!.node!.map((n) => n.op_type);
    // 2-8-8-1 neuron by neuron: three layers, nothing sliced or gathered between them.
    expect(ops.filter((o) => o === 'Gemm')).toHaveLength(3);
    expect(ops).not.toContain('Slice');
  });

  it('refuses, naming each node, kinds without a translation', () => {
    const mystery = defineKind({ ...getKind('act.tanh')!, id: 'act.mystery', label: 'Mystery' });
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'sine', n: 20 });
    const a = g.node('act.mystery', {}, { label: 'odd one' });
    g.edge([data, 'x0'], a);
    const b = g.node('act.mystery', {}, { label: 'odd two' });
    g.edge(a, b);
    g.loss('loss.mse', b, [data, 'target']);
    const { plan } = compile(g.graph(), (id) => (id === mystery.id ? mystery : getKind(id)));
    expect(() => exportOnnx(plan!)).toThrow(ExportError);
    expect(() => exportOnnx(plan!)).toThrow(
      'cannot export to ONNX: Mystery “odd one”: its kind has no ONNX translation; ' +
        'Mystery “odd two”: its kind has no ONNX translation',
    );
  });
});
