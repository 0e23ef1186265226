/**
 * What every data kind (built-in datasets, CSV files) shares: the split and batching parameters,
 * its output ports and their widths, the op that spreads the batch's feature vector over one scalar
 * port per feature, and its Python export. The trainer's loader writes each batch into the
 * `features` and `target` buffers.
 */

import type { PyContext } from '../export/emit';
import type { Op, Shape, Slot } from '../kind';
import { bool, num, type ParamValues } from '../params';
import type { OutputPortSpec, PortLayout } from '../ports';

/**
 * The parameters every data kind ends with, in the inspector's order: how its examples are split
 * into training and test sets and fed in batches. One seed drives all of the data's random choices.
 */
export const splitParams = {
  seed: num('Data seed', 1, {
    integer: true,
    help: 'Seed of the data’s random choices: the generated points of a built-in set and which examples are held out for testing. The order they are visited in follows the document’s seed.',
  }),
  testFraction: num('Test fraction', 0.2, {
    min: 0,
    max: 0.9,
    help: 'Share of examples held out as the test set.',
  }),
  batchSize: num('Batch size', 10, { integer: true, min: 1, max: 10_000, key: true }),
  shuffle: bool('Shuffle', true, { help: 'Visit the training examples in a new seeded order every epoch.' }),
};

export type SplitParams = ParamValues<typeof splitParams>;

/** The split parameters alone, as the table builders take them (a node's params hold more). */
export const splitOptions = (p: SplitParams): SplitParams => ({
  seed: p.seed,
  testFraction: p.testFraction,
  batchSize: p.batchSize,
  shuffle: p.shuffle,
});

/**
 * One scalar port per feature (x0…, labelled by the feature's name), then `features` and `target`.
 * Pictures (`perFeature` false) offer only the vector: 64 pixel ports would bury the node, and no
 * one wires a single pixel to a single neuron.
 */
export function dataSourcePorts(featureNames: readonly string[], perFeature = true): PortLayout {
  const features: OutputPortSpec[] = (perFeature ? featureNames : []).map((name, i) => ({
    id: `x${i}`,
    label: name,
    type: 'scalar',
  }));
  return {
    inputs: [],
    outputs: [
      ...features,
      { id: 'features', label: 'features', type: 'vector' },
      { id: 'target', label: 'target', type: 'target' },
    ],
  };
}

/** `features` (d wide), `target` (t wide) and, unless a picture, one scalar port x0…x(d−1) per feature. */
export function dataSourceShape(nFeatures: number, nTargets: number, perFeature = true): Shape {
  const outputs: Record<string, number> = { features: nFeatures, target: nTargets };
  if (perFeature) for (let i = 0; i < nFeatures; i++) outputs[`x${i}`] = 1;
  return { outputs };
}

function featureSpreadOp(ctx: {
  values: Float64Array;
  grads: Float64Array;
  outputs: Record<string, Slot>;
}): Op {
  const { values, grads } = ctx;
  const feats = ctx.outputs.features;
  const d = feats.width;
  // No scalar ports (a picture): nothing to spread.
  const cols = ctx.outputs.x0
    ? Int32Array.from({ length: d }, (_, i) => ctx.outputs[`x${i}`].offset)
    : new Int32Array(0);
  return {
    forward(n) {
      for (let i = 0; i < cols.length; i++) {
        const col = cols[i];
        for (let b = 0; b < n; b++) values[col + b] = values[feats.offset + b * d + i];
      }
    },
    backward(n) {
      // Inputs are constants; their gradients are summed onto the vector port only for display.
      for (let i = 0; i < cols.length; i++) {
        const col = cols[i];
        for (let b = 0; b < n; b++) grads[feats.offset + b * d + i] += grads[col + b];
      }
    },
  };
}

/** Export: the batch is the forward function's x (features) and y (targets); feature i is a column of x. */
function dataSourcePython<P>(ctx: PyContext<P>): Record<string, string> {
  const out: Record<string, string> = { features: 'x', target: 'y' };
  for (let i = 0; i < ctx.outputs.features; i++)
    if (`x${i}` in ctx.outputs) out[`x${i}`] = `x[:, ${i}:${i + 1}]`;
  return out;
}

/** How every data kind runs and exports, spread into its definition: the same for all of them. */
export const dataSourceCode = { build: featureSpreadOp, torch: dataSourcePython, numpy: dataSourcePython };
