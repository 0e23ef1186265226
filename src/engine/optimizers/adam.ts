/**
 * Adam and AdamW, following torch.optim.Adam / AdamW: bias-corrected running averages of the
 * gradient (m) and of its square (v), optional AMSGrad. The two differ only in weight decay:
 * Adam adds λθ to the gradient (L2), AdamW shrinks θ by lr·λ before the step (decoupled).
 */
import type { OptimizerRule } from '../kind';
import { lerp } from './lerp';

export interface AdamParams {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}

function makeAdamRule(decoupledWeightDecay: boolean): OptimizerRule<AdamParams> {
  return {
    state: ['m', 'v', 'vMax'],
    step(p, theta, grad, state, t, delta) {
      const m = state[0];
      const v = state[1];
      const vMax = state[2];
      // PyTorch starts every buffer at zero; step 1 resets them so a reused runtime starts afresh.
      if (t === 1) {
        m.fill(0);
        v.fill(0);
        vMax.fill(0);
      }
      const { lr, beta1, beta2, eps, weightDecay, amsgrad } = p;
      const l2 = decoupledWeightDecay ? 0 : weightDecay;
      const shrink = decoupledWeightDecay ? 1 - lr * weightDecay : 1;
      const mFresh = 1 - beta1;
      const vFresh = 1 - beta2;
      // Bias corrections applied the way PyTorch folds them in: lr/bc1 outside, √bc2 inside the denominator.
      const stepSize = lr / (1 - beta1 ** t);
      const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
      for (let i = 0; i < theta.length; i++) {
        const old = theta[i];
        let g = grad[i];
        if (l2 !== 0) g += l2 * old;
        const mi = lerp(m[i], g, mFresh);
        m[i] = mi;
        const vi = beta2 * v[i] + vFresh * g * g;
        v[i] = vi;
        let vUsed = vi;
        if (amsgrad) {
          vUsed = Math.max(vMax[i], vi);
          vMax[i] = vUsed;
        }
        // Multiply before dividing, as PyTorch's addcdiv does.
        const next = old * shrink - (stepSize * mi) / (Math.sqrt(vUsed) / bc2Sqrt + eps);
        delta[i] = next - old;
        theta[i] = next;
      }
    },
  };
}

export const adamRule = makeAdamRule(false);
export const adamwRule = makeAdamRule(true);
