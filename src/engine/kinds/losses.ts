/**
 * Loss nodes, in palette order. A loss turns each example into one number ℓ_b ≥ 0 (or any number,
 * for the objective); the runtime averages them over the batch into L and seeds ∂L/∂ℓ_b = 1/n.
 */
import { type AnyKind, defineKind } from '../kind';
import { VALUE_TYPES } from '../ports';
import { bceKind, cceKind } from './classification-losses';
import { penaltyKind } from './penalty';
import { huberKind, maeKind, mseKind, msleKind } from './regression-losses';

export const objectiveKind = defineKind({
  id: 'loss.objective',
  family: 'losses',
  role: 'loss',
  label: 'Minimize a value',
  description:
    'Makes the optimizer push a value down, with no dataset and no target: for expression graphs built from parameters, constants, sums and products. If the value has several numbers, their sum is minimized.',
  formula: '\\ell = \\sum_j x_j \\qquad \\frac{\\partial \\ell}{\\partial x_j} = 1',
  icon: 'min',
  params: {},
  ports: () => ({
    inputs: [
      { id: 'in', label: 'x', accepts: VALUE_TYPES, multiple: false, hint: 'connect the value to minimize' },
    ],
    outputs: [{ id: 'loss', label: 'L', type: 'loss' }],
  }),
  shape: () => ({ outputs: { loss: 1 } }),
  build(ctx) {
    const { values, grads } = ctx;
    const x0 = ctx.inputs.in[0].offset;
    const m = ctx.inputs.in[0].width;
    const l0 = ctx.outputs.loss.offset;
    return {
      forward(n) {
        for (let b = 0; b < n; b++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += values[x0 + b * m + j];
          values[l0 + b] = s;
        }
      },
      backward(n) {
        for (let b = 0; b < n; b++) {
          const g = grads[l0 + b];
          for (let j = 0; j < m; j++) grads[x0 + b * m + j] += g;
        }
      },
    };
  },
  torch: (ctx) => ({ loss: `${ctx.inputs.in[0].expr}.sum(-1, keepdim=True)` }),
});

export const LOSS_KINDS: readonly AnyKind[] = [
  mseKind,
  msleKind,
  maeKind,
  huberKind,
  bceKind,
  cceKind,
  objectiveKind,
  penaltyKind,
];
