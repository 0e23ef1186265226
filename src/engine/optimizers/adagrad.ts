/**
 * Adagrad: each parameter's step shrinks with the sum of its squared gradients so far,
 * following torch.optim.Adagrad (learning-rate decay by step, ε added after the square root).
 *
 * The rule and the node kind that offers it, side by side; registered in kinds/optimizers.ts.
 */
import { defineKind, type OptimizerRule } from '../kind';
import { num } from '../params';
import { epsilon, l2WeightDecay, learningRate, OPTIMIZER_PORTS, torchOptim } from './params';

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

export const adagradKind = defineKind({
  id: 'opt.adagrad',
  family: 'optimizers',
  role: 'optimizer',
  suggestedLearningRate: 0.1,
  label: 'Adagrad',
  description:
    'Gives every parameter its own learning rate, which shrinks as its squared gradients add up: ' +
    'parameters that have moved a lot slow down, rarely-updated ones keep taking big steps.',
  formula: String.raw`\begin{aligned}
g_t &= \nabla_\theta L + \lambda\,\theta_{t-1} \\
s_t &= s_{t-1} + g_t^2 \\
\theta_t &= \theta_{t-1} - \frac{\eta}{1 + (t-1)\,d}\,\frac{g_t}{\sqrt{s_t} + \epsilon}
\end{aligned}`,
  icon: 'AdaG',
  params: {
    lr: learningRate(0.01),
    lrDecay: num('learning-rate decay d', 0, {
      min: 0,
      max: 1,
      help: 'Divides the learning rate by 1 + (t−1)·d at step t.',
    }),
    eps: epsilon(1e-10),
    initialAccumulator: num('initial accumulator s₀', 0, {
      min: 0,
      max: 10,
      help: 'Starting value of the sum of squared gradients; larger makes the first steps smaller.',
    }),
    weightDecay: l2WeightDecay(0),
  },
  ports: () => OPTIMIZER_PORTS,
  optimizer: adagradRule,
  torchOptimizer: (p, parameters) =>
    torchOptim('Adagrad', parameters, {
      lr: p.lr,
      lr_decay: p.lrDecay,
      weight_decay: p.weightDecay,
      initial_accumulator_value: p.initialAccumulator,
      eps: p.eps,
    }),
});
