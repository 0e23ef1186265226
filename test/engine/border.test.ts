import { describe, expect, it } from 'vitest';
import { compile, findExample, parametersByLabel, Trainer } from '../../src/engine';

/**
 * The classic border-at-3 neuron: relu(w·x + b), w = b = 1, ½(ŷ − y)², SGD lr 1e-4, batch 1, no shuffle.
 * Expected values are worked out by hand from the chain rule:
 *   step 1, x = 2.9, y = 0: z = 3.9, ŷ = 3.9, ∂L/∂ŷ = 3.9, relu'(z) = 1,
 *   ∂L/∂w = 3.9 · 2.9 = 11.31 → w = 1 − 1e-4 · 11.31 = 0.998869;
 *   ∂L/∂b = 3.9 → b = 1 − 1e-4 · 3.9 = 0.99961.
 */
function borderTrainer() {
  const { plan, diagnostics } = compile(findExample('border-at-3')!.build());
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { plan: plan!, trainer: new Trainer(plan!) };
}

/** The true backprop trajectory, computed independently with plain numbers. */
function referenceTrajectory(steps: number) {
  const xs = [2.9, -1, 3, 1000];
  const ys = [0, 0, 1, 1];
  let w = 1;
  let b = 1;
  const out: { w: number; b: number }[] = [];
  for (let s = 0; s < steps; s++) {
    const x = xs[s % 4];
    const z = w * x + b;
    const yhat = Math.max(0, z);
    const dz = z > 0 ? yhat - ys[s % 4] : 0;
    const gw = dz * x;
    const gb = dz;
    w -= 1e-4 * gw;
    b -= 1e-4 * gb;
    out.push({ w, b });
  }
  return out;
}

describe('the border-at-3 example', () => {
  it('takes its first step exactly as worked out by hand', () => {
    const { plan, trainer } = borderTrainer();
    trainer.trainStep();
    const p = parametersByLabel(plan, trainer.theta);
    expect(p.w).toBeCloseTo(0.998869, 12);
    expect(p.b).toBeCloseTo(0.99961, 12);
  });

  it('follows true backprop through the ReLU, not the tutorial’s linear gradient', () => {
    const { plan, trainer } = borderTrainer();
    const reference = referenceTrajectory(100);
    for (let s = 0; s < 100; s++) {
      trainer.trainStep();
      const p = parametersByLabel(plan, trainer.theta);
      expect(p.w).toBeCloseTo(reference[s].w, 10);
      expect(p.b).toBeCloseTo(reference[s].b, 10);
    }
  });

  it('is thrown to w ≈ −98.8 by the example x = 1000 at step 4, and never learns class 1 again', () => {
    const { plan, trainer } = borderTrainer();
    for (let s = 0; s < 4; s++) trainer.trainStep();
    const after4 = parametersByLabel(plan, trainer.theta);
    expect(after4.w as number).toBeCloseTo(-98.8, 1);
    // From here relu(w·x + b) is 0 for every positive x, so the steps on x = 3 and x = 1000 pass no
    // gradient and change nothing; only x = −1 still fires, nudging w by about 0.01 an epoch.
    for (let s = 4; s < 100; s++) {
      const before = trainer.theta.slice();
      trainer.trainStep();
      const x = [2.9, -1, 3, 1000][s % 4];
      if (x > 0) expect(trainer.theta).toEqual(before);
    }
    const w = parametersByLabel(plan, trainer.theta).w as number;
    const b = parametersByLabel(plan, trainer.theta).b as number;
    expect(w).toBeLessThan(-98);
    expect(Math.max(0, w * 3 + b)).toBe(0);
    expect(Math.max(0, w * 1000 + b)).toBe(0);
    expect(trainer.step).toBe(100);
    expect(trainer.epoch).toBe(25);
  });
});
