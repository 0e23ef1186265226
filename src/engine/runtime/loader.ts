/**
 * Hands out training batches: an epoch visits every training example once, in a seeded shuffled
 * order when the dataset asks for shuffling, else in stored order. The last batch of an epoch may
 * be smaller, as with PyTorch's DataLoader (drop_last = False).
 */
import { copyRows } from '../datasets/copy-rows';
import type { DataTable } from '../datasets/table';
import { createRng, hashString, type Rng } from '../rng';

export class BatchLoader {
  /** Indices (into the training split) of the current batch; only the first `count` are valid. */
  readonly batch: Int32Array;
  count = 0;
  /** Completed epochs. */
  epoch = 0;
  private readonly order: Int32Array;
  private cursor = 0;
  private readonly rng: Rng;

  constructor(
    readonly table: DataTable,
    seed: number,
  ) {
    const n = table.train.count;
    this.batch = new Int32Array(Math.min(table.batchSize, n));
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.rng = createRng(seed ^ hashString('shuffle'));
    if (table.shuffle) this.rng.shuffle(this.order);
  }

  get batchSize(): number {
    return this.batch.length;
  }

  /** Advances to the next batch and writes its rows into the feature and target buffers. */
  next(features: Float64Array, featureOffset: number, targets: Float64Array, targetOffset: number): number {
    const { train, nFeatures, nTargets } = this.table;
    const count = Math.min(this.batch.length, this.order.length - this.cursor);
    for (let b = 0; b < count; b++) this.batch[b] = this.order[this.cursor + b];
    copyRows(train, nFeatures, nTargets, this.batch, count, features, featureOffset, targets, targetOffset);
    this.cursor += count;
    this.count = count;
    if (this.cursor >= this.order.length) {
      // The epoch is complete: the next batch starts a new one, in a new order.
      this.cursor = 0;
      this.epoch++;
      if (this.table.shuffle) this.rng.shuffle(this.order);
    }
    return count;
  }

  /** Fraction of the current epoch already visited. */
  get progress(): number {
    return this.cursor / this.order.length;
  }
}
