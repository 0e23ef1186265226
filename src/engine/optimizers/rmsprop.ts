/**
 * RMSprop: divide the gradient by a running root-mean-square of recent gradients,
 * following torch.optim.RMSprop (ε added after the square root; optional centering and momentum).
 *
 * The rule and the node kind that offers it, side by side; registered in kinds/optimizers.ts.
 */
import { defineKind, type OptimizerRule } from '../kind';
import { bool, num } from '../params';
import { lerp } from './lerp';
import {
  belowOne,
  epsilon,
  l2WeightDecay,
  learningRate,
  momentum,
  OPTIMIZER_PORTS,
  torchOptim,
} from './params';

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

export const rmspropKind = defineKind({
  id: 'opt.rmsprop',
  family: 'optimizers',
  role: 'optimizer',
  suggestedLearningRate: 0.01,
  label: 'RMSprop',
  description:
    "Divides each parameter's step by a running average of its recent gradient size, " +
    'so parameters with large or noisy gradients take smaller steps.',
  formula: String.raw`\begin{aligned}
g_t &= \nabla_\theta L + \lambda\,\theta_{t-1} \\
v_t &= \alpha\,v_{t-1} + (1-\alpha)\,g_t^2 \\
\theta_t &= \theta_{t-1} - \eta\,\frac{g_t}{\sqrt{v_t} + \epsilon}
\end{aligned}`,
  icon: 'RMS',
  params: {
    lr: learningRate(0.01),
    alpha: num('smoothing α', 0.99, {
      min: 0,
      max: 1,
      help: 'How slowly the running average of squared gradients forgets; closer to 1 remembers longer.',
    }),
    eps: epsilon(1e-8),
    momentum: momentum('Carries part of the previous scaled step into the next; 0 turns momentum off.'),
    centered: bool('centered', false, {
      help: "Divide by the gradient's running variance instead of its running mean square.",
    }),
    weightDecay: l2WeightDecay(0),
  },
  ports: () => OPTIMIZER_PORTS,
  validate: (p) => belowOne(p.momentum, 'momentum μ'),
  optimizer: rmspropRule,
  torchOptimizer: (p, parameters) =>
    torchOptim('RMSprop', parameters, {
      lr: p.lr,
      alpha: p.alpha,
      eps: p.eps,
      weight_decay: p.weightDecay,
      momentum: p.momentum,
      centered: p.centered,
    }),
});
