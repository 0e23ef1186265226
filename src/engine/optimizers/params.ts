/**
 * What the optimizer kinds share: their one input (the loss), the hyper-parameters most of them
 * take (η, weight decay, ε, momentum), and how each writes its torch.optim constructor.
 */
import { pyBool, pyFloat } from '../export/emit';
import { num } from '../params';
import type { PortLayout } from '../ports';

export const OPTIMIZER_PORTS: PortLayout = {
  inputs: [
    { id: 'loss', label: 'loss', accepts: ['loss'], multiple: false, hint: "connect a loss node's output" },
  ],
  outputs: [],
};

export const learningRate = (value: number) =>
  num('learning rate η', value, {
    min: 1e-8,
    max: 10,
    log: true,
    key: true,
    help: 'How far each step moves the parameters; too large and training diverges, too small and it crawls.',
  });

/** L2 weight decay: λθ is added to the gradient, pulling every parameter toward zero. */
export const l2WeightDecay = (value: number) =>
  num('weight decay λ', value, {
    min: 0,
    max: 1,
    help: 'Adds λ·θ to each gradient inside the update, pulling every parameter, biases too, toward zero (L2 regularisation). Unlike an L1/L2 penalty node it is not part of the loss, so the loss chart never shows it.',
  });

// PyTorch accepts ε = 0, but then a parameter whose gradient is still zero divides 0 by 0.
export const epsilon = (value: number) =>
  num('epsilon ε', value, {
    min: 1e-16,
    max: 1,
    log: true,
    help: 'Added to the denominator so a step never divides by zero.',
  });

export const momentum = (help: string) => num('momentum μ', 0, { min: 0, max: 1, help });

/** Export: `torch.optim.<name>(parameters, keyword=value, …)` with our numbers, exactly. */
export function torchOptim(
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
export function belowOne(value: number, label: string): string[] {
  return value < 1 ? [] : [`${label} must be less than 1`];
}
