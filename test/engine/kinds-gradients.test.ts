/**
 * Every kind that computes something is gradient-checked alone, in the smallest graph that runs
 * it: backprop must agree with finite differences for its parameters and for the dataset inputs.
 * Points are kept away from kinks (asserted), where finite differences are meaningless.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import type { Graph, NodeId } from '../../src/engine/graph';
import { ELEMENTWISE_IDS } from '../../src/engine/kinds/activation-functions';
import { KINDS } from '../../src/engine/registry';
import { expectGradientsMatch, type GradCheck, gradCheck } from './gradcheck';
import { type End, GraphBuilder } from './graph-builder';

/** Kind ids that some test below gradient-checks, collected as the tests are declared. */
const covered = new Set<string>();

/** Declares a gradient test of `graph` and records which kinds it covers (checked to be in it). */
function gradTest(name: string, kinds: string[], graph: () => Graph, then?: (r: GradCheck) => void) {
  for (const k of kinds) covered.add(k);
  it(name, () => {
    const g = graph();
    for (const k of kinds) expect(g.nodes.map((n) => n.kind)).toContain(k);
    const result = expectGradientsMatch(g);
    then?.(result);
  });
}

/** Fails if any number is within `margin` of a kink at `at`. */
function expectAwayFrom(numbers: number[], at: number, margin = 1e-3) {
  expect(numbers.length).toBeGreaterThan(0);
  for (const v of numbers) expect(Math.abs(v - at)).toBeGreaterThan(margin);
}

/** Both sides of a kink are visited, so both branches of the derivative are checked. */
function expectBothSides(numbers: number[], at = 0) {
  expect(numbers.some((v) => v > at)).toBe(true);
  expect(numbers.some((v) => v < at)).toBe(true);
}

/**
 * Two identical losses on one prediction: a backward that overwrote the prediction's gradient
 * instead of adding to it (+=) would lose the other copy's share and fail the check.
 */
function lossTwice(
  g: GraphBuilder,
  kind: string,
  prediction: End,
  target: End,
  params: Record<string, unknown>,
) {
  g.loss(kind, prediction, target, params);
  return g.loss(kind, prediction, target, params);
}

/** Two copies of a node reading one input: see lossTwice. */
function twice(g: GraphBuilder, kind: string, params: Record<string, unknown>, input: End): [NodeId, NodeId] {
  return [g.chain(kind, params, input), g.chain(kind, params, input)];
}

const data = (g: GraphBuilder, dataset: string, extra: Record<string, unknown> = {}) =>
  g.node('dataset', { dataset, n: 40, seed: 3, testFraction: 0, batchSize: 8, ...extra });

/** Dataset 'linear' → (what `middle` builds from x) → loss against the target. */
function regression(middle: (g: GraphBuilder, x: End) => End, loss = 'loss.mse', lossParams = {}, seed = 1) {
  const g = new GraphBuilder(seed);
  const d = data(g, 'linear', { noise: 0.3 });
  const out = middle(g, [d, 'x0']);
  const l = lossTwice(g, loss, out, [d, 'target'], lossParams);
  return { g, d, out, l };
}

/** Dataset 'gaussians3' (2 features, 3 one-hot classes) → (middle) → loss. */
function threeClasses(middle: (g: GraphBuilder, x: End) => End, loss = 'loss.mse', lossParams = {}) {
  const g = new GraphBuilder(2);
  const d = data(g, 'gaussians3', { noise: 0.8, n: 30, batchSize: 9 });
  const out = middle(g, [d, 'features']);
  const l = lossTwice(g, loss, out, [d, 'target'], lossParams);
  return { g, d, out, l };
}

/** Dataset 'gaussians' (2 features, targets 0/1) → (middle) → loss. */
function twoClasses(middle: (g: GraphBuilder, x: End) => End, loss: string, lossParams = {}) {
  const g = new GraphBuilder(4);
  const d = data(g, 'gaussians', { noise: 1 });
  const out = middle(g, [d, 'features']);
  const l = lossTwice(g, loss, out, [d, 'target'], lossParams);
  return { g, d, out, l };
}

