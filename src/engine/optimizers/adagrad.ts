/**
 * Adagrad: each parameter's step shrinks with the sum of its squared gradients so far,
 * following torch.optim.Adagrad (learning-rate decay by step, ε added after the square root).
 */
import type { OptimizerRule } from '../kind';

export interface AdagradParams {
  lr: number;
  lrDecay: number;
  eps: number;
  initialAccumulator: number;
  weightDecay: number;
}

export const adagradRule: OptimizerRule<AdagradParams> = {
  state: ['sumSq'],
  step(p, theta, grad, state, t, delta) {
    const sumSq = state[0];
    // PyTorch fills the accumulator with initial_accumulator_value when the optimizer is created.
    if (t === 1) sumSq.fill(p.initialAccumulator);
    const { eps, weightDecay } = p;
    const clr = p.lr / (1 + (t - 1) * p.lrDecay);
    for (let i = 0; i < theta.length; i++) {
      const old = theta[i];
      let g = grad[i];
      if (weightDecay !== 0) g += weightDecay * old;
      const s = sumSq[i] + g * g;
      sumSq[i] = s;
      // Multiply before dividing, as PyTorch's addcdiv does.
      const next = old - (clr * g) / (Math.sqrt(s) + eps);
      delta[i] = next - old;
      theta[i] = next;
    }
  },
};
