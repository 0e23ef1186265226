/**
 * Optimizer nodes: configuration only. Each takes the loss it minimises on its one input and names
 * an update rule that matches torch.optim, so a graph exported to PyTorch trains the same way.
 */
import { pyBool, pyFloat } from '../export/emit';
import { type AnyKind, defineKind } from '../kind';
import { adagradRule } from '../optimizers/adagrad';
import { type AdamParams, adamRule, adamwRule } from '../optimizers/adam';
import { rmspropRule } from '../optimizers/rmsprop';
import { sgdRule } from '../optimizers/sgd';
import { bool, type NumberSpec, num } from '../params';
import type { PortLayout } from '../ports';

const OPTIMIZER_PORTS: PortLayout = {
  inputs: [
    { id: 'loss', label: 'loss', accepts: ['loss'], multiple: false, hint: "connect a loss node's output" },
  ],
  outputs: [],
};

const learningRate = (value: number) =>
  num('learning rate η', value, {
    min: 1e-8,
    max: 10,
    log: true,
    key: true,
    help: 'How far each step moves the parameters; too large and training diverges, too small and it crawls.',
  });

/** L2 weight decay: λθ is added to the gradient, pulling every parameter toward zero. */
const l2WeightDecay = (value: number) =>
  num('weight decay λ', value, {
    min: 0,
    max: 1,
    help: 'Adds λ·θ to each gradient, pulling parameters toward zero (L2 regularisation).',
  });

// PyTorch accepts ε = 0, but then a parameter whose gradient is still zero divides 0 by 0.
const epsilon = (value: number) =>
  num('epsilon ε', value, {
    min: 1e-16,
    max: 1,
    log: true,
    help: 'Added to the denominator so a step never divides by zero.',
  });

const momentum = (help: string) => num('momentum μ', 0, { min: 0, max: 1, help });

/** Export: `torch.optim.<name>(parameters, keyword=value, …)` with our numbers, exactly. */
function torchOptim(
  name: string,
  parameters: string,
  args: Record<string, number | boolean | readonly number[]>,
): string {
  const py = (v: number | boolean | readonly number[]): string =>
    typeof v === 'boolean'
      ? pyBool(v)
      : typeof v === 'number'
        ? pyFloat(v)
        : `(${v.map(pyFloat).join(', ')})`;
  const list = Object.entries(args).map(([k, v]) => `${k}=${py(v)}`);
  return `torch.optim.${name}(${[parameters, ...list].join(', ')})`;
}

/** Ranges the parameter DSL cannot say: an upper bound that is itself not allowed. */
function belowOne(value: number, label: string): string[] {
  return value < 1 ? [] : [`${label} must be less than 1`];
}

const sgd = defineKind({
  id: 'opt.sgd',
  family: 'optimizers',
  role: 'optimizer',
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

const rmsprop = defineKind({
  id: 'opt.rmsprop',
  family: 'optimizers',
  role: 'optimizer',
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

const adagrad = defineKind({
  id: 'opt.adagrad',
  family: 'optimizers',
  role: 'optimizer',
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

const adam = defineKind({
  id: 'opt.adam',
  family: 'optimizers',
  role: 'optimizer',
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

const adamw = defineKind({
  id: 'opt.adamw',
  family: 'optimizers',
  role: 'optimizer',
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
      help: 'Each step multiplies every parameter by 1 − η·λ before the Adam update.',
    }),
  ),
  ports: () => OPTIMIZER_PORTS,
  validate: validateBetas,
  optimizer: adamwRule,
  torchOptimizer: (p, parameters) => torchOptim('AdamW', parameters, adamArgs(p)),
});

export const OPTIMIZER_KINDS: AnyKind[] = [sgd, rmsprop, adagrad, adam, adamw];