const KINKED = new Set(['relu', 'leaky_relu', 'elu']);
const ALPHA: Record<string, number> = { leaky_relu: 0.2, elu: 1.5 };

describe('neurons and dense layers, with every activation', () => {
  for (const act of ELEMENTWISE_IDS) {
    let hidden: NodeId[] = [];
    gradTest(
      `neuron, ${act}`,
      ['dataset', 'neuron', 'loss.mse'],
      () => {
        const { g } = regression((g, x) => {
          // Two hidden neurons with explicit weights: z crosses 0 inside the data range [−5, 5].
          hidden = [
            g.node('neuron', { activation: act, alpha: ALPHA[act] ?? 0.01, bias: 0.3 }),
            g.node('neuron', { activation: act, alpha: ALPHA[act] ?? 0.01, bias: 0.5 }),
          ];
          g.edge(x, hidden[0], { weight: 0.8 });
          g.edge(x, hidden[1], { weight: -0.6 });
          return g.chain('neuron', {}, ...hidden);
        });
        return g.graph();
      },
      (r) => {
        for (const h of hidden) {
          const z = r.valuesOf(h, 'z');
          if (KINKED.has(act)) expectAwayFrom(z, 0);
          expectBothSides(z);
        }
      },
    );

    let layer = '' as NodeId;
    gradTest(
      `dense layer, ${act}`,
      ['dense'],
      () => {
        const { g } = threeClasses((g, x) => {
          layer = g.chain(
            'dense',
            { units: 4, activation: act, alpha: ALPHA[act] ?? 0.01, init: 'uniform' },
            x,
          );
          return g.chain('dense', { units: 3 }, layer);
        });
        return g.graph();
      },
      (r) => {
        const z = r.valuesOf(layer, 'z');
        if (KINKED.has(act)) expectAwayFrom(z, 0);
        expectBothSides(z);
      },
    );
  }
});

describe('Dropout, with the mask of the step held fixed', () => {
  let drop = '' as NodeId;
  gradTest(
    'between two dense layers: kept numbers scaled by 1/(1 − p), dropped ones pass no gradient',
    ['dropout'],
    () => {
      const { g } = threeClasses((g, x) => {
        const hidden = g.chain('dense', { units: 6, activation: 'tanh', init: 'uniform' }, x);
        drop = g.chain('dropout', { rate: 0.4 }, hidden);
        return g.chain('dense', { units: 3 }, drop);
      });
      return g.graph();
    },
    (r) => {
      const mask = r.valuesOf(drop, 'mask');
      // Both kinds of number are there, so both branches of the derivative were checked.
      expect(mask).toContain(0);
      expect(mask).toContain(1);
      const x = r.inputOf(drop);
      const y = r.valuesOf(drop, 'out');
      y.forEach((v, i) => {
        expect(v).toBeCloseTo((mask[i] * x[i]) / 0.6, 12);
      });
      const gy = r.gradsOf(drop, 'out');
      const gx = r.gradsOf(r.plan.nodes.get(drop)!.inputs.in[0].sourceNode, 'out');
      gx.forEach((v, i) => {
        expect(v).toBeCloseTo((mask[i] * gy[i]) / 0.6, 12);
      });
    },
  );
});

describe('LayerNorm', () => {
  let norm = '' as NodeId;
  gradTest(
    'between dense layers: ∂L/∂x, ∂L/∂γ and ∂L/∂β (γ = 1 here; the PyTorch test trains γ away from 1)',
    ['layernorm'],
    () => {
      const { g } = threeClasses((g, x) => {
        const hidden = g.chain('dense', { units: 5, activation: 'tanh', init: 'uniform' }, x);
        norm = g.chain('layernorm', { eps: 1e-3 }, hidden);
        return g.chain('dense', { units: 3 }, norm);
      });
      return g.graph();
    },
    (r) => {
      // Every example's x̂ has mean 0 and (biased) variance σ²/(σ² + ε), just under 1.
      const xhat = r.valuesOf(norm, 'xhat');
      for (let b = 0; b < xhat.length / 5; b++) {
        const row = xhat.slice(b * 5, b * 5 + 5);
        const mean = row.reduce((a, v) => a + v, 0) / 5;
        expect(mean).toBeCloseTo(0, 12);
        expect(row.reduce((a, v) => a + v * v, 0) / 5).toBeLessThan(1);
        expect(row.reduce((a, v) => a + v * v, 0) / 5).toBeGreaterThan(0.9);
      }
    },
  );
});

