/**
 * An activation typed in by the learner: f(x) as a formula, and its derivative either typed too or
 * derived symbolically by the formula compiler.
 */

import type { PyContext } from '../export/emit';
import { compileFormula, formulaSupport } from '../formula';
import { formulaModule } from '../formula/mathjs';
import { defineKind } from '../kind';
import { text } from '../params';
import { activationPorts, sameWidth } from './activation-ports';

interface CustomParams {
  formula: string;
  derivative: string;
}

/** Its Python is in the formula compiler's chunk (formula-chunk.ts), which exports await first. */
const python = (ctx: PyContext<CustomParams>) => formulaModule().customActivationPython(ctx);

/** A blank derivative field means "work it out from f": compileFormula treats it as not given. */
const compileParams = (p: CustomParams) => compileFormula(p.formula, p.derivative);

export const customActivationKind = defineKind({
  id: 'act.custom',
  family: 'activations',
  role: 'op',
  label: 'Custom function',
  description:
    'Any function of x you type, such as x / (1 + exp(-x)) (SiLU) or log(1 + exp(x)) (softplus). Its derivative is worked out for you, or you can type it to check your own calculus.',
  formula: "y = f(x) \\qquad \\frac{\\partial L}{\\partial x} = g \\cdot f'(x)",
  icon: 'f(x)',
  params: {
    formula: text('f(x)', 'x / (1 + exp(-x))', {
      formula: true,
      key: true,
      help: 'A formula in x, e.g. x / (1 + exp(-x)); it is applied to every number of the input.',
    }),
    derivative: text('f′(x)', '', {
      help: 'The derivative in x; leave empty to have it derived from f(x).',
    }),
  },
  requires: [formulaSupport],
  ports: () => activationPorts('scalar'),
  validate(p) {
    const compiled = compileParams(p);
    if (compiled.ok) return [];
    const { message, position, field } = compiled.error;
    const what = field === 'f' ? 'the formula f(x)' : 'the derivative f′(x)';
    return [
      `${what} cannot be used: ${message}${position === undefined ? '' : ` (at character ${position + 1})`}`,
    ];
  },
  shape: sameWidth,
  build(ctx) {
    const compiled = compileParams(ctx.params);
    // validate() stops the compiler before a bad formula gets here.
    if (!compiled.ok) throw new Error(`act.custom: ${compiled.error.message}`);
    // Called as methods: the compiled formula may keep state on itself.
    const fn = compiled.formula;
    const { values, grads } = ctx;
    const x0 = ctx.inputs.in[0].offset;
    const y0 = ctx.outputs.out.offset;
    const width = ctx.outputs.out.width;
    // The same loop as the built-in elementwise kinds' (activations.ts), kept apart on purpose: here
    // the call site sees only this formula, so V8 can inline it; sharing the built-ins' loop made a
    // custom activation 1.6–3× slower in a micro-benchmark.
    return {
      forward(n) {
        const m = n * width;
        for (let i = 0; i < m; i++) values[y0 + i] = fn.f(values[x0 + i]);
      },
      backward(n) {
        const m = n * width;
        for (let i = 0; i < m; i++) grads[x0 + i] += grads[y0 + i] * fn.df(values[x0 + i]);
      },
    };
  },
  torch: python,
  numpy: python,
});
