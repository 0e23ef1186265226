import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { AnyKind } from '../../src/engine/kind';
import { OPTIMIZER_KINDS } from '../../src/engine/kinds/optimizers';
import { resolveParams } from '../../src/engine/params';

function kind(id: string): AnyKind {
  const found = OPTIMIZER_KINDS.find((k) => k.id === id);
  if (!found) throw new Error(`no optimizer kind ${id}`);
  return found;
}

interface Run {
  /** θ after each step. */
  thetas: number[][];
  /** `delta` after each step. */
  deltas: number[][];
}

/** Runs a kind's update rule from θ₀ over a fixed sequence of gradients, one step per gradient. */
function train(id: string, raw: Record<string, unknown>, theta0: number[], grads: number[][], fill = 0): Run {
  const k = kind(id);
  const { values, issues } = resolveParams(k.params, raw);
  expect(issues).toEqual([]);
  expect(k.validate?.(values) ?? []).toEqual([]);
  const rule = k.optimizer!;
  const theta = Float64Array.from(theta0);
  const state = rule.state.map(() => new Float64Array(theta0.length).fill(fill));
  const delta = new Float64Array(theta0.length);
  const run: Run = { thetas: [], deltas: [] };
  grads.forEach((g, i) => {
    rule.step(values, theta, Float64Array.from(g), state, i + 1, delta);
    run.thetas.push([...theta]);
    run.deltas.push([...delta]);
  });
  return run;
}