describe('BatchNorm, in training (batch statistics)', () => {
  let norm = '' as NodeId;
  gradTest(
    'between dense layers: every example’s ∂L/∂x reaches through the batch mean and variance',
    ['batchnorm'],
    () => {
      const { g } = threeClasses((g, x) => {
        const hidden = g.chain('dense', { units: 4, activation: 'tanh', init: 'uniform' }, x);
        norm = g.chain('batchnorm', { eps: 1e-3, momentum: 0.1 }, hidden);
        return g.chain('dense', { units: 3, init: 'uniform' }, norm);
      });
      return g.graph();
    },
    (r) => {
      // Over the batch (9 examples), each unit's x̂ has mean 0 and variance σ²/(σ² + ε), just under 1.
      const xhat = r.valuesOf(norm, 'xhat');
      const n = xhat.length / 4;
      expect(n).toBe(9);
      for (let j = 0; j < 4; j++) {
        const column = Array.from({ length: n }, (_, b) => xhat[b * 4 + j]);
        const mean = column.reduce((a, v) => a + v, 0) / n;
        const variance = column.reduce((a, v) => a + v * v, 0) / n;
        expect(mean).toBeCloseTo(0, 12);
        expect(variance).toBeLessThan(1);
        expect(variance).toBeGreaterThan(0.9);
      }
    },
  );
});

describe('the L1/L2 penalty', () => {
  for (const norm of ['l2', 'l1']) {
    gradTest(
      `${norm} over one chosen layer and over every weight, beside a data loss`,
      ['loss.penalty'],
      () => {
        const g = new GraphBuilder(6);
        const d = data(g, 'gaussians3', { noise: 0.8, n: 30, batchSize: 9 });
        const hidden = g.chain('dense', { units: 4, activation: 'tanh', init: 'uniform' }, [d, 'features']);
        const n = g.node('neuron', { activation: 'tanh' });
        g.edge([d, 'x0'], n, { weight: 0.7 });
        const out = g.chain('dense', { units: 3 }, hidden, n);
        const opt = g.node('opt.sgd', { lr: 0.1 });
        const fit = g.loss('loss.cce', out, [d, 'target'], { input: 'logits' });
        // The data loss, plus a penalty on one layer, plus one on every weight.
        const one = g.node('loss.penalty', { norm, lambda: 0.05 });
        g.edge([fit, 'loss'], [one, 'loss']);
        g.edge(hidden, [one, 'layers']);
        const all = g.node('loss.penalty', { norm, lambda: 0.02 });
        g.edge([one, 'loss'], [all, 'loss']);
        g.edge([all, 'loss'], [opt, 'loss']);
        return g.graph();
      },
    );
  }
});

