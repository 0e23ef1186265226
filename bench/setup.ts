/**
 * What every contender trains in the benchmark: the networks, the data, the loss and the optimizer,
 * and the interface each implementation offers the timing harness.
 */
import { buildMlp, compile, type Plan } from '../src/engine';
import { digitsSupport } from '../src/engine/datasets/digits';
import type { DataTable } from '../src/engine/datasets/table';

// The digits load on first use in the app; the bench reads them directly, as the command line does.
await digitsSupport.load();

/**
 * Layer sizes including input and output; tanh on every layer, hidden and output. The spiral's
 * networks train on batches of BATCH; 64-32-10 is the digits example's shape, on the digits with
 * batches of DIGITS_BATCH.
 */
export const SIZES: readonly (readonly number[])[] = [
  [2, 8, 8, 1],
  [2, 64, 64, 64, 1],
  [2, 256, 256, 1],
  [64, 32, 10],
];

export const BATCH = 10;
export const DIGITS_BATCH = 32;
export const LR = 0.03;
export const SEED = 1;

export const DATASET = {
  dataset: 'spiral',
  n: 500,
  noise: 0.1,
  testFraction: 0,
  batchSize: BATCH,
  shuffle: true,
} as const;

/** The digits (1,797 8 × 8 pictures), all of them training, for the 64-input network. */
export const DIGITS = {
  dataset: 'digits',
  seed: 1,
  testFraction: 0,
  batchSize: DIGITS_BATCH,
  shuffle: true,
} as const;

/** The data of a network: the digits for 64 inputs, the spiral otherwise. */
export const datasetFor = (sizes: readonly number[]) => (sizes[0] === 64 ? DIGITS : DATASET);
export const sizeName = (sizes: readonly number[]) => sizes.join('-');

/** One implementation of "train this MLP with SGD on ½ squared error" (batches of the table's size). */
export interface Contender {
  /** Trains on one batch of BATCH examples. */
  step(): void;
  /** ½ · mean squared error over the whole training set at the current parameters. */
  loss(): number;
  dispose?(): void;
}

/** The initial parameters of each layer, W row-major as [out][in], so every contender starts alike. */
export interface LayerParams {
  W: Float64Array;
  b: Float64Array;
}

/** Compiles the benchmark MLP at either level; throws on diagnostics (the bench graph must be valid). */
export function compileMlp(sizes: readonly number[], level: 'dense' | 'neuron'): Plan {
  const graph = buildMlp({
    sizes: [...sizes],
    hidden: 'tanh',
    output: 'tanh',
    level,
    dataset: { ...datasetFor(sizes) },
    loss: { kind: 'loss.mse', params: { half: true } },
    optimizer: { kind: 'opt.sgd', params: { lr: LR } },
    seed: SEED,
  });
  const { plan, diagnostics } = compile(graph);
  if (!plan) {
    throw new Error(
      `the benchmark graph ${sizeName(sizes)} does not compile: ${diagnostics.map((d) => d.message).join('; ')}`,
    );
  }
  if (!plan.data) throw new Error('the benchmark graph has no dataset');
  return plan;
}

/** The training split, as the engine generated it: every contender trains on these rows. */
export function tableOf(plan: Plan): DataTable {
  return plan.data!.table;
}
