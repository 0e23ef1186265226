/**
 * Activation nodes: a function applied to every number of its input, for graphs that keep the
 * activation apart from the weighted sum (or put one after a math node). The elementwise ones are
 * made from the rows of activation-functions.ts, one kind `act.<id>` per row, so a node and a
 * neuron's `activation` never disagree;
 * softmax, PReLU and the custom formula live in their own files.
 */

import type { PyContext } from '../export/emit';
import { type AnyKind, type BuildContext, type DeadUnitSite, defineKind, type ShapeContext } from '../kind';
import { num, type ParamSpecs, type ParamValues } from '../params';
import type { PortLayout } from '../ports';
import {
  ELEMENTWISE,
  ELEMENTWISE_IDS,
  type ElementwiseFunction,
  elementwisePython,
} from './activation-functions';
import { activationPorts, sameWidth } from './activation-ports';
import { customActivationKind } from './custom-activation';
import { preluKind, softmaxKind } from './vector-activations';

const elementwiseKind = (fn: ElementwiseFunction): AnyKind => {
  const { id, description, icon } = fn;
  // Only the kinds that use α show it; the others pass α = 0, which their f and df ignore.
  const params: ParamSpecs = fn.alpha
    ? { alpha: num('α', fn.alpha.default, { min: 0, max: 10, key: true, help: fn.alpha.help }) }
    : {};
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
    deadUnits: fn.diesBelowZero ? () => DEAD_INPUTS : undefined,
  });
};

const DEAD_INPUTS: DeadUnitSite = { from: { input: 'in' }, as: 'inputs' };

export const ELEMENTWISE_ACTIVATION_KINDS: readonly AnyKind[] = ELEMENTWISE_IDS.map((id) =>
  elementwiseKind(ELEMENTWISE[id]),
);

export const ACTIVATION_KINDS: readonly AnyKind[] = [
  ...ELEMENTWISE_ACTIVATION_KINDS,
  softmaxKind,
  preluKind,
  customActivationKind,
];