describe('activation nodes', () => {
  const elementwise = ELEMENTWISE_IDS.map((id) => [id, `act.${id}`] as const);
  for (const [id, kind] of [...elementwise, ['prelu', 'act.prelu'] as const]) {
    let act = '' as NodeId;
    gradTest(
      kind,
      [kind],
      () => {
        const { g } = regression((g, x) => {
          const layer = g.chain(
            'dense',
            { units: 3, weights: [0.9, -0.7, 0.4], biases: [0.2, 0.5, -0.3] },
            x,
          );
          const params = id === 'prelu' ? { alpha: 0.3 } : id in ALPHA ? { alpha: ALPHA[id] } : {};
          const copies = twice(g, kind, params, layer);
          act = copies[0];
          return g.chain('neuron', {}, ...copies);
        });
        return g.graph();
      },
      (r) => {
        const x = r.inputOf(act);
        if (KINKED.has(id) || id === 'prelu') expectAwayFrom(x, 0);
        expectBothSides(x);
      },
    );
  }

  it('PReLU learns its slope: ∂L/∂α is the gradient summed over the negative inputs times x', () => {
    let act = '' as NodeId;
    const { g } = regression((g, x) => {
      act = g.chain('act.prelu', { alpha: 0.25 }, g.chain('neuron', { bias: 0.5 }, x));
      return act;
    });
    const r = expectGradientsMatch(g.graph());
    const alpha = r.plan.blocks.find((b) => b.nodeId === act && b.name === 'alpha')!;
    expect(r.trainer.theta[alpha.offset]).toBe(0.25);
    const x = r.inputOf(act);
    const gy = r.gradsOf(act);
    const expected = x.reduce((s, xi, i) => s + (xi > 0 ? 0 : gy[i] * xi), 0);
    expect(expected).not.toBe(0);
    expect(r.thetaGrad[alpha.offset]).toBeCloseTo(expected, 12);
  });

  gradTest('softmax (through mean squared error)', ['act.softmax'], () =>
    threeClasses((g, x) =>
      g.chain('math.add', {}, ...twice(g, 'act.softmax', {}, g.chain('dense', { units: 3 }, x))),
    ).g.graph(),
  );

  gradTest('custom formula, derivative derived (SiLU, the default)', ['act.custom'], () =>
    regression((g, x) =>
      g.chain('neuron', {}, ...twice(g, 'act.custom', {}, g.chain('dense', { units: 2 }, x))),
    ).g.graph(),
  );

  gradTest('custom formula with a typed derivative', ['act.custom'], () =>
    regression((g, x) =>
      g.chain(
        'neuron',
        {},
        ...twice(
          g,
          'act.custom',
          { formula: 'sin(x) + x^2 / 4', derivative: 'cos(x) + x / 2' },
          g.chain('dense', { units: 2 }, x),
        ),
      ),
    ).g.graph(),
  );

  it('catches a wrong derivative typed by hand', () => {
    const { g } = regression((g, x) =>
      g.chain(
        'neuron',
        {},
        g.chain('act.custom', { formula: 'x^2', derivative: 'x' }, g.chain('neuron', { bias: 0.5 }, x)),
      ),
    );
    const r = gradCheck(g.graph());
    expect(r.failures.length).toBeGreaterThan(0);
    expect(() => expectGradientsMatch(g.graph())).toThrow(/gradients disagree/);
  });
});

