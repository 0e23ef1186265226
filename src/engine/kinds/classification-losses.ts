/**
 * Cross-entropy losses for classifiers, each reading either probabilities or logits (raw scores).
 * Logits are the numerically safe choice: the log of a probability that rounded to 0 is −∞, while
 * the same loss written in logits never forms that probability at all. A categorical cross-entropy
 * fed straight by a softmax gets that safety too: the compiler fuses the pair (compiler/fusion.ts).
 */
import { pyOperand } from '../export/emit';
import { defineKind, type Op } from '../kind';
import { choice } from '../params';
import type { ValueNeed } from '../value-range';
import { LOSS_PORTS, lossLayout, lossShape, meanLossOp } from './loss-common';

/** Probabilities are clamped to [EPS, 1 − EPS] inside the log, so a loss is never infinite. */
export const PROBABILITY_EPS = 1e-12;
/** The smallest positive normal float64: below it 1/p overflows or loses precision. */
const MIN_NORMAL = 2.2250738585072014e-308;

const inputParam = (after: string) =>
  choice(
    'Input',
    'probabilities',
    [
      { value: 'probabilities', label: `Probabilities (after ${after})` },
      { value: 'logits', label: 'Logits (raw scores; more stable)' },
    ],
    { key: true, help: `Whether the prediction is already a probability (after ${after}) or a raw score.` },
  );

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export const bceKind = defineKind({
  id: 'loss.bce',
  family: 'losses',
  role: 'loss',
  label: 'Binary cross-entropy',
  description:
    'For yes/no answers with targets 0 or 1: the loss is −log of the probability given to the right answer, so a confident wrong answer costs a lot. Probabilities are clamped to [10⁻¹², 1 − 10⁻¹²] inside the log; with “logits” the sigmoid is built in, computed in a form that never overflows.',
  formula:
    '\\ell = -\\frac{1}{m} \\sum_{j=1}^{m} \\big(y_j \\log \\hat p_j + (1 - y_j) \\log(1 - \\hat p_j)\\big) \\qquad \\hat p_j = \\hat y_j \\text{ or } \\sigma(\\hat y_j)',
  icon: 'BCE',
  params: { input: inputParam('a sigmoid') },
  needs: (p): Record<string, ValueNeed> =>
    p.input === 'probabilities'
      ? {
          prediction: {
            min: 0,
            max: 1,
            what: 'probabilities between 0 and 1',
            fix: 'add a sigmoid, or switch the loss’s input to logits',
          },
        }
      : {},
  ports: () => LOSS_PORTS,
  shape: (ctx) => lossShape(ctx),
  build(ctx) {
    if (ctx.params.input === 'logits') {
      // −y log σ(z) − (1−y) log(1−σ(z)) = max(z, 0) − z·y + log(1 + e^−|z|): no exp of a large number.
      return meanLossOp(ctx, {
        value: (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
        slope: (z, y) => sigmoid(z) - y,
      });
    }
    return meanLossOp(ctx, {
      value(p, y) {
        const q = clamp(p);
        return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
      },
      // The slope uses the clamped p as well (as PyTorch's BCELoss does): a saturated wrong answer
      // is still pushed back instead of getting a zero gradient from the flat clamp.
      slope(p, y) {
        const q = clamp(p);
        return (q - y) / (q * (1 - q));
      },
    });
  },
  // The helpers (export/prelude.ts) keep the engine's slopes: through the clamp, and σ(z) − y.
  torch: (ctx) => ({
    loss:
      ctx.params.input === 'logits'
        ? `_bce_logits(${ctx.inputs.prediction[0].expr}, ${ctx.inputs.target[0].expr})`
        : `_bce(${ctx.inputs.prediction[0].expr}, ${ctx.inputs.target[0].expr}, ${pyOperand(PROBABILITY_EPS)})`,
  }),
});

const clamp = (p: number) => Math.min(Math.max(p, PROBABILITY_EPS), 1 - PROBABILITY_EPS);

export const cceKind = defineKind({
  id: 'loss.cce',
  family: 'losses',
  role: 'loss',
  label: 'Categorical cross-entropy',
  description:
    'For choosing one of several classes, with one-hot targets: the loss is −log of the probability given to the right class. Feed it a softmax (read by nothing else, the two are computed together from the scores, stably), or logits (the softmax is then built in and computed stably). Beware: some tutorials write −Σ y·ŷ and forget the log, which is not cross-entropy at all.',
  formula:
    '\\ell = -\\sum_{j=1}^{m} y_j \\log \\hat p_j \\qquad \\hat p = \\hat y \\text{ or } \\operatorname{softmax}(\\hat y)',
  icon: 'CE',
  params: { input: inputParam('a softmax') },
  needs: (p): Record<string, ValueNeed> =>
    p.input === 'probabilities'
      ? {
          prediction: {
            min: 0,
            max: 1,
            sumsToOne: true,
            what: 'probabilities that add up to 1',
            fix: 'add a softmax, or switch the loss’s input to logits',
          },
        }
      : {},
  ports: () => LOSS_PORTS,
  // From logits the probabilities are kept per example, so backward reuses them and the UI shows them.
  shape: (ctx) =>
    lossShape(
      ctx,
      (width): Record<string, number> => (ctx.params.input === 'logits' ? { softmax: width } : {}),
    ),
  build(ctx) {
    const { values, grads } = ctx;
    const { m, p0, t0, l0 } = lossLayout(ctx);
    if (ctx.params.input === 'logits') {
      const q0 = ctx.scratch.softmax.offset;
      return {
        forward(n) {
          for (let b = 0; b < n; b++) {
            const z = p0 + b * m;
            const y = t0 + b * m;
            const q = q0 + b * m;
            // log Σ e^z_k = max + log Σ e^(z_k − max): every exponent ≤ 0, the sum ≥ 1.
            let max = values[z];
            for (let j = 1; j < m; j++) if (values[z + j] > max) max = values[z + j];
            let sum = 0;
            for (let j = 0; j < m; j++) {
              const e = Math.exp(values[z + j] - max);
              values[q + j] = e;
              sum += e;
            }
            const lse = max + Math.log(sum);
            let loss = 0;
            for (let j = 0; j < m; j++) {
              values[q + j] /= sum;
              loss += values[y + j] * (lse - values[z + j]);
            }
            values[l0 + b] = loss;
          }
        },
        backward(n) {
          // ∂ℓ/∂z_j = softmax_j · Σ_k y_k − y_j (= softmax_j − y_j for one-hot targets).
          for (let b = 0; b < n; b++) {
            const g = grads[l0 + b];
            const y = t0 + b * m;
            const q = q0 + b * m;
            let total = 0;
            for (let j = 0; j < m; j++) total += values[y + j];
            for (let j = 0; j < m; j++) grads[p0 + b * m + j] += g * (values[q + j] * total - values[y + j]);
          }
        },
      };
    }
    const fused = ctx.inputs.prediction[0].sourceInput;
    if (fused) return fusedSoftmaxOp(ctx.values, ctx.grads, fused.offset, m, p0, t0, l0);
    // Fed by a Softmax node that also feeds other nodes (not fused), the probabilities' gradient −y/p
    // goes through the softmax's backward, which multiplies it by p again: exact as long as 1/p is
    // finite. So there the floor drops from 1e-12 to the smallest normal float, and logit gaps up to
    // ~700 (not ~28) keep their true loss and gradient.
    const floor = ctx.inputs.prediction[0].sourceKind === 'act.softmax' ? MIN_NORMAL : PROBABILITY_EPS;
    return {
      forward(n) {
        for (let b = 0; b < n; b++) {
          let loss = 0;
          for (let j = 0; j < m; j++) {
            const i = b * m + j;
            loss -= values[t0 + i] * Math.log(Math.max(values[p0 + i], floor));
          }
          values[l0 + b] = loss;
        }
      },
      backward(n) {
        for (let b = 0; b < n; b++) {
          const g = grads[l0 + b];
          for (let j = 0; j < m; j++) {
            const i = b * m + j;
            grads[p0 + i] -= (g * values[t0 + i]) / Math.max(values[p0 + i], floor);
          }
        }
      },
    };
  },
  // Fed by a softmax that feeds nothing else, the loss works from the softmax's input (logits).
  fuses: { port: 'prediction', source: 'act.softmax', when: (p) => p.input === 'probabilities' },
  // Fused with its softmax, the export works from the logits as the engine does (log-sum-exp).
  torch(ctx) {
    const p = ctx.inputs.prediction[0];
    const t = ctx.inputs.target[0].expr;
    if (ctx.params.input === 'logits') return { loss: `_cce_logits(${p.expr}, ${t})` };
    if (p.sourceInput) return { loss: `_cce_logits(${p.sourceInput}, ${t})` };
    const floor = p.sourceKind === 'act.softmax' ? MIN_NORMAL : PROBABILITY_EPS;
    return { loss: `_cce(${p.expr}, ${t}, ${pyOperand(floor)})` };
  },
});

/**
 * Softmax → cross-entropy as one step (compiler/fusion.ts): z is the softmax's input (logits),
 * p its output (computed by its forward, shown on the canvas). ℓ = Σ_j y_j (log Σ_k e^z_k − z_j),
 * with the log-sum-exp taken after subtracting the largest logit, so no probability that rounds to
 * 0 is ever logged; backward writes ∂ℓ/∂z_j = p_j · Σ_k y_k − y_j (p − y for one-hot targets)
 * straight into the logits' gradient, and the softmax adds nothing. ∂ℓ/∂p = −y/p is still written
 * on the softmax's output, for display only.
 */
function fusedSoftmaxOp(
  values: Float64Array,
  grads: Float64Array,
  z0: number,
  m: number,
  p0: number,
  t0: number,
  l0: number,
): Op {
  return {
    forward(n) {
      for (let b = 0; b < n; b++) {
        const z = z0 + b * m;
        const y = t0 + b * m;
        let max = values[z];
        for (let j = 1; j < m; j++) if (values[z + j] > max) max = values[z + j];
        let sum = 0;
        for (let j = 0; j < m; j++) sum += Math.exp(values[z + j] - max);
        const lse = max + Math.log(sum);
        let loss = 0;
        for (let j = 0; j < m; j++) loss += values[y + j] * (lse - values[z + j]);
        values[l0 + b] = loss;
      }
    },
    backward(n) {
      for (let b = 0; b < n; b++) {
        const g = grads[l0 + b];
        const y = t0 + b * m;
        const p = p0 + b * m;
        const z = z0 + b * m;
        let total = 0;
        for (let j = 0; j < m; j++) total += values[y + j];
        for (let j = 0; j < m; j++) {
          grads[z + j] += g * (values[p + j] * total - values[y + j]);
          grads[p + j] -= (g * values[y + j]) / Math.max(values[p + j], MIN_NORMAL);
        }
      }
    },
  };
}
