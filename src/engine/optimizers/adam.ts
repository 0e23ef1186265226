/**
 * Adam and AdamW, following torch.optim.Adam / AdamW: bias-corrected running averages of the
 * gradient (m) and of its square (v), optional AMSGrad. The two differ only in weight decay:
 * Adam adds λθ to the gradient (L2), AdamW shrinks θ by lr·λ before the step (decoupled).
 *
 * The rule and the node kind that offers it, side by side; registered in kinds/optimizers.ts.
 */
import { defineKind, type OptimizerRule } from '../kind';
import { bool, type NumberSpec, num } from '../params';
import { lerp } from './lerp';
import { belowOne, epsilon, l2WeightDecay, learningRate, OPTIMIZER_PORTS, torchOptim } from './params';

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

/** Adam and AdamW share their parameters except for the meaning and default of weight decay. */
function adamParams(weightDecay: NumberSpec) {
  return {
    lr: learningRate(0.001),
    beta1: num('β₁', 0.9, {
      min: 0,
      max: 1,
      help: 'How slowly the running average of gradients (momentum) forgets.',
    }),
    beta2: num('β₂', 0.999, {
      min: 0,
      max: 1,
      help: 'How slowly the running average of squared gradients forgets.',
    }),
    eps: epsilon(1e-8),
    weightDecay,
    amsgrad: bool('AMSGrad', false, {
      help: 'Divide by the largest squared-gradient average seen so far, so steps never grow back.',
    }),
  };
}

const adamArgs = (p: AdamParams) => ({
  lr: p.lr,
  betas: [p.beta1, p.beta2],
  eps: p.eps,
  weight_decay: p.weightDecay,
  amsgrad: p.amsgrad,
});

function validateBetas(p: { beta1: number; beta2: number }): string[] {
  return [...belowOne(p.beta1, 'β₁'), ...belowOne(p.beta2, 'β₂')];
}

const ADAM_STEP = String.raw`m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t \\
v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2 \\
\theta_t &\leftarrow \theta_t - \frac{\eta}{1-\beta_1^t}\,\frac{m_t}{\sqrt{v_t}/\sqrt{1-\beta_2^t} + \epsilon}`;

export const adamKind = defineKind({
  id: 'opt.adam',
  family: 'optimizers',
  role: 'optimizer',
  suggestedLearningRate: 0.01,
  label: 'Adam',
  description:
    "Combines momentum with RMSprop's per-parameter step sizes, corrected so the first steps are not too small. " +
    'A reliable default for most networks.',
  formula: String.raw`\begin{aligned}
g_t &= \nabla_\theta L + \lambda\,\theta_{t-1}, \quad \theta_t = \theta_{t-1} \\
${ADAM_STEP}
\end{aligned}`,
  icon: 'Adam',
  params: adamParams(l2WeightDecay(0)),
  ports: () => OPTIMIZER_PORTS,
  validate: validateBetas,
  optimizer: adamRule,
  torchOptimizer: (p, parameters) => torchOptim('Adam', parameters, adamArgs(p)),
});

export const adamwKind = defineKind({
  id: 'opt.adamw',
  family: 'optimizers',
  role: 'optimizer',
  suggestedLearningRate: 0.01,
  label: 'AdamW',
  description:
    'Adam with decoupled weight decay: before each step every parameter shrinks by a factor 1 − η·λ, ' +
    'independently of how Adam scales the gradient.',
  formula: String.raw`\begin{aligned}
g_t &= \nabla_\theta L, \quad \theta_t = (1 - \eta\lambda)\,\theta_{t-1} \\
${ADAM_STEP}
\end{aligned}`,
  icon: 'AdamW',
  params: adamParams(
    num('weight decay λ', 0.01, {
      min: 0,
      max: 1,
      help: 'Each step multiplies every parameter by 1 − η·λ before the Adam update: outside the gradient, so unlike an L2 penalty node (or Adam’s weight decay) Adam’s scaling does not touch it, and the loss never includes it.',
    }),
  ),
  ports: () => OPTIMIZER_PORTS,
  validate: validateBetas,
  optimizer: adamwRule,
  torchOptimizer: (p, parameters) => torchOptim('AdamW', parameters, adamArgs(p)),
});