describe('losses', () => {
  gradTest('mean squared error', ['loss.mse'], () =>
    regression((g, x) => g.chain('neuron', { activation: 'tanh' }, x)).g.graph(),
  );

  it('half mean squared error is half of it, gradients included', () => {
    const build = (half: boolean) =>
      regression((g, x) => g.chain('neuron', { activation: 'tanh' }, x), 'loss.mse', { half }).g.graph();
    const full = expectGradientsMatch(build(false));
    const half = expectGradientsMatch(build(true));
    expect(half.loss).toBeCloseTo(full.loss / 2, 12);
    for (const [i, v] of half.thetaGrad.entries()) expect(v).toBeCloseTo(full.thetaGrad[i] / 2, 12);
  });

  gradTest('mean squared log error (sigmoid outputs, 0/1 targets: all above −1)', ['loss.msle'], () =>
    threeClasses((g, x) => g.chain('dense', { units: 3, activation: 'sigmoid' }, x), 'loss.msle').g.graph(),
  );

  let maePrediction = '' as NodeId;
  let maeLoss = '' as NodeId;
  gradTest(
    'mean absolute error',
    ['loss.mae'],
    () => {
      const { g, out, l } = regression((g, x) => g.chain('neuron', { activation: 'tanh' }, x), 'loss.mae');
      maePrediction = out as NodeId;
      maeLoss = l;
      return g.graph();
    },
    (r) => {
      const d = r.valuesOf(maePrediction, 'out').map((p, i) => p - r.inputOf(maeLoss, 'target')[i]);
      expectAwayFrom(d, 0);
      expectBothSides(d);
    },
  );

  for (const delta of [0.1, 1, 10]) {
    let pred = '' as NodeId;
    let loss = '' as NodeId;
    gradTest(
      `Huber loss, δ = ${delta}`,
      ['loss.huber'],
      () => {
        // ŷ = 0.2x + 1 against y ≈ 0.5x + 1: the misses |0.3x + noise| spread from 0 to about 1.5.
        const { g, out, l } = regression(
          (g, x) => {
            const n = g.node('neuron', { bias: 1 });
            g.edge(x, n, { weight: 0.2 });
            return n;
          },
          'loss.huber',
          { delta },
        );
        pred = out as NodeId;
        loss = l;
        return g.graph();
      },
      (r) => {
        const target = r.inputOf(loss, 'target');
        const misses = r.valuesOf(pred, 'out').map((p, i) => Math.abs(p - target[i]));
        expectAwayFrom(misses, delta);
        // δ = 1 sits inside the spread of misses: both the squared and the linear region are checked.
        if (delta === 1) expectBothSides(misses, delta);
        if (delta === 0.1) expect(misses.every((m) => m > delta)).toBe(true);
        if (delta === 10) expect(misses.every((m) => m < delta)).toBe(true);
      },
    );
  }

  gradTest('binary cross-entropy from probabilities', ['loss.bce'], () =>
    twoClasses((g, x) => g.chain('neuron', { activation: 'sigmoid' }, x), 'loss.bce').g.graph(),
  );

  gradTest('binary cross-entropy from logits', ['loss.bce'], () =>
    twoClasses((g, x) => g.chain('neuron', {}, x), 'loss.bce', { input: 'logits' }).g.graph(),
  );

  gradTest('categorical cross-entropy after a softmax', ['loss.cce', 'act.softmax'], () =>
    threeClasses(
      (g, x) => g.chain('act.softmax', {}, g.chain('dense', { units: 3 }, x)),
      'loss.cce',
    ).g.graph(),
  );

  gradTest('categorical cross-entropy from probabilities not made by a softmax', ['loss.cce'], () =>
    threeClasses((g, x) => g.chain('dense', { units: 3, activation: 'sigmoid' }, x), 'loss.cce').g.graph(),
  );

  gradTest('categorical cross-entropy from logits', ['loss.cce'], () =>
    threeClasses((g, x) => g.chain('dense', { units: 3 }, x), 'loss.cce', { input: 'logits' }).g.graph(),
  );

  gradTest('minimize a value (a vector: its sum)', ['loss.objective'], () => {
    const g = new GraphBuilder();
    const d = data(g, 'gaussians3', { n: 30, noise: 0.8 });
    const layer = g.chain('dense', { units: 3, activation: 'tanh' }, [d, 'features']);
    g.loss('loss.objective', layer);
    g.loss('loss.objective', layer);
    return g.graph();
  });
});

describe('math nodes and the dataset', () => {
  gradTest(
    'constant, parameter, add and multiply, broadcasting a scalar over a vector',
    ['math.constant', 'math.parameter', 'math.add', 'math.multiply'],
    () =>
      threeClasses((g, x) => {
        const layer = g.chain('dense', { units: 3, activation: 'tanh' }, x);
        const scaled = g.chain('math.multiply', {}, layer, g.node('math.parameter', { value: 1.5 }));
        return g.chain('math.add', {}, scaled, g.node('math.constant', { value: 0.25 }), layer);
      }).g.graph(),
  );

  gradTest(
    'dataset features reach the loss through both the per-feature ports and the vector',
    ['dataset'],
    () =>
      twoClasses((g, x) => {
        const d = (x as readonly [NodeId, string])[0];
        const neuron = g.chain('neuron', { activation: 'tanh' }, [d, 'x0'], [d, 'x1']);
        const layer = g.chain('dense', { units: 1, activation: 'tanh' }, x);
        return g.chain('math.add', {}, neuron, layer);
      }, 'loss.mse').g.graph(),
  );

  gradTest(
    'CSV data features reach the loss through both the per-feature ports and the vector',
    ['dataset.csv'],
    () => {
      const g = new GraphBuilder(4);
      const rows = Array.from(
        { length: 12 },
        (_, i) => `${(i * 0.37) % 2},${1 - ((i * 0.61) % 1.5)},${i % 3}`,
      );
      const d = g.node('dataset.csv', {
        csv: `u,v,label\n${rows.join('\n')}\n`,
        features: ['u', 'v'],
        target: 'label',
        testFraction: 0,
        batchSize: 6,
      });
      const neuron = g.chain('neuron', { activation: 'tanh' }, [d, 'x0'], [d, 'x1']);
      const layer = g.chain('dense', { units: 3, activation: 'tanh' }, [d, 'features']);
      const out = g.chain('math.add', {}, neuron, layer);
      lossTwice(g, 'loss.mse', out, [d, 'target'], {});
      return g.graph();
    },
  );
});

