/**
 * Layer normalisation: each example's numbers are shifted to mean 0 and scaled to variance 1 over
 * the layer (x̂ = (x − μ) / √(σ² + ε), σ² the biased variance), then given a learned scale γ and
 * shift β per number. It uses only the example's own numbers, so training and evaluation agree
 * and the batch size does not matter; PyTorch's nn.LayerNorm computes the same.
 */
import { pyFloat } from '../export/emit';
import { defineKind, ShapeError } from '../kind';
import type { ParamValues } from '../params';
import { activationPorts, inputWidth } from './activation-ports';
import { epsParam, normalisePython } from './norm';

const layerNormParams = {
  eps: epsParam(),
};

type LayerNormParams = ParamValues<typeof layerNormParams>;

const python = (ctx: {
  inputs: Record<string, { expr: string; width: number }[]>;
  blocks: Record<string, string>;
  params: LayerNormParams;
  backend: 'torch' | 'numpy';
}): Record<string, string> => {
  const x = ctx.inputs.in[0].expr;
  const { gamma, beta } = ctx.blocks;
  const { eps } = ctx.params;
  if (ctx.backend === 'torch')
    return {
      out: `torch.nn.functional.layer_norm(${x}, (${ctx.inputs.in[0].width},), ${gamma}, ${beta}, ${pyFloat(eps)})`,
    };
  const mean = `${x}.mean(-1, keepdims=True)`;
  const variance = `${x}.var(-1, keepdims=True)`;
  return { out: normalisePython(x, mean, variance, eps, gamma, beta) };
};

export const layerNormKind = defineKind({
  id: 'layernorm',
  family: 'neurons',
  role: 'op',
  label: 'LayerNorm',
  description:
    'Normalises each example’s numbers to mean 0 and variance 1 across the layer, then scales them by a learned γ and shifts them by a learned β (one of each per number). Keeps the numbers flowing into the next layer on one scale while training.',
  formula:
    'y_i = \\gamma_i \\frac{x_i - \\mu}{\\sqrt{\\sigma^2 + \\varepsilon}} + \\beta_i,\\quad \\mu = \\tfrac{1}{n}\\textstyle\\sum_j x_j,\\; \\sigma^2 = \\tfrac{1}{n}\\textstyle\\sum_j (x_j - \\mu)^2',
  icon: 'LN',
  params: layerNormParams,
  ports: () => activationPorts('vector'),
  shape(ctx) {
    const width = inputWidth(ctx);
    if (ctx.inputs.in?.length && width < 2) {
      throw new ShapeError(
        'layer normalisation works across the numbers of a layer, so it needs at least 2, but its input has 1',
      );
    }
    return {
      outputs: { out: width },
      scratch: { xhat: width },
      params: [
        { name: 'gamma', size: width, init: { kind: 'constant', value: 1 } },
        { name: 'beta', size: width, init: { kind: 'constant', value: 0 } },
      ],
    };
  },
  build(ctx) {
    const { values, grads, theta, thetaGrad } = ctx;
    const x0 = ctx.inputs.in[0].offset;
    const y0 = ctx.outputs.out.offset;
    const h0 = ctx.scratch.xhat.offset;
    const w = ctx.outputs.out.width;
    const g0 = ctx.blocks.gamma.offset;
    const b0 = ctx.blocks.beta.offset;
    const eps = ctx.params.eps;
    /** 1 / √(σ² + ε) of each example of the batch, kept from forward for backward. */
    const inverse = new Float64Array(ctx.capacity);
    return {
      forward(n) {
        for (let b = 0; b < n; b++) {
          const x = x0 + b * w;
          let mean = 0;
          for (let j = 0; j < w; j++) mean += values[x + j];
          mean /= w;
          let variance = 0;
          for (let j = 0; j < w; j++) {
            const d = values[x + j] - mean;
            variance += d * d;
          }
          variance /= w;
          const inv = 1 / Math.sqrt(variance + eps);
          inverse[b] = inv;
          for (let j = 0; j < w; j++) {
            const xhat = (values[x + j] - mean) * inv;
            values[h0 + b * w + j] = xhat;
            values[y0 + b * w + j] = theta[g0 + j] * xhat + theta[b0 + j];
          }
        }
      },
      backward(n) {
        for (let b = 0; b < n; b++) {
          const h = h0 + b * w;
          const y = y0 + b * w;
          // With u = γ ⊙ g: ∂L/∂x = (u − mean(u) − x̂ · mean(u ⊙ x̂)) / √(σ² + ε).
          let meanU = 0;
          let meanUX = 0;
          for (let j = 0; j < w; j++) {
            const g = grads[y + j];
            const u = theta[g0 + j] * g;
            meanU += u;
            meanUX += u * values[h + j];
            thetaGrad[g0 + j] += g * values[h + j];
            thetaGrad[b0 + j] += g;
          }
          meanU /= w;
          meanUX /= w;
          const inv = inverse[b];
          for (let j = 0; j < w; j++) {
            const u = theta[g0 + j] * grads[y + j];
            grads[x0 + b * w + j] += (u - meanU - values[h + j] * meanUX) * inv;
          }
        }
      },
    };
  },
  torch: python,
  numpy: python,
});
