/**
 * What every data kind (built-in datasets, CSV files) shares: its output ports' widths, the op that
 * spreads the batch's feature vector over one scalar port per feature, and its Python export.
 * The trainer's loader writes each batch into the `features` and `target` buffers.
 */

import type { PyContext } from '../export/emit';
import type { Op, Shape, Slot } from '../kind';

/** `features` (d wide), `target` (t wide) and one scalar port x0…x(d−1) per feature. */
export function dataSourceShape(nFeatures: number, nTargets: number): Shape {
  const outputs: Record<string, number> = { features: nFeatures, target: nTargets };
  for (let i = 0; i < nFeatures; i++) outputs[`x${i}`] = 1;
  return { outputs };
}

export function featureSpreadOp(ctx: {
  values: Float64Array;
  grads: Float64Array;
  outputs: Record<string, Slot>;
}): Op {
  const { values, grads } = ctx;
  const feats = ctx.outputs.features;
  const d = feats.width;
  const cols = Int32Array.from({ length: d }, (_, i) => ctx.outputs[`x${i}`].offset);
  return {
    forward(n) {
      for (let i = 0; i < d; i++) {
        const col = cols[i];
        for (let b = 0; b < n; b++) values[col + b] = values[feats.offset + b * d + i];
      }
    },
    backward(n) {
      // Inputs are constants; their gradients are summed onto the vector port only for display.
      for (let i = 0; i < d; i++) {
        const col = cols[i];
        for (let b = 0; b < n; b++) grads[feats.offset + b * d + i] += grads[col + b];
      }
    },
  };
}

/** Export: the batch is the forward function's x (features) and y (targets); feature i is a column of x. */
export function dataSourcePython<P>(ctx: PyContext<P>): Record<string, string> {
  const out: Record<string, string> = { features: 'x', target: 'y' };
  for (let i = 0; i < ctx.outputs.features; i++) out[`x${i}`] = `x[:, ${i}:${i + 1}]`;
  return out;
}