describe('conventions at kinks', () => {
  it("relu'(0) = 0: a neuron whose z is exactly 0 gets no gradient on its weight or bias", () => {
    const { g } = regression((g, x) => {
      const dead = g.node('neuron', { activation: 'relu', bias: 0 });
      g.edge(x, dead, { weight: 0, label: 'w_dead' });
      const live = g.node('neuron', { activation: 'tanh' });
      g.edge(x, live, { label: 'w_live' });
      return g.chain('neuron', {}, dead, live);
    });
    const r = gradCheck(g.graph());
    const grad = (label: string) => r.thetaGrad[r.plan.blocks.find((b) => b.label === label)!.offset];
    const dead = r.plan.blocks.find((b) => b.label === 'w_dead')!.nodeId;
    expect(r.valuesOf(dead, 'z').every((z) => z === 0)).toBe(true);
    expect(grad('w_dead')).toBe(0);
    expect(r.thetaGrad[r.plan.nodes.get(dead)!.blocks.bias.offset]).toBe(0);
    expect(grad('w_live')).not.toBe(0);
  });

  it('an act.relu node whose input is exactly 0 passes no gradient back', () => {
    let act = '' as NodeId;
    const { g } = regression((g, x) => {
      act = g.chain('act.relu', {}, g.chain('dense', { units: 2, weights: [0, 0], biases: [0, 0] }, x));
      return g.chain('neuron', {}, act);
    });
    const r = gradCheck(g.graph());
    expect(r.inputOf(act).every((v) => v === 0)).toBe(true);
    expect(r.gradsOf(act).some((v) => v !== 0)).toBe(true);
    const layer = r.plan.nodes.get(r.plan.blocks.find((b) => b.name === 'W')!.nodeId)!;
    for (const b of Object.values(layer.blocks)) {
      for (let i = 0; i < b.size; i++) expect(r.thetaGrad[b.offset + i]).toBe(0);
    }
  });
});

