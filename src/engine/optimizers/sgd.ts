/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov and L2 weight decay,
 * following torch.optim.SGD step for step.
 */
import type { OptimizerRule } from '../kind';

export interface SgdParams {
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

export const sgdRule: OptimizerRule<SgdParams> = {
  state: ['velocity'],
  step(p, theta, grad, state, t, delta) {
    const velocity = state[0];
    const { lr, momentum, nesterov, weightDecay } = p;
    const keep = 1 - p.dampening;
    // PyTorch creates the momentum buffer on the first step as a copy of the gradient (undampened).
    const first = t === 1;
    for (let i = 0; i < theta.length; i++) {
      const old = theta[i];
      let g = grad[i];
      if (weightDecay !== 0) g += weightDecay * old;
      if (momentum !== 0) {
        const b = first ? g : momentum * velocity[i] + keep * g;
        velocity[i] = b;
        g = nesterov ? g + momentum * b : b;
      }
      const next = old - lr * g;
      delta[i] = next - old;
      theta[i] = next;
    }
  },
};
