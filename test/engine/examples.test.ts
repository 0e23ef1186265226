import { describe, expect, it } from 'vitest';
import { compile, EXAMPLES, type Example, findExample, parametersByLabel, Trainer } from '../../src/engine';
import { OVERFITTING_FIX_LAMBDA, overfitting } from '../../src/engine/examples/overfitting';
import { evaluateChecks, type LessonCheck } from '../../src/engine/lessons';
import { evaluate } from '../../src/engine/training';

/**
 * Every built-in example reaches the result it states, with its own seed and settings, within the
 * number of steps it states, trained through the engine. Each claim is judged on the whole split
 * (not a training batch) after exactly that many steps, and its wording is held to the example's
 * `result` text, so the text cannot drift from what is tested.
 */

function trainerFor(example: Example): Trainer {
  const { plan, diagnostics } = compile(example.build());
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new Trainer(plan!);
}

function train(trainer: Trainer, steps: number): Trainer {
  for (let s = 0; s < steps; s++) trainer.trainStep();
  return trainer;
}

interface Claim {
  /** Text the example's `result` must contain: the threshold and the number of steps. */
  says: string[];
  steps: number;
  check(trainer: Trainer): void;
}

const CLAIMS: Record<string, Claim> = {
  xor: {
    says: ['all four points right', 'loss < 0.01', '500 steps'],
    steps: 500,
    check(t) {
      const train = evaluate(t, 'train');
      expect(train.count).toBe(4);
      expect(train.accuracy).toBe(1);
      expect(train.loss!).toBeLessThan(0.01);
    },
  },
  circle: {
    says: ['test accuracy ≥ 0.95', '2,000 steps'],
    steps: 2000,
    check(t) {
      expect(evaluate(t, 'test').accuracy!).toBeGreaterThanOrEqual(0.95);
    },
  },
  spiral: {
    says: ['train accuracy ≥ 0.9', '6,000 steps'],
    steps: 6000,
    check(t) {
      expect(evaluate(t, 'train').accuracy!).toBeGreaterThanOrEqual(0.9);
    },
  },
  sine: {
    says: ['test MSE ≤ 0.02', '3,000 steps'],
    steps: 3000,
    check(t) {
      // The example's loss is the plain mean squared error, so the test loss is the test MSE.
      expect(t.plan.losses[0].kind.id).toBe('loss.mse');
      expect(t.plan.losses[0].params.half).toBe(false);
      expect(evaluate(t, 'test').loss!).toBeLessThanOrEqual(0.02);
    },
  },
  digits: {
    says: ['test accuracy ≥ 0.95', '500 steps'],
    steps: 500,
    check(t) {
      expect(t.plan.data!.table.test.count).toBe(359);
      expect(evaluate(t, 'test').accuracy!).toBeGreaterThanOrEqual(0.95);
    },
  },
  gaussians3: {
    says: ['test accuracy ≥ 0.9', '1,000 steps'],
    steps: 1000,
    check(t) {
      expect(evaluate(t, 'test').accuracy!).toBeGreaterThanOrEqual(0.9);
    },
  },
};

/** The four checks of the border world, on the neuron's output relu(w·x + b). */
const BORDER_CHECKS: LessonCheck[] = [
  { label: 'relu(2.9w + b) = 0', input: [2.9], expect: 'zero' },
  { label: 'relu(−w + b) = 0', input: [-1], expect: 'zero' },
  { label: 'relu(3w + b) > 0', input: [3], expect: 'positive' },
  { label: 'relu(100000w + b) > 0', input: [100000], expect: 'positive' },
];

describe('the built-in examples reach their stated results', () => {
  it('every example has its claim tested here', () => {
    const tested = [...Object.keys(CLAIMS), 'border-at-3', 'micrograd', 'overfitting'].sort();
    expect(EXAMPLES.map((e) => e.id).sort()).toEqual(tested);
  });

  for (const [id, claim] of Object.entries(CLAIMS)) {
    it(`${id}: ${findExample(id)?.result}`, () => {
      const example = findExample(id)!;
      for (const words of claim.says) expect(example.result).toContain(words);
      claim.check(train(trainerFor(example), claim.steps));
    });
  }

  it('overfitting: test loss rises from under 0.8 at step 50 to over 2 by step 1,000; λ = 0.01 ends below 0.25', () => {
    const example = findExample('overfitting')!;
    for (const words of ['under 0.8 at step 50', 'over 2 by step 1,000', 'λ at 0.01', 'below 0.25'])
      expect(example.result).toContain(words);
    const t = trainerFor(example);
    train(t, 50);
    expect(evaluate(t, 'test').loss!).toBeLessThan(0.8);
    train(t, 950);
    expect(evaluate(t, 'test').loss!).toBeGreaterThan(2);
    // Learned by heart: the training loss is all but 0.
    expect(evaluate(t, 'train').loss!).toBeLessThan(0.01);
    const fixed = new Trainer(compile(overfitting(OVERFITTING_FIX_LAMBDA)).plan!);
    expect(OVERFITTING_FIX_LAMBDA).toBe(0.01);
    train(fixed, 1000);
    expect(evaluate(fixed, 'test').loss!).toBeLessThan(0.25);
  });

  it('border-at-3: diverges at step 4 (w ≈ −98.8) and the checks still fail after 100 steps', () => {
    const example = findExample('border-at-3')!;
    expect(example.result).toContain('step 4');
    expect(example.result).toContain('−98.8');
    const trainer = trainerFor(example);
    const w = () => parametersByLabel(trainer.plan, trainer.theta).w as number;
    train(trainer, 3);
    expect(w()).toBeGreaterThan(0.99);
    train(trainer, 1);
    expect(w()).toBeCloseTo(-98.8, 1);
    train(trainer, 96);
    expect(trainer.step).toBe(100);
    const results = evaluateChecks(trainer, BORDER_CHECKS);
    expect(results.map((r) => r.pass)).toEqual([true, false, false, false]);
    // Never recovers: the neuron is dead for every positive input.
    expect(results[2].value).toBe(0);
    expect(results[3].value).toBe(0);
  });

  it('micrograd: one backward pass gives ∂L/∂a = 6, ∂L/∂b = −4, ∂L/∂c = −2, ∂L/∂f = 4', () => {
    const example = findExample('micrograd')!;
    expect(example.result).toContain('∂L/∂a = 6, ∂L/∂b = −4, ∂L/∂c = −2, ∂L/∂f = 4');
    const trainer = trainerFor(example);
    trainer.gradientStep();
    const grads = parametersByLabel(trainer.plan, trainer.thetaGrad);
    expect(grads).toEqual({ a: 6, b: -4, c: -2, f: 4 });
    expect(trainer.loss).toBe(-8);
  });
});