describe('numerical stability', () => {
  /** gaussians3 → a dense layer with fixed logits [100, 0, 0] for every example → loss. */
  function fixedLogits(softmaxNode: boolean) {
    const g = new GraphBuilder();
    const d = data(g, 'gaussians3', { n: 30, noise: 0.8, batchSize: 30 });
    const layer = g.chain('dense', { units: 3, weights: [0, 0, 0, 0, 0, 0], biases: [100, 0, 0] }, [
      d,
      'features',
    ]);
    const pred = softmaxNode ? g.chain('act.softmax', {}, layer) : layer;
    g.loss('loss.cce', pred, [d, 'target'], softmaxNode ? {} : { input: 'logits' });
    const r = gradCheck(g.graph(), { features: false });
    const bias = r.plan.nodes.get(r.plan.blocks.find((b) => b.name === 'b')!.nodeId)!.blocks.b;
    const targets = r.inputOf(r.plan.losses[0].id, 'target');
    // Share of examples in each class: ∂L/∂b_j = mean(p_j − y_j) with p ≈ (1, e⁻¹⁰⁰, e⁻¹⁰⁰).
    const share = [0, 1, 2].map((j) => targets.filter((_, i) => i % 3 === j && targets[i] === 1).length / 30);
    return { r, bias, share };
  }

  for (const softmaxNode of [true, false]) {
    it(`categorical cross-entropy keeps its true loss and gradient at a logit gap of 100 (${softmaxNode ? 'after a softmax node' : 'from logits'})`, () => {
      const { r, bias, share } = fixedLogits(softmaxNode);
      expect(share.every((s) => s > 0)).toBe(true);
      // Examples of class 1 or 2 have p = e⁻¹⁰⁰/(1 + 2e⁻¹⁰⁰): ℓ = 100 + log(1 + 2e⁻¹⁰⁰) ≈ 100.
      expect(r.loss).toBeCloseTo(100 * (share[1] + share[2]), 10);
      const grad = Array.from(r.thetaGrad.subarray(bias.offset, bias.offset + 3));
      expect(grad[0]).toBeCloseTo(1 - share[0], 12);
      expect(grad[1]).toBeCloseTo(-share[1], 12);
      expect(grad[2]).toBeCloseTo(-share[2], 12);
    });
  }

  it('binary cross-entropy from logits stays finite for huge logits', () => {
    const g = new GraphBuilder();
    const d = data(g, 'gaussians', { n: 8, noise: 1, batchSize: 8 });
    const c = g.node('math.constant', { value: 800 });
    const z = g.chain('math.multiply', {}, c, g.node('math.parameter', { value: 1 }));
    g.loss('loss.bce', z, [d, 'target'], { input: 'logits' });
    const r = gradCheck(g.graph(), { features: false });
    const targets = r.inputOf(r.plan.losses[0].id, 'target');
    const zeros = targets.filter((t) => t === 0).length / targets.length;
    // ℓ = 800 for target 0 and ≈ 0 for target 1; ∂ℓ/∂z = σ(800) − y = 1 − y.
    expect(r.loss).toBeCloseTo(800 * zeros, 9);
    expect(r.thetaGrad[0]).toBeCloseTo(800 * zeros, 9);
  });

  it('binary cross-entropy clamps probabilities of exactly 0 and 1 inside the log', () => {
    const g = new GraphBuilder();
    const d = data(g, 'gaussians', { n: 8, noise: 1, batchSize: 8 });
    g.loss('loss.bce', g.node('math.parameter', { value: 0 }), [d, 'target']);
    const r = gradCheck(g.graph(), { features: false });
    const ones = r.inputOf(r.plan.losses[0].id, 'target').filter((t) => t === 1).length / 8;
    expect(r.loss).toBeCloseTo(-Math.log(1e-12) * ones, 6);
    expect(Number.isFinite(r.thetaGrad[0])).toBe(true);
  });
});

describe('what the compiler reports', () => {
  const diagnostics = (graph: Graph) => compile(graph).diagnostics.filter((d) => d.severity === 'error');

  it('a loss whose prediction and target differ in size, naming both sizes', () => {
    const { g } = threeClasses((g, x) => g.chain('neuron', {}, x));
    const [d] = diagnostics(g.graph());
    expect(d.code).toBe('size-mismatch');
    expect(d.message).toContain('the prediction has 1 number per example but the target has 3 numbers');
  });

  it('a softmax over a single number', () => {
    const { g } = regression((g, x) => g.chain('act.softmax', {}, x));
    expect(diagnostics(g.graph()).map((d) => d.code)).toEqual(['size-mismatch']);
  });

  it('a custom formula that does not parse, as a bad parameter', () => {
    const { g } = regression((g, x) => g.chain('act.custom', { formula: 'x * (1 +' }, x));
    const [d] = diagnostics(g.graph());
    expect(d.code).toBe('bad-param');
    expect(d.message).toContain('the formula f(x) cannot be used');
  });

  it('a loss without a target, with the hint', () => {
    const g = new GraphBuilder();
    const d = data(g, 'linear');
    const l = g.node('loss.mse');
    g.edge([d, 'x0'], [l, 'prediction']);
    expect(diagnostics(g.graph()).map((x) => x.message)).toEqual([
      'A loss needs a target: connect the Dataset’s target port.',
    ]);
  });
});

it('every kind that computes something has a gradient test above', () => {
  const computing = KINDS.filter((k) => k.build).map((k) => k.id);
  expect(computing.filter((id) => !covered.has(id))).toEqual([]);
  expect([...covered].filter((id) => !computing.includes(id))).toEqual([]);
});
