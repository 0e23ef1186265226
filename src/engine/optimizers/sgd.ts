/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov and L2 weight decay,
 * following torch.optim.SGD step for step.
 *
 * The rule and the node kind that offers it, side by side; registered in kinds/optimizers.ts.
 */
import { defineKind, type OptimizerRule } from '../kind';
import { bool, num } from '../params';
import { belowOne, l2WeightDecay, learningRate, momentum, OPTIMIZER_PORTS, torchOptim } from './params';

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

export const sgdKind = defineKind({
  id: 'opt.sgd',
  family: 'optimizers',
  role: 'optimizer',
  suggestedLearningRate: 0.1,
  label: 'SGD',
  description:
    'Stochastic gradient descent: every parameter takes a step against its gradient, scaled by the learning rate. ' +
    'With momentum it keeps rolling in directions the gradient keeps pointing.',
  formula: String.raw`\begin{aligned}
g_t &= \nabla_\theta L + \lambda\,\theta_{t-1} \\
b_t &= \mu\,b_{t-1} + (1-\tau)\,g_t \quad (b_1 = g_1) \\
\theta_t &= \theta_{t-1} - \eta\,b_t \quad \text{or, Nesterov: } \theta_{t-1} - \eta\,(g_t + \mu\,b_t)
\end{aligned}`,
  icon: 'SGD',
  params: {
    lr: learningRate(0.01),
    momentum: momentum('How much of the previous step carries over into the next; 0 turns momentum off.'),
    dampening: num('dampening τ', 0, {
      min: 0,
      max: 1,
      help: 'Scales down how much each new gradient adds to the momentum.',
    }),
    nesterov: bool('Nesterov', false, {
      help: 'Look ahead along the momentum before stepping; needs momentum above 0 and no dampening.',
    }),
    weightDecay: l2WeightDecay(0),
  },
  ports: () => OPTIMIZER_PORTS,
  validate(p) {
    const issues = belowOne(p.momentum, 'momentum μ');
    if (p.nesterov && (p.momentum <= 0 || p.dampening !== 0)) {
      issues.push('Nesterov momentum needs a momentum above 0 and zero dampening');
    }
    return issues;
  },
  optimizer: sgdRule,
  torchOptimizer: (p, parameters) =>
    torchOptim('SGD', parameters, {
      lr: p.lr,
      momentum: p.momentum,
      dampening: p.dampening,
      nesterov: p.nesterov,
      weight_decay: p.weightDecay,
    }),
});
