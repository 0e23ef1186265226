/**
 * Activation nodes: a function applied to every number of its input, for graphs that keep the
 * activation apart from the weighted sum (or put one after a math node). The elementwise ones reuse
 * the table in activation-functions.ts, so a node and a neuron's `activation` never disagree;
 * softmax, PReLU and the custom formula live in their own files.
 */

import type { PyContext } from '../export/emit';
import { type AnyKind, type BuildContext, defineKind, type ShapeContext } from '../kind';
import { num, type ParamSpecs, type ParamValues } from '../params';
import type { PortLayout } from '../ports';
import { ELEMENTWISE, type ElementwiseId, elementwisePython } from './activation-functions';
import { activationPorts, sameWidth } from './activation-ports';
import { customActivationKind } from './custom-activation';
import { preluKind, softmaxKind } from './vector-activations';

interface ElementwiseEntry {
  id: ElementwiseId;
  description: string;
  icon: string;
}

const ENTRIES: readonly ElementwiseEntry[] = [
  {
    id: 'linear',
    description:
      'Passes its input through unchanged (f(x) = x); its gradient is 1, so it changes nothing in backprop.',
    icon: '/',
  },
  {
    id: 'relu',
    description:
      'Keeps positive numbers and turns negative ones into 0. Where the input is negative no gradient flows back; at exactly 0 the slope is taken as 0.',
    icon: '⌐',
  },
  {
    id: 'leaky_relu',
    description:
      'Like ReLU, but negative inputs keep a small slope α, so some gradient always flows back. At exactly 0 the slope is taken as α.',
    icon: '⌐',
  },
  {
    id: 'elu',
    description:
      'Like ReLU for positive inputs; negative inputs curve smoothly down towards −α instead of being cut to 0.',
    icon: 'e',
  },
  {
    id: 'sigmoid',
    description:
      'Squashes any number into (0, 1), so the output reads as a probability. Its slope is at most ¼, which is why deep stacks of sigmoids learn slowly.',
    icon: 'σ',
  },
  {
    id: 'tanh',
    description:
      'Squashes any number into (−1, 1), centred on 0. Its slope is 1 at 0 and fades away for large inputs.',
    icon: 'th',
  },
];

const alphaSpec = (value: number) =>
  num('α', value, { min: 0, max: 10, key: true, help: 'Slope of leaky ReLU for x ≤ 0, or scale of ELU.' });

const elementwiseKind = ({ id, description, icon }: ElementwiseEntry): AnyKind => {
  const fn = ELEMENTWISE[id];
  // Only the kinds that use α show it; the others pass α = 0, which their f and df ignore.
  const params: ParamSpecs =
    id === 'leaky_relu' ? { alpha: alphaSpec(0.01) } : id === 'elu' ? { alpha: alphaSpec(1) } : {};
  const ports: PortLayout = activationPorts('scalar');
  const python = (ctx: PyContext<ParamValues<ParamSpecs>>) => ({
    out: elementwisePython(
      id,
      typeof ctx.params.alpha === 'number' ? ctx.params.alpha : 0,
      ctx.inputs.in[0].expr,
    ),
  });
  return defineKind({
    id: `act.${id}`,
    family: 'activations',
    role: 'op',
    label: fn.label,
    description,
    formula: fn.tex,
    icon,
    params,
    ports: () => ports,
    shape: (ctx: ShapeContext<ParamValues<ParamSpecs>>) => sameWidth(ctx),
    outputRange: () => fn.range,
    build(ctx: BuildContext<ParamValues<ParamSpecs>>) {
      const { values, grads } = ctx;
      const alpha = typeof ctx.params.alpha === 'number' ? ctx.params.alpha : 0;
      const f = fn.f;
      const df = fn.df;
      const x0 = ctx.inputs.in[0].offset;
      const y0 = ctx.outputs.out.offset;
      const width = ctx.outputs.out.width;
      // Input and output have the same width, so example b's numbers sit at the same index
      // within both slots: the whole batch is one flat run of n·width numbers.
      return {
        forward(n) {
          const m = n * width;
          for (let i = 0; i < m; i++) values[y0 + i] = f(values[x0 + i], alpha);
        },
        backward(n) {
          const m = n * width;
          for (let i = 0; i < m; i++)
            grads[x0 + i] += grads[y0 + i] * df(values[x0 + i], values[y0 + i], alpha);
        },
      };
    },
    torch: python,
    numpy: python,
  });
};

export const ELEMENTWISE_ACTIVATION_KINDS: readonly AnyKind[] = ENTRIES.map(elementwiseKind);

export const ACTIVATION_KINDS: readonly AnyKind[] = [
  ...ELEMENTWISE_ACTIVATION_KINDS,
  softmaxKind,
  preluKind,
  customActivationKind,
];
