/**
 * The NumPy export: with the parameters a Trainer reached, the script's predictions for the embedded
 * training and test examples match the engine's forward pass to rtol 1e-9.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Graph, type Plan, Trainer } from '../../src/engine';
import type { Split } from '../../src/engine/datasets/table';
import { ExportError, exportNumpy, predictionRefs } from '../../src/engine/export';
import { Runtime } from '../../src/engine/runtime/runtime';
import { GraphBuilder } from '../engine/graph-builder';
import { type Case, exampleCases, handMadeCases, randomMlpCases } from './graphs';
import { ensureTorch, expectClose, runScripts, scratchDir } from './python';

const TRAIN_STEPS = 10;

function planOf(graph: Graph): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return plan;
}

/** θ after a few training steps, so the test does not only see initial values. */
function trained(plan: Plan): Float64Array {
  const trainer = new Trainer(plan);
  for (let s = 0; s < TRAIN_STEPS; s++) trainer.trainStep();
  return trainer.theta;
}

/** The engine's forward on a whole split: each prediction as rows (n × width), as the script prints it. */
function engineForward(plan: Plan, theta: Float64Array, split?: Split): number[][][] {
  const n = split ? split.count : 1;
  const rt = new Runtime(plan, theta, new Float64Array(theta.length), Math.max(1, n));
  rt.n = n;
  if (split && plan.data) rt.values.set(split.x, rt.offset(plan.data.features));
  rt.forward();
  return predictionRefs(plan).map((ref) => {
    const slot = ref.node.outputs[ref.port];
    const at = rt.offset(slot);
    return Array.from({ length: n }, (_, b) =>
      Array.from(rt.values.subarray(at + b * slot.width, at + (b + 1) * slot.width)),
    );
  });
}

/** No optimizer, so both losses count: two outputs, which predict() returns as a dict. */
function twoOutputs(): Case {
  const g = new GraphBuilder(9);
  const data = g.node('dataset', { dataset: 'xor', n: 30 }, { label: 'data' });
  const h = g.chain('dense', { units: 3, activation: 'elu', alpha: 0.5 }, [data, 'x1'], [data, 'x0']);
  const a = g.chain('neuron', { activation: 'sigmoid' }, h);
  const b = g.chain(
    'act.custom',
    { formula: 'tanh(x) * 2' },
    g.chain('neuron', { init: 'he' }, h, [data, 'x0']),
  );
  g.loss('loss.bce', a, [data, 'target']);
  g.loss('loss.mse', b, [data, 'target']);
  return { name: 'two outputs', graph: g.graph() };
}

const cases: Case[] = [...exampleCases(), ...randomMlpCases(6, 3), ...handMadeCases(), twoOutputs()];
const dir = scratchDir('numpy');
const outputs = new Map<string, unknown>();

describe('export to NumPy', () => {
  beforeAll(async () => {
    ensureTorch();
    const jobs = cases.map((c, i) => {
      const plan = planOf(c.graph);
      const script = exportNumpy(plan, { name: c.name, theta: trained(plan) });
      const path = join(dir, `${i}-${script.filename}`);
      writeFileSync(path, script.source);
      return { path, args: [] };
    });
    const stdouts = await runScripts(dir, jobs);
    for (const [i, c] of cases.entries()) outputs.set(c.name, JSON.parse(stdouts[i]));
  }, 900_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s: predicts as the engine computes', (_, c) => {
    const plan = planOf(c.graph);
    const theta = trained(plan);
    const refs = predictionRefs(plan);
    const one = (rows: number[][][]) => (refs.length === 1 ? rows[0] : rows);
    const expected = plan.data
      ? {
          train: one(engineForward(plan, theta, plan.data.table.train)),
          test: one(engineForward(plan, theta, plan.data.table.test)),
        }
      : { value: one(engineForward(plan, theta)) };
    const actual = outputs.get(c.name) as Record<string, unknown>;
    if (refs.length > 1) {
      // Several outputs come back as a dict by label; compare them in order.
      for (const [k, v] of Object.entries(actual)) actual[k] = Object.values(v as object);
    }
    expectClose(actual, expected, c.name, 1e-9, 1e-12);
  });

  it('embeds the initial parameters by default and only those the prediction uses', () => {
    const c = handMadeCases().find((x) => x.name.startsWith('activation nodes'))!;
    const plan = planOf(c.graph);
    const { source, filename } = exportNumpy(plan, { name: 'Three classes' });
    expect(filename).toBe('three-classes-numpy.py');
    expect(source).toMatch(/Initial values/);
    // The neuron no loss reaches is left out, and nothing needs torch.
    expect(source).not.toMatch(/_bias = |torch/);
    expect(source).toMatch(/def predict\(x\):/);
  });

  it('refuses a graph with no loss to say what the output is', () => {
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'sine', n: 20 });
    g.chain('neuron', {}, [data, 'x0']);
    expect(() => exportNumpy(planOf(g.graph()))).toThrow(ExportError);
  });
});
