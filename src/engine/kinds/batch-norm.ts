/**
 * Batch normalisation over a layer's units, as PyTorch's nn.BatchNorm1d on (batch × units).
 *
 * Training: each unit is shifted to mean 0 and scaled to variance 1 over the examples of the batch
 * (x̂ = (x − μ_B) / √(σ²_B + ε), σ²_B the biased variance), then given a learned scale γ and shift
 * β. The step's update then moves the running statistics towards the batch's:
 *   running_mean ← (1 − m)·running_mean + m·μ_B,
 *   running_var  ← (1 − m)·running_var  + m·σ²_B · n/(n − 1)   (the unbiased variance, as PyTorch);
 * both in the update phase of the step (PyTorch moves them in forward: the same numbers, since
 * training never reads them).
 * Evaluation (the test set, the decision boundary, predictions, the NumPy and ONNX exports) uses
 * the running statistics instead, so an example's output does not depend on the others.
 *
 * The running statistics are buffers (ParamBlockRequest.buffer): they live in θ after the trained
 * blocks, so a seek, a replay and a recompile keep them, and the optimizer never steps them.
 * A batch of one example has no spread: its x̂ is 0, and its unbiased variance is taken as 0
 * (PyTorch refuses such a batch in training).
 */
import { pyFloat } from '../export/emit';
import { defineKind } from '../kind';
import { num, type ParamValues } from '../params';
import { activationPorts, inputWidth } from './activation-ports';
import { epsParam, normalisePython } from './norm';

const batchNormParams = {
  momentum: num('momentum m', 0.1, {
    min: 0,
    max: 1,
    help: 'How far the running mean and variance move towards each training batch’s (PyTorch’s momentum): 0.1 keeps a long memory, 1 keeps only the last batch.',
  }),
  eps: epsParam(),
};

type BatchNormParams = ParamValues<typeof batchNormParams>;

const python = (ctx: {
  inputs: Record<string, { expr: string }[]>;
  blocks: Record<string, string>;
  params: BatchNormParams;
  backend: 'torch' | 'numpy';
}): Record<string, string> => {
  const x = ctx.inputs.in[0].expr;
  const { gamma, beta, running_mean: mean, running_var: variance } = ctx.blocks;
  const { eps, momentum } = ctx.params;
  // The PyTorch script trains: batch statistics, and the running ones updated in place.
  if (ctx.backend === 'torch')
    return {
      out: `torch.nn.functional.batch_norm(${x}, ${mean}, ${variance}, ${gamma}, ${beta}, training=True, momentum=${pyFloat(momentum)}, eps=${pyFloat(eps)})`,
    };
  // The NumPy script predicts: the running statistics.
  return { out: normalisePython(x, mean, variance, eps, gamma, beta) };
};

