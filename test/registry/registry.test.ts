/**
 * A kind is one definition: a throwaway kind added to its family's list (and nowhere else) shows in
 * the palette and quick-add, gets an inspector form with its defaults, compiles, trains with
 * gradients that match finite differences, and is exported to PyTorch and NumPy.
 */
import { describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { exportNumpy } from '../../src/engine/export/numpy';
import { exportPyTorch } from '../../src/engine/export/pytorch';
import { paramApplies } from '../../src/engine/params';
import { getKind, kindsByFamily } from '../../src/engine/registry';
import { nodeSpec } from '../../src/store';
import { allKindChoices, rankKinds } from '../../src/store/quick-add';
import { expectGradientsMatch } from '../engine/gradcheck';
import { GraphBuilder } from '../engine/graph-builder';

vi.mock('../../src/engine/kinds/activations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/kinds/activations')>();
  const { cubeKind } = await import('./cube-kind');
  return { ...actual, ACTIVATION_KINDS: [...actual.ACTIVATION_KINDS, cubeKind] };
});

/** Dataset → neuron → cube → ½ squared error, trained by SGD. */
function cubeGraph() {
  const g = new GraphBuilder(3);
  const d = g.node('dataset', {
    dataset: 'linear',
    n: 20,
    seed: 3,
    testFraction: 0,
    batchSize: 5,
    noise: 0.2,
  });
  const neuron = g.chain('neuron', { activation: 'tanh' }, [d, 'x0']);
  const cube = g.chain('act.cube', { k: 1.5 }, neuron);
  const loss = g.loss('loss.mse', cube, [d, 'target']);
  g.edge([loss, 'loss'], [g.node('opt.sgd', { lr: 0.05 }), 'loss']);
  return g.graph();
}

describe('a kind added through its one definition', () => {
  it('is in the registry, the palette (its family) and quick-add', () => {
    expect(getKind('act.cube')?.label).toBe('Cube (test)');
    const activations = kindsByFamily().find((f) => f.family === 'activations');
    expect(activations?.kinds.map((k) => k.id)).toContain('act.cube');
    expect(allKindChoices().map((c) => c.kind.id)).toContain('act.cube');
    expect(rankKinds(allKindChoices(), 'cube')[0].kind.id).toBe('act.cube');
  });

  it('gets an inspector form: its parameter, with its default, validated', () => {
    const spec = nodeSpec({ kind: 'act.cube', params: {} });
    expect(spec?.values.k).toBe(2);
    expect(paramApplies(spec!.kind.params.k, spec!.values)).toBe(true);
    expect(nodeSpec({ kind: 'act.cube', params: { k: -1 } })?.issues[0].message).toMatch(/at least 0/);
  });

  it('compiles, and its gradients match finite differences', () => {
    const plan = compile(cubeGraph());
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expectGradientsMatch(cubeGraph());
  });

  it('is exported to PyTorch and NumPy with its own forms', () => {
    const plan = compile(cubeGraph()).plan!;
    expect(exportPyTorch(plan).source).toMatch(/\(1\.5 \* .+ \*\* 3\)/);
    expect(exportNumpy(plan).source).toMatch(/\(1\.5 \* .+ \*\* 3\)/);
  });
});
