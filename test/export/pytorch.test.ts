/**
 * The PyTorch round trip: every graph is exported, its script trained for STEPS steps with torch
 * (autograd and torch.optim), and its JSON must match the engine's Trainer after as many steps —
 * the loss and every parameter — to rtol 1e-6 in float64. STEPS crosses epoch boundaries, so
 * shuffled batch orders and short last batches are covered.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Graph, type Plan, parametersByLabel, Trainer } from '../../src/engine';
import { ExportError, exportPyTorch } from '../../src/engine/export';
import { defineKind } from '../../src/engine/kind';
import { getKind, KINDS } from '../../src/engine/registry';
import { GraphBuilder } from '../engine/graph-builder';
import { type Case, exampleCases, handMadeCases, randomMlpCases } from './graphs';
import { ensureTorch, expectClose, PYTHON, runScripts, scratchDir } from './python';

const STEPS = 25;
const RTOL = 1e-6;
const ATOL = 1e-12;

function planOf(graph: Graph): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return plan;
}

function engineRun(plan: Plan, steps: number) {
  const trainer = new Trainer(plan);
  for (let s = 0; s < steps; s++) trainer.trainStep();
  // Through JSON, as `neurograph train --json` prints it (NaN becomes null).
  return JSON.parse(
    JSON.stringify({
      step: trainer.step,
      loss: trainer.loss,
      parameters: parametersByLabel(plan, trainer.theta),
    }),
  );
}

const cases: Case[] = [...exampleCases(), ...randomMlpCases(12), ...handMadeCases()];
const dir = scratchDir('pytorch');
const outputs = new Map<string, unknown>();

describe('export to PyTorch', () => {
  beforeAll(async () => {
    ensureTorch();
    const jobs = cases.map((c, i) => {
      const script = exportPyTorch(planOf(c.graph), { name: c.name });
      const path = join(dir, `${i}-${script.filename}`);
      writeFileSync(path, script.source);
      return { path, args: ['--steps', String(STEPS)] };
    });
    const stdouts = await runScripts(dir, jobs);
    for (const [i, c] of cases.entries()) outputs.set(c.name, JSON.parse(stdouts[i]));
  }, 900_000);

  it.each(cases.map((c) => [c.name, c] as const))('%s: trains as the engine does', (_, c) => {
    const expected = engineRun(planOf(c.graph), STEPS);
    const actual = outputs.get(c.name);
    expectClose(actual, expected, c.name, RTOL, ATOL);
  });

  it('covers every kind in the registry', () => {
    const used = new Set(cases.flatMap((c) => c.graph.nodes.map((n) => n.kind)));
    expect(KINDS.map((k) => k.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('runs standalone: python3 script.py --steps N prints the train --json line', async () => {
    const c = cases.find((x) => x.name === 'example spiral')!;
    const script = exportPyTorch(planOf(c.graph), { name: 'Spiral' });
    const path = join(dir, script.filename);
    writeFileSync(path, script.source);
    const { stdout } = await promisify(execFile)(PYTHON, [path, '--steps', '40'], { timeout: 120_000 });
    expectClose(JSON.parse(stdout), engineRun(planOf(c.graph), 40), 'spiral, 40 steps', RTOL, ATOL);
    expect(script.filename).toBe('spiral.py');
  }, 120_000);

  it('names the kinds it cannot export, with their nodes, in one error', () => {
    const mystery = defineKind({
      ...getKind('act.tanh')!,
      id: 'act.mystery',
      label: 'Mystery',
      torch: undefined,
      numpy: undefined,
    });
    const oracle = defineKind({
      ...getKind('opt.sgd')!,
      id: 'opt.oracle',
      label: 'Oracle',
      torchOptimizer: undefined,
    });
    const custom = new Map([
      [mystery.id, mystery],
      [oracle.id, oracle],
    ]);
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'sine', n: 20 });
    const h = g.chain('act.mystery', {}, [data, 'x0']);
    const h2 = g.chain('act.mystery', {}, h);
    const loss = g.loss('loss.mse', h2, [data, 'target']);
    g.edge([loss, 'loss'], [g.node('opt.oracle', {}, { label: 'the oracle' }), 'loss']);
    const { plan } = compile(g.graph(), (id) => custom.get(id) ?? getKind(id));
    expect(plan).not.toBeNull();
    const error = (() => {
      try {
        exportPyTorch(plan!);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kinds).toEqual(['act.mystery', 'opt.oracle']);
    expect((error as ExportError).message).toBe(
      'cannot export to PyTorch: these node kinds have no PyTorch translation: ' +
        'Mystery (“act.mystery”: “n2”, “n3”); Oracle (“opt.oracle”: “the oracle”)',
    );
  });
});
