/**
 * What the prediction-vs-target losses share: their ports, the size check, and the loop of the
 * losses that average one term per number, ℓ_b = (1/m) Σ_j φ(ŷ_j, y_j).
 *
 * Targets are data, so no gradient flows back into them: backward writes only the prediction's.
 */
import type { PyContext } from '../export/emit';
import { type BuildContext, type Op, type Shape, type ShapeContext, ShapeError } from '../kind';
import { type PortLayout, VALUE_TYPES } from '../ports';

export const LOSS_PORTS: PortLayout = {
  inputs: [
    {
      id: 'prediction',
      label: 'ŷ',
      accepts: VALUE_TYPES,
      multiple: false,
      hint: 'connect the network’s output',
    },
    {
      id: 'target',
      label: 'y',
      accepts: ['target'],
      multiple: false,
      hint: 'connect the Dataset’s target port',
    },
  ],
  outputs: [{ id: 'loss', label: 'L', type: 'loss' }],
};

const numbers = (k: number) => (k === 1 ? '1 number' : `${k} numbers`);

/** One loss per example; the prediction and the target must be the same size. */
export function lossShape(
  ctx: ShapeContext<unknown>,
  scratch?: (width: number) => Record<string, number>,
): Shape {
  const prediction = ctx.inputs.prediction?.[0];
  const target = ctx.inputs.target?.[0];
  if (prediction && target && prediction.width !== target.width) {
    throw new ShapeError(
      `the prediction has ${numbers(prediction.width)} per example but the target has ${numbers(target.width)}; they must be the same size, one prediction for each target number`,
    );
  }
  const width = prediction?.width ?? target?.width ?? 1;
  return { outputs: { loss: 1 }, ...(scratch ? { scratch: scratch(width) } : {}) };
}

/** Offsets a loss op needs: m numbers per example in prediction and target, one loss each. */
export interface LossLayout {
  m: number;
  p0: number;
  t0: number;
  l0: number;
}

export function lossLayout(ctx: BuildContext<unknown>): LossLayout {
  const prediction = ctx.inputs.prediction[0];
  return {
    m: prediction.width,
    p0: prediction.offset,
    t0: ctx.inputs.target[0].offset,
    l0: ctx.outputs.loss.offset,
  };
}

/** One term of a mean loss: φ(ŷ, y) and its slope ∂φ/∂ŷ. */
export interface Term {
  value(p: number, t: number): number;
  slope(p: number, t: number): number;
}

/** ℓ_b = (1/m) Σ_j φ(ŷ_bj, y_bj); backward: ∂L/∂ŷ_bj += (∂L/∂ℓ_b) · φ'(ŷ_bj, y_bj) / m. */
export function meanLossOp(ctx: BuildContext<unknown>, term: Term): Op {
  const { values, grads } = ctx;
  const { m, p0, t0, l0 } = lossLayout(ctx);
  const value = term.value;
  const slope = term.slope;
  return {
    forward(n) {
      for (let b = 0; b < n; b++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += value(values[p0 + b * m + j], values[t0 + b * m + j]);
        values[l0 + b] = s / m;
      }
    },
    backward(n) {
      for (let b = 0; b < n; b++) {
        const g = grads[l0 + b] / m;
        for (let j = 0; j < m; j++) {
          const i = b * m + j;
          grads[p0 + i] += g * slope(values[p0 + i], values[t0 + i]);
        }
      }
    },
  };
}

/** Export (PyTorch): a mean loss's per-example value, (n, 1), from its term φ(ŷ, y) as tensor code. */
export function meanLossPython(ctx: PyContext<unknown>, term: (p: string, t: string) => string) {
  const p = ctx.inputs.prediction[0].expr;
  const t = ctx.inputs.target[0].expr;
  return { loss: `(${term(p, t)}).mean(-1, keepdim=True)` };
}