export const batchNormKind = defineKind({
  id: 'batchnorm',
  family: 'neurons',
  role: 'op',
  label: 'BatchNorm',
  description:
    'Normalises each unit to mean 0 and variance 1 over the examples of the batch, then scales it by a learned γ and shifts it by a learned β. It keeps a running mean and variance while training and uses those at test time, on the decision boundary and in exports for prediction.',
  formula:
    'y_{bj} = \\gamma_j \\frac{x_{bj} - \\mu_j}{\\sqrt{\\sigma_j^2 + \\varepsilon}} + \\beta_j,\\quad \\mu_j = \\tfrac{1}{n}\\textstyle\\sum_b x_{bj},\\; \\sigma_j^2 = \\tfrac{1}{n}\\textstyle\\sum_b (x_{bj} - \\mu_j)^2',
  icon: 'BN',
  params: batchNormParams,
  ports: () => activationPorts('vector'),
  shape(ctx) {
    const width = inputWidth(ctx);
    return {
      outputs: { out: width },
      scratch: { xhat: width },
      params: [
        { name: 'gamma', size: width, init: { kind: 'constant', value: 1 } },
        { name: 'beta', size: width, init: { kind: 'constant', value: 0 } },
        { name: 'running_mean', size: width, init: { kind: 'constant', value: 0 }, buffer: true },
        { name: 'running_var', size: width, init: { kind: 'constant', value: 1 }, buffer: true },
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
    const m0 = ctx.blocks.running_mean.offset;
    const v0 = ctx.blocks.running_var.offset;
    const { eps, momentum } = ctx.params;
    const training = ctx.mode === 'train';
    /** Per unit, from the last forward pass: μ_B, σ²_B (biased) and 1 / √(σ² + ε). */
    const mean = new Float64Array(w);
    const variance = new Float64Array(w);
    const inverse = new Float64Array(w);
    /** Per unit in backward: Σ_b γg and Σ_b γg·x̂. */
    const sumU = new Float64Array(w);
    const sumUX = new Float64Array(w);
    /** Examples in the last forward pass (0: none since the runtime was built). */
    let lastN = 0;

    const statistics = (n: number) => {
      mean.fill(0);
      variance.fill(0);
      for (let b = 0; b < n; b++) {
        const x = x0 + b * w;
        for (let j = 0; j < w; j++) mean[j] += values[x + j];
      }
      for (let j = 0; j < w; j++) mean[j] /= n;
      for (let b = 0; b < n; b++) {
        const x = x0 + b * w;
        for (let j = 0; j < w; j++) {
          const d = values[x + j] - mean[j];
          variance[j] += d * d;
        }
      }
      for (let j = 0; j < w; j++) {
        variance[j] /= n;
        inverse[j] = 1 / Math.sqrt(variance[j] + eps);
      }
    };

    return {
      forward(n) {
        lastN = n;
        if (n === 0) return;
        if (training) statistics(n);
        else {
          for (let j = 0; j < w; j++) {
            mean[j] = theta[m0 + j];
            inverse[j] = 1 / Math.sqrt(theta[v0 + j] + eps);
          }
        }
        for (let b = 0; b < n; b++) {
          const row = b * w;
          for (let j = 0; j < w; j++) {
            const xhat = (values[x0 + row + j] - mean[j]) * inverse[j];
            values[h0 + row + j] = xhat;
            values[y0 + row + j] = theta[g0 + j] * xhat + theta[b0 + j];
          }
        }
      },
      backward(n) {
        sumU.fill(0);
        sumUX.fill(0);
        for (let b = 0; b < n; b++) {
          const row = b * w;
          for (let j = 0; j < w; j++) {
            const g = grads[y0 + row + j];
            const xhat = values[h0 + row + j];
            const u = theta[g0 + j] * g;
            sumU[j] += u;
            sumUX[j] += u * xhat;
            thetaGrad[g0 + j] += g * xhat;
            thetaGrad[b0 + j] += g;
          }
        }
        for (let b = 0; b < n; b++) {
          const row = b * w;
          for (let j = 0; j < w; j++) {
            const u = theta[g0 + j] * grads[y0 + row + j];
            // Training: μ and σ² depend on every example of the batch, so with u = γg,
            // ∂L/∂x = (u − mean_b(u) − x̂ · mean_b(u x̂)) / √(σ² + ε). Evaluation: a fixed affine map.
            grads[x0 + row + j] += training
              ? (u - sumU[j] / n - values[h0 + row + j] * (sumUX[j] / n)) * inverse[j]
              : u * inverse[j];
          }
        }
      },
      update() {
        if (!training || lastN === 0 || momentum === 0) return;
        // Written as ATen writes it: m·batch + (1 − m)·running, the unbiased variance Σd² / (n − 1).
        const keep = 1 - momentum;
        for (let j = 0; j < w; j++) {
          const unbiased = lastN > 1 ? (variance[j] * lastN) / (lastN - 1) : 0;
          theta[m0 + j] = momentum * mean[j] + keep * theta[m0 + j];
          theta[v0 + j] = momentum * unbiased + keep * theta[v0 + j];
        }
      },
    };
  },
  torch: python,
  numpy: python,
});
