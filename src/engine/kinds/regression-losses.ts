/**
 * Losses for predicting numbers: each averages one term per predicted number, so a prediction of
 * several numbers is judged on all of them equally.
 */

import { pyOperand } from '../export/emit';
import { defineKind } from '../kind';
import { bool, num } from '../params';
import { LOSS_PORTS, lossShape, meanLossOp, meanLossPython } from './loss-common';

export const mseKind = defineKind({
  id: 'loss.mse',
  family: 'losses',
  role: 'loss',
  label: 'Mean squared error',
  description:
    'The average of the squared differences between prediction and target. Big misses cost much more than small ones, and the gradient is proportional to the miss. “Half” multiplies by ½, the textbook ½·squared error whose derivative is just ŷ − y.',
  formula:
    '\\ell = \\frac{c}{m} \\sum_{j=1}^{m} (\\hat y_j - y_j)^2 \\qquad c = 1 \\text{ (or } \\tfrac12 \\text{ with Half)}',
  icon: 'MSE',
  params: {
    half: bool('Half', false, { help: 'Multiply by ½, so the derivative of (ŷ − y)²/2 is simply ŷ − y.' }),
  },
  ports: () => LOSS_PORTS,
  shape: (ctx) => lossShape(ctx),
  build(ctx) {
    const c = ctx.params.half ? 0.5 : 1;
    return meanLossOp(ctx, {
      value: (p, t) => c * (p - t) * (p - t),
      slope: (p, t) => 2 * c * (p - t),
    });
  },
  torch: (ctx) =>
    meanLossPython(ctx, (p, t) => `${ctx.params.half ? '0.5 * ' : ''}(${p} - ${t}) * (${p} - ${t})`),
});

export const msleKind = defineKind({
  id: 'loss.msle',
  family: 'losses',
  role: 'loss',
  label: 'Mean squared log error',
  description:
    'Squared error between log(1 + ŷ) and log(1 + y): it judges relative misses, so predicting 110 for 100 costs about as much as 11 for 10. Predictions and targets must stay above −1 (the log of a number ≤ 0 is undefined: the loss becomes NaN).',
  formula:
    '\\ell = \\frac{1}{m} \\sum_{j=1}^{m} \\big(\\log(1 + \\hat y_j) - \\log(1 + y_j)\\big)^2 \\qquad \\hat y_j, y_j > -1',
  icon: 'MSLE',
  params: {},
  needs: () => ({
    prediction: {
      min: 0,
      what: 'numbers that are not negative (it takes log(1 + ŷ))',
      fix: 'give the output an activation that cannot go below 0 (ReLU or sigmoid), or use mean squared error',
    },
  }),
  ports: () => LOSS_PORTS,
  shape: (ctx) => lossShape(ctx),
  build(ctx) {
    // log1p keeps full precision for small predictions, where log(1 + ŷ) would round 1 + ŷ.
    return meanLossOp(ctx, {
      value: (p, t) => (Math.log1p(p) - Math.log1p(t)) ** 2,
      slope: (p, t) => (2 * (Math.log1p(p) - Math.log1p(t))) / (1 + p),
    });
  },
  torch: (ctx) => meanLossPython(ctx, (p, t) => `(torch.log1p(${p}) - torch.log1p(${t})) ** 2`),
});

export const maeKind = defineKind({
  id: 'loss.mae',
  family: 'losses',
  role: 'loss',
  label: 'Mean absolute error',
  description:
    'The average distance between prediction and target. Every miss pulls with the same strength whatever its size, so outliers matter less than with squared error. Where the prediction hits the target exactly, the slope is taken as 0 (as in PyTorch).',
  formula:
    '\\ell = \\frac{1}{m} \\sum_{j=1}^{m} |\\hat y_j - y_j| \\qquad \\frac{\\partial \\ell}{\\partial \\hat y_j} = \\frac{\\operatorname{sign}(\\hat y_j - y_j)}{m},\\ \\operatorname{sign}(0) = 0',
  icon: 'MAE',
  params: {},
  ports: () => LOSS_PORTS,
  shape: (ctx) => lossShape(ctx),
  build(ctx) {
    return meanLossOp(ctx, {
      value: (p, t) => Math.abs(p - t),
      slope: (p, t) => (p > t ? 1 : p < t ? -1 : 0),
    });
  },
  // torch.abs has the same slope 0 at a kink.
  torch: (ctx) => meanLossPython(ctx, (p, t) => `(${p} - ${t}).abs()`),
});

export const huberKind = defineKind({
  id: 'loss.huber',
  family: 'losses',
  role: 'loss',
  label: 'Huber loss',
  description:
    'Squared error for small misses and absolute error for large ones, switching at δ: smooth near the target, yet not thrown off by outliers. Same as PyTorch’s HuberLoss.',
  formula:
    '\\ell = \\frac{1}{m} \\sum_{j=1}^{m} \\begin{cases} \\tfrac12 d_j^2 & |d_j| < \\delta \\\\ \\delta \\big(|d_j| - \\tfrac12 \\delta\\big) & \\text{otherwise} \\end{cases} \\qquad d_j = \\hat y_j - y_j',
  icon: 'Hub',
  params: {
    delta: num('δ', 1, {
      min: 1e-6,
      max: 1e6,
      key: true,
      help: 'Misses smaller than δ are squared, larger ones count linearly.',
    }),
  },
  ports: () => LOSS_PORTS,
  shape: (ctx) => lossShape(ctx),
  build(ctx) {
    const delta = ctx.params.delta;
    return meanLossOp(ctx, {
      value(p, t) {
        const a = Math.abs(p - t);
        return a < delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
      },
      // The slope is d clipped to [−δ, δ]; both branches give ±δ at |d| = δ, so the loss is smooth there.
      slope: (p, t) => Math.min(Math.max(p - t, -delta), delta),
    });
  },
  torch: (ctx) =>
    meanLossPython(
      ctx,
      (p, t) =>
        `torch.nn.functional.huber_loss(${p}, ${t}, reduction="none", delta=${pyOperand(ctx.params.delta)})`,
    ),
});
