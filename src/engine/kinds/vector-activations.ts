/**
 * The two activations that do not fit the elementwise table: softmax couples the numbers of an
 * example, and PReLU learns its own slope.
 */
import { defineKind, ShapeError } from '../kind';
import { num } from '../params';
import { activationPorts, inputWidth, sameWidth } from './activation-ports';

export const softmaxKind = defineKind({
  id: 'act.softmax',
  family: 'activations',
  role: 'op',
  label: 'Softmax',
  description:
    'Turns a vector of scores into probabilities: every output is positive and they add up to 1, the largest score getting the largest share. Put it before a categorical cross-entropy loss to classify.',
  formula:
    'y_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}} \\qquad \\frac{\\partial L}{\\partial x_i} = y_i \\Big(g_i - \\sum_j y_j g_j\\Big)',
  icon: 'Σe',
  params: {},
  outputRange: () => ({ min: 0, max: 1, sumsToOne: true }),
  ports: () => activationPorts('vector'),
  shape(ctx) {
    const width = inputWidth(ctx);
    // With one number the output is always 1 and no gradient flows: surely not what was meant.
    if (ctx.inputs.in?.length && width < 2) {
      throw new ShapeError(
        'softmax spreads probability over several classes, so it needs a vector of at least 2 numbers, but its input has 1',
      );
    }
    return sameWidth(ctx);
  },
  build(ctx) {
    const { values, grads } = ctx;
    const x0 = ctx.inputs.in[0].offset;
    const y0 = ctx.outputs.out.offset;
    const w = ctx.outputs.out.width;
    const fused = ctx.fusedIntoConsumer === true;
    return {
      forward(n) {
        for (let b = 0; b < n; b++) {
          const x = x0 + b * w;
          const y = y0 + b * w;
          // Subtracting the largest score changes nothing mathematically but keeps exp() from
          // overflowing: every exponent is ≤ 0 and the largest term is exactly 1.
          let max = values[x];
          for (let j = 1; j < w; j++) if (values[x + j] > max) max = values[x + j];
          let sum = 0;
          for (let j = 0; j < w; j++) {
            const e = Math.exp(values[x + j] - max);
            values[y + j] = e;
            sum += e;
          }
          for (let j = 0; j < w; j++) values[y + j] /= sum;
        }
      },
      backward(n) {
        // Fused with a cross-entropy (compiler/fusion.ts): the loss wrote ∂L/∂x = p − y itself.
        if (fused) return;
        for (let b = 0; b < n; b++) {
          const x = x0 + b * w;
          const y = y0 + b * w;
          // The Jacobian is diag(y) − y yᵀ; applied to g it needs only the one dot product y·g.
          let dot = 0;
          for (let j = 0; j < w; j++) dot += values[y + j] * grads[y + j];
          for (let j = 0; j < w; j++) grads[x + j] += values[y + j] * (grads[y + j] - dot);
        }
      },
    };
  },
  torch: (ctx) => ({ out: `_softmax(${ctx.inputs.in[0].expr})` }),
  numpy: (ctx) => ({ out: `_softmax(${ctx.inputs.in[0].expr})` }),
});

export const preluKind = defineKind({
  id: 'act.prelu',
  family: 'activations',
  role: 'op',
  label: 'PReLU',
  description:
    'A leaky ReLU whose negative slope α is learned: the optimizer adjusts α along with the weights. One α is shared by all numbers of the input.',
  formula:
    'y = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases} \\qquad \\frac{\\partial y}{\\partial \\alpha} = \\begin{cases} 0 & x > 0 \\\\ x & x \\le 0 \\end{cases}',
  icon: 'P⌐',
  params: {
    alpha: num('Initial α', 0.25, {
      key: true,
      help: 'The slope for x ≤ 0 before training (PyTorch starts at 0.25).',
    }),
  },
  ports: () => activationPorts('scalar'),
  shape: (ctx) => ({
    ...sameWidth(ctx),
    params: [{ name: 'alpha', size: 1, init: { kind: 'constant', value: ctx.params.alpha } }],
  }),
  build(ctx) {
    const { values, grads, theta, thetaGrad } = ctx;
    const x0 = ctx.inputs.in[0].offset;
    const y0 = ctx.outputs.out.offset;
    const width = ctx.outputs.out.width;
    const a = ctx.blocks.alpha.offset;
    return {
      forward(n) {
        const alpha = theta[a];
        const m = n * width;
        for (let i = 0; i < m; i++) {
          const x = values[x0 + i];
          values[y0 + i] = x > 0 ? x : alpha * x;
        }
      },
      backward(n) {
        const alpha = theta[a];
        const m = n * width;
        // At x = 0 the slope is α, as for leaky ReLU (and ∂y/∂α = x = 0 there anyway).
        let dAlpha = 0;
        for (let i = 0; i < m; i++) {
          const x = values[x0 + i];
          const g = grads[y0 + i];
          if (x > 0) grads[x0 + i] += g;
          else {
            grads[x0 + i] += g * alpha;
            dAlpha += g * x;
          }
        }
        thetaGrad[a] += dAlpha;
      },
    };
  },
  torch: (ctx) => ({ out: `_prelu(${ctx.inputs.in[0].expr}, ${ctx.blocks.alpha})` }),
  numpy: (ctx) => ({ out: `_prelu(${ctx.inputs.in[0].expr}, ${ctx.blocks.alpha})` }),
});
