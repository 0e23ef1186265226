/**
 * A throwaway kind for registry.test.ts, declared the way CONTRIBUTING.md says: ports, parameters,
 * forward and backward side by side, and its PyTorch and NumPy forms. y = k·x³.
 */
import { pyOperand } from '../../src/engine/export/emit';
import { defineKind } from '../../src/engine/kind';
import { activationPorts, sameWidth } from '../../src/engine/kinds/activation-ports';
import { num } from '../../src/engine/params';

const ports = activationPorts('scalar');

export const cubeKind = defineKind({
  id: 'act.cube',
  family: 'activations',
  role: 'op',
  label: 'Cube (test)',
  description: 'Raises its input to the third power, times k.',
  formula: 'f(x) = k\\,x^3',
  icon: 'x³',
  params: { k: num('scale k', 2, { min: 0, max: 10, key: true, help: 'Multiplies x³.' }) },
  ports: () => ports,
  shape: (ctx) => sameWidth(ctx),
  build(ctx) {
    const { values, grads } = ctx;
    const k = ctx.params.k;
    const x0 = ctx.inputs.in[0].offset;
    const y0 = ctx.outputs.out.offset;
    const width = ctx.outputs.out.width;
    return {
      forward(n) {
        for (let i = 0; i < n * width; i++) values[y0 + i] = k * values[x0 + i] ** 3;
      },
      backward(n) {
        for (let i = 0; i < n * width; i++) grads[x0 + i] += grads[y0 + i] * 3 * k * values[x0 + i] ** 2;
      },
    };
  },
  torch: (ctx) => ({ out: `(${pyOperand(ctx.params.k)} * ${ctx.inputs.in[0].expr} ** 3)` }),
  numpy: (ctx) => ({ out: `(${pyOperand(ctx.params.k)} * ${ctx.inputs.in[0].expr} ** 3)` }),
});
