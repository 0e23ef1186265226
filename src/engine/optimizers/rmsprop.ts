/**
 * RMSprop: divide the gradient by a running root-mean-square of recent gradients,
 * following torch.optim.RMSprop (ε added after the square root; optional centering and momentum).
 */
import type { OptimizerRule } from '../kind';
import { lerp } from './lerp';

export interface RmspropParams {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
  weightDecay: number;
}

export const rmspropRule: OptimizerRule<RmspropParams> = {
  state: ['sqAvg', 'gAvg', 'velocity'],
  step(p, theta, grad, state, t, delta) {
    const sqAvg = state[0];
    const gAvg = state[1];
    const velocity = state[2];
    // PyTorch starts every buffer at zero; step 1 resets them so a reused runtime starts afresh.
    if (t === 1) {
      sqAvg.fill(0);
      gAvg.fill(0);
      velocity.fill(0);
    }
    const { lr, alpha, eps, momentum, centered, weightDecay } = p;
    const fresh = 1 - alpha;
    for (let i = 0; i < theta.length; i++) {
      const old = theta[i];
      let g = grad[i];
      if (weightDecay !== 0) g += weightDecay * old;
      const s = alpha * sqAvg[i] + fresh * g * g;
      sqAvg[i] = s;
      let meanSq = s;
      if (centered) {
        // Subtracting the squared mean gradient turns the second moment into a variance.
        const ga = lerp(gAvg[i], g, fresh);
        gAvg[i] = ga;
        meanSq = s - ga * ga;
      }
      const rms = Math.sqrt(meanSq) + eps;
      let next: number;
      if (momentum > 0) {
        const b = momentum * velocity[i] + g / rms;
        velocity[i] = b;
        next = old - lr * b;
      } else {
        // Multiply before dividing, as PyTorch's addcdiv does.
        next = old - (lr * g) / rms;
      }
      delta[i] = next - old;
      theta[i] = next;
    }
  },
};