function expectClose(actual: number[], expected: number[], tol = 1e-12) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]), `element ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(expected[i])),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Independent references: one parameter at a time, plain numbers, written from the update rules
// as torch.optim's documentation states them (not from the implementation under test).
// Each returns θ after every step.
// ---------------------------------------------------------------------------------------------

type Reference<H> = (h: H, theta0: number, grads: number[]) => number[];

interface SgdH {
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

const referenceSgd: Reference<SgdH> = (h, theta0, grads) => {
  let theta = theta0;
  let b = 0;
  return grads.map((grad, k) => {
    let g = grad + h.weightDecay * theta;
    if (h.momentum !== 0) {
      b = k === 0 ? g : h.momentum * b + (1 - h.dampening) * g;
      g = h.nesterov ? g + h.momentum * b : b;
    }
    theta = theta - h.lr * g;
    return theta;
  });
};

interface RmspropH {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
  weightDecay: number;
}

const referenceRmsprop: Reference<RmspropH> = (h, theta0, grads) => {
  let theta = theta0;
  let v = 0;
  let gAve = 0;
  let b = 0;
  return grads.map((grad) => {
    const g = grad + h.weightDecay * theta;
    v = h.alpha * v + (1 - h.alpha) * g * g;
    let vTilde = v;
    if (h.centered) {
      gAve = h.alpha * gAve + (1 - h.alpha) * g;
      vTilde = vTilde - gAve * gAve;
    }
    if (h.momentum > 0) {
      b = h.momentum * b + g / (Math.sqrt(vTilde) + h.eps);
      theta = theta - h.lr * b;
    } else {
      theta = theta - (h.lr * g) / (Math.sqrt(vTilde) + h.eps);
    }
    return theta;
  });
};

interface AdagradH {
  lr: number;
  lrDecay: number;
  eps: number;
  initialAccumulator: number;
  weightDecay: number;
}

const referenceAdagrad: Reference<AdagradH> = (h, theta0, grads) => {
  let theta = theta0;
  let sum = h.initialAccumulator;
  return grads.map((grad, k) => {
    const t = k + 1;
    const decayedLr = h.lr / (1 + (t - 1) * h.lrDecay);
    const g = grad + h.weightDecay * theta;
    sum = sum + g * g;
    theta = theta - (decayedLr * g) / (Math.sqrt(sum) + h.eps);
    return theta;
  });
};

interface AdamH {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}

/** Adam (L2 weight decay in the gradient) or, with `decoupled`, AdamW (θ shrinks first). */
const referenceAdam =
  (decoupled: boolean): Reference<AdamH> =>
  (h, theta0, grads) => {
    let theta = theta0;
    let m = 0;
    let v = 0;
    let vMax = 0;
    return grads.map((grad, k) => {
      const t = k + 1;
      let g = grad;
      if (decoupled) theta = theta - h.lr * h.weightDecay * theta;
      else g = grad + h.weightDecay * theta;
      m = h.beta1 * m + (1 - h.beta1) * g;
      v = h.beta2 * v + (1 - h.beta2) * g * g;
      vMax = Math.max(vMax, v);
      const mHat = m / (1 - h.beta1 ** t);
      const vHat = (h.amsgrad ? vMax : v) / (1 - h.beta2 ** t);
      theta = theta - (h.lr * mHat) / (Math.sqrt(vHat) + h.eps);
      return theta;
    });
  };

/** Applies a scalar reference to each parameter; returns θ (all parameters) after every step. */
function referenceRun<H>(ref: Reference<H>, h: H, theta0: number[], grads: number[][]): number[][] {
  const perParameter = theta0.map((th, j) =>
    ref(
      h,
      th,
      grads.map((g) => g[j]),
    ),
  );
  return grads.map((_, step) => perParameter.map((history) => history[step]));
}

const THETA0 = [0.5, -1.2, 2.0];
const GRADS = [
  [0.3, -0.7, 1.1],
  [-0.2, 0.4, 0.9],
  [0.05, -1.5, -0.6],
];

const SGD_DEFAULTS: SgdH = { lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 };
const RMSPROP_DEFAULTS: RmspropH = {
  lr: 0.01,
  alpha: 0.99,
  eps: 1e-8,
  momentum: 0,
  centered: false,
  weightDecay: 0,
};
const ADAGRAD_DEFAULTS: AdagradH = {
  lr: 0.01,
  lrDecay: 0,
  eps: 1e-10,
  initialAccumulator: 0,
  weightDecay: 0,
};
const ADAM_DEFAULTS: AdamH = {
  lr: 0.001,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
};

function expectMatchesReference<H extends object>(
  id: string,
  ref: Reference<H>,
  defaults: H,
  overrides: Partial<H>,
) {
  const run = train(id, overrides, THETA0, GRADS);
  const expected = referenceRun(ref, { ...defaults, ...overrides }, THETA0, GRADS);
  run.thetas.forEach((theta, step) => {
    expectClose(theta, expected[step]);
  });
}

describe('optimizer kinds match the published update rules over three steps', () => {
  it.each<Partial<SgdH>>([
    { lr: 0.1 },
    { lr: 0.1, momentum: 0.9 },
    { lr: 0.1, momentum: 0.9, dampening: 0.3 },
    { lr: 0.1, momentum: 0.9, nesterov: true },
    { lr: 0.1, momentum: 0.5, weightDecay: 0.05 },
    { lr: 0.1, weightDecay: 0.2 },
  ])('SGD %o', (h) => expectMatchesReference('opt.sgd', referenceSgd, SGD_DEFAULTS, h));

  it.each<Partial<RmspropH>>([
    {},
    { lr: 0.05, alpha: 0.9 },
    { alpha: 0.9, centered: true },
    { momentum: 0.8 },
    { alpha: 0.8, centered: true, momentum: 0.7, weightDecay: 0.1, eps: 1e-4 },
  ])('RMSprop %o', (h) => expectMatchesReference('opt.rmsprop', referenceRmsprop, RMSPROP_DEFAULTS, h));

  it.each<Partial<AdagradH>>([
    {},
    { lr: 0.1, lrDecay: 0.1 },
    { initialAccumulator: 0.5, weightDecay: 0.1 },
    { lr: 0.5, eps: 1e-3, lrDecay: 0.5 },
  ])('Adagrad %o', (h) => expectMatchesReference('opt.adagrad', referenceAdagrad, ADAGRAD_DEFAULTS, h));

  it.each<Partial<AdamH>>([
    {},
    { lr: 0.01, weightDecay: 0.1 },
    { lr: 0.01, beta1: 0.5, beta2: 0.9, eps: 1e-6 },
    { lr: 0.01, beta2: 0.5, amsgrad: true },
    { lr: 0.01, beta2: 0.5, amsgrad: true, weightDecay: 0.05 },
  ])('Adam %o', (h) => expectMatchesReference('opt.adam', referenceAdam(false), ADAM_DEFAULTS, h));

  it.each<Partial<AdamH>>([
    { weightDecay: 0.01 },
    { lr: 0.01, weightDecay: 0.1 },
    { lr: 0.01, beta2: 0.5, amsgrad: true, weightDecay: 0.2 },
  ])('AdamW %o', (h) => expectMatchesReference('opt.adamw', referenceAdam(true), ADAM_DEFAULTS, h));

  it('AMSGrad changes the result in the cases above (the second parameter’s v shrinks at step 2)', () => {
    const plain = train('opt.adam', { lr: 0.01, beta2: 0.5 }, THETA0, GRADS);
    const ams = train('opt.adam', { lr: 0.01, beta2: 0.5, amsgrad: true }, THETA0, GRADS);
    expect(ams.thetas[1][1]).not.toBeCloseTo(plain.thetas[1][1], 6);
  });
});

describe('hand-computed steps', () => {
  it('SGD: θ = 1, g = 11.31, η = 1e-4 gives 1 − 0.001131 = 0.998869', () => {
    const { thetas } = train('opt.sgd', { lr: 1e-4 }, [1], [[11.31]]);
    expect(thetas[0][0]).toBeCloseTo(0.998869, 12);
  });

  it('SGD with momentum 0.9: b = 1, then 1.9; θ = 1 → 0.9 → 0.71 (η = 0.1, g = 1 twice)', () => {
    const { thetas } = train('opt.sgd', { lr: 0.1, momentum: 0.9 }, [1], [[1], [1]]);
    expect(thetas[0][0]).toBeCloseTo(0.9, 12);
    expect(thetas[1][0]).toBeCloseTo(0.71, 12);
  });

  it('SGD with Nesterov: steps by g + μb: 1 + 0.9 = 1.9, then 1 + 0.9·1.9 = 2.71; θ → 0.81 → 0.539', () => {
    const { thetas } = train('opt.sgd', { lr: 0.1, momentum: 0.9, nesterov: true }, [1], [[1], [1]]);
    expect(thetas[0][0]).toBeCloseTo(0.81, 12);
    expect(thetas[1][0]).toBeCloseTo(0.539, 12);
  });

  it('SGD dampening scales later gradients only: b₂ = 0.9·1 + 0.5·1 = 1.4', () => {
    const { thetas } = train('opt.sgd', { lr: 0.1, momentum: 0.9, dampening: 0.5 }, [1], [[1], [1]]);
    expect(thetas[0][0]).toBeCloseTo(0.9, 12);
    expect(thetas[1][0]).toBeCloseTo(0.76, 12);
  });

  it('SGD weight decay adds λθ to the gradient: θ = 2, g = 0.5, λ = 0.1 → 2 − 0.1·0.7 = 1.93', () => {
    const { thetas } = train('opt.sgd', { lr: 0.1, weightDecay: 0.1 }, [2], [[0.5]]);
    expect(thetas[0][0]).toBeCloseTo(1.93, 12);
  });

  it('Adam: the first step moves each parameter by about η against the sign of its gradient', () => {
    // m̂₁ = g and √v̂₁ = |g|, so Δθ = −η·g/(|g| + ε) ≈ −η·sign(g).
    const { deltas } = train('opt.adam', { lr: 0.001 }, [1, -2, 0.5], [[0.5, -3, 1e-3]]);
    expect(deltas[0][0]).toBeCloseTo(-0.001, 10);
    expect(deltas[0][1]).toBeCloseTo(0.001, 10);
    expect(deltas[0][2]).toBeCloseTo(-0.001, 7); // ε/|g| = 1e-5 relative
  });

  it('Adam: a zero gradient leaves θ alone (0/ε = 0)', () => {
    const { thetas } = train('opt.adam', {}, [1.5], [[0], [0]]);
    expect(thetas).toEqual([[1.5], [1.5]]);
  });

  it('AdamW decays θ even with a zero gradient: θ = 2, η = 0.1, λ = 0.01 → 2·(1 − 0.001) = 1.998', () => {
    const { thetas } = train('opt.adamw', { lr: 0.1, weightDecay: 0.01 }, [2], [[0]]);
    expect(thetas[0][0]).toBeCloseTo(1.998, 12);
  });

  it('Adam with L2 decay instead normalises λθ like any gradient: a full η step, 2 → ≈1.9', () => {
    const { thetas } = train('opt.adam', { lr: 0.1, weightDecay: 0.01 }, [2], [[0]]);
    // g = 0.02, Δθ = −0.1·0.02/(0.02 + 1e-8)
    expect(thetas[0][0]).toBeCloseTo(2 - 0.002 / (0.02 + 1e-8), 12);
  });

  it('RMSprop: the first step is η·g/(|g|·√(1 − α)) = 10η when α = 0.99', () => {
    // v₁ = 0.01·4 = 0.04, √v₁ = 0.2, Δθ = −0.01·2/0.2 = −0.1.
    const { thetas } = train('opt.rmsprop', { lr: 0.01 }, [1], [[2]]);
    expect(thetas[0][0]).toBeCloseTo(0.9, 6);
  });

  it('Adagrad: s = 4 then 8; θ = 1 → 1 − 0.1·2/2 = 0.9 → 0.9 − 0.1·2/√8 ≈ 0.829289', () => {
    const { thetas } = train('opt.adagrad', { lr: 0.1 }, [1], [[2], [2]]);
    expect(thetas[0][0]).toBeCloseTo(0.9, 9);
    expect(thetas[1][0]).toBeCloseTo(0.829289, 6);
  });

  it('Adagrad learning-rate decay halves the second step when d = 1: 0.9 − 0.05·2/√8 ≈ 0.864645', () => {
    const { thetas } = train('opt.adagrad', { lr: 0.1, lrDecay: 1 }, [1], [[2], [2]]);
    expect(thetas[1][0]).toBeCloseTo(0.864645, 6);
  });

  it('Adagrad starts its sum at the initial accumulator: s₁ = 5 + 4 = 9, θ = 1 − 0.3·2/3 = 0.8', () => {
    const { thetas } = train('opt.adagrad', { lr: 0.3, initialAccumulator: 5 }, [1], [[2]]);
    expect(thetas[0][0]).toBeCloseTo(0.8, 9);
  });
});

describe('the contract every update rule keeps', () => {
  const DEMANDING: Record<string, Record<string, unknown>> = {
    'opt.sgd': { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 },
    'opt.rmsprop': { centered: true, momentum: 0.5, weightDecay: 0.01 },
    'opt.adagrad': { lrDecay: 0.1, initialAccumulator: 0.1, weightDecay: 0.01 },
    'opt.adam': { amsgrad: true, weightDecay: 0.01 },
    'opt.adamw': { amsgrad: true },
  };

  it.each(Object.entries(DEMANDING))('%s writes θ_new − θ_old into delta', (id, raw) => {
    const { thetas, deltas } = train(id, raw, THETA0, GRADS);
    const before = [THETA0, ...thetas];
    deltas.forEach((delta, step) => {
      expect(delta).toEqual(thetas[step].map((th, j) => th - before[step][j]));
    });
  });

  it.each(Object.entries(DEMANDING))('%s leaves the gradient untouched', (id, raw) => {
    const k = kind(id);
    const p = resolveParams(k.params, raw).values;
    const theta = Float64Array.from(THETA0);
    const grad = Float64Array.from(GRADS[0]);
    const state = k.optimizer!.state.map(() => new Float64Array(3));
    k.optimizer!.step(p, theta, grad, state, 1, new Float64Array(3));
    expect([...grad]).toEqual(GRADS[0]);
  });

  it.each(Object.entries(DEMANDING))(
    '%s starts afresh at t = 1 whatever its state vectors hold',
    (id, raw) => {
      const clean = train(id, raw, THETA0, GRADS, 0);
      const dirty = train(id, raw, THETA0, GRADS, 123.45);
      expect(dirty.thetas).toEqual(clean.thetas);
    },
  );
});

describe('declarations', () => {
  it('has one kind per optimizer', () => {
    expect(OPTIMIZER_KINDS.map((k) => k.id)).toEqual([
      'opt.sgd',
      'opt.rmsprop',
      'opt.adagrad',
      'opt.adam',
      'opt.adamw',
    ]);
  });

  it('names each state vector for the inspector', () => {
    expect(Object.fromEntries(OPTIMIZER_KINDS.map((k) => [k.id, k.optimizer?.state]))).toEqual({
      'opt.sgd': ['velocity'],
      'opt.rmsprop': ['sqAvg', 'gAvg', 'velocity'],
      'opt.adagrad': ['sumSq'],
      'opt.adam': ['m', 'v', 'vMax'],
      'opt.adamw': ['m', 'v', 'vMax'],
    });
  });

  it.each(OPTIMIZER_KINDS)('$id is an optimizer that takes one loss and outputs nothing', (k) => {
    expect(k.family).toBe('optimizers');
    expect(k.role).toBe('optimizer');
    expect(k.label).not.toBe('');
    expect(k.icon).not.toBe('');
    expect(k.description.length).toBeGreaterThan(20);
    const ports = k.ports(resolveParams(k.params, {}).values);
    expect(ports.outputs).toEqual([]);
    expect(ports.inputs).toEqual([
      { id: 'loss', label: 'loss', accepts: ['loss'], multiple: false, hint: "connect a loss node's output" },
    ]);
  });

  it.each(OPTIMIZER_KINDS)('$id has a formula KaTeX can render', (k) => {
    expect(() =>
      katex.renderToString(k.formula ?? '', { throwOnError: true, displayMode: true }),
    ).not.toThrow();
  });

  it.each(OPTIMIZER_KINDS)('$id has a positive, log-scaled learning rate', (k) => {
    expect(k.params.lr).toMatchObject({ type: 'number', log: true });
    expect(k.params.lr.min).toBeGreaterThan(0);
  });

  it('defaults are PyTorch’s', () => {
    const defaults = (id: string) => resolveParams(kind(id).params, {}).values;
    expect(defaults('opt.sgd')).toEqual(SGD_DEFAULTS);
    expect(defaults('opt.rmsprop')).toEqual(RMSPROP_DEFAULTS);
    expect(defaults('opt.adagrad')).toEqual(ADAGRAD_DEFAULTS);
    expect(defaults('opt.adam')).toEqual(ADAM_DEFAULTS);
    expect(defaults('opt.adamw')).toEqual({ ...ADAM_DEFAULTS, weightDecay: 0.01 });
  });
});

describe('parameter validation', () => {
  it.each(OPTIMIZER_KINDS)('$id refuses a negative or zero learning rate with a message', (k) => {
    for (const lr of [-1, 0]) {
      const { values, issues } = resolveParams(k.params, { lr });
      expect(issues).toEqual([{ param: 'lr', message: 'learning rate η must be at least 1e-8' }]);
      expect(values.lr).toBe(k.params.lr.default);
    }
  });

  it('names the parameter when a value has the wrong type or is out of range', () => {
    const sgd = kind('opt.sgd');
    expect(resolveParams(sgd.params, { momentum: 'fast' }).issues).toEqual([
      { param: 'momentum', message: 'momentum μ must be a number, not a string' },
    ]);
    expect(resolveParams(sgd.params, { weightDecay: -0.1 }).issues).toEqual([
      { param: 'weightDecay', message: 'weight decay λ must be at least 0' },
    ]);
    expect(resolveParams(kind('opt.adam').params, { eps: 0 }).issues).toHaveLength(1);
  });

  it('SGD refuses Nesterov without momentum or with dampening, as PyTorch does', () => {
    const sgd = kind('opt.sgd');
    const check = (raw: Record<string, unknown>) => sgd.validate!(resolveParams(sgd.params, raw).values);
    expect(check({ momentum: 0.9, nesterov: true })).toEqual([]);
    expect(check({ nesterov: true })).toEqual([
      'Nesterov momentum needs a momentum above 0 and zero dampening',
    ]);
    expect(check({ momentum: 0.9, dampening: 0.1, nesterov: true })).toEqual([
      'Nesterov momentum needs a momentum above 0 and zero dampening',
    ]);
  });

  it('momentum and Adam’s betas must stay below 1', () => {
    const check = (id: string, raw: Record<string, unknown>) =>
      kind(id).validate!(resolveParams(kind(id).params, raw).values);
    expect(check('opt.sgd', { momentum: 1 })).toEqual(['momentum μ must be less than 1']);
    expect(check('opt.rmsprop', { momentum: 1 })).toEqual(['momentum μ must be less than 1']);
    expect(check('opt.adam', { beta1: 1 })).toEqual(['β₁ must be less than 1']);
    expect(check('opt.adamw', { beta2: 1 })).toEqual(['β₂ must be less than 1']);
    expect(check('opt.adam', { beta1: 0.99, beta2: 0.9999 })).toEqual([]);
  });
});
