/**
 * Hands out training batches: an epoch visits every training example once, in a seeded shuffled
 * order when the dataset asks for shuffling, else in stored order. The last batch of an epoch may
 * be smaller, as with PyTorch's DataLoader (drop_last = False).
 */
import { copyRows } from '../datasets/copy-rows';
import type { DataTable } from '../datasets/table';
import { createRng, hashString, type Rng } from '../rng';

/** The order an epoch visits the examples in, and the shuffler's state after drawing it. */
export interface LoaderOrder {
  readonly order: Int32Array;
  readonly rng: readonly number[];
  /** Which shuffle this is (0: the first order): equal numbers, equal orders. */
  readonly shuffles: number;
}

export class BatchLoader {
  /** Indices (into the training split) of the current batch; only the first `count` are valid. */
  readonly batch: Int32Array;
  count = 0;
  /** Completed epochs. */
  epoch = 0;
  private readonly order: Int32Array;
  private cursor = 0;
  private readonly rng: Rng;
  /** Shuffles so far: the order changes only when this does. */
  private shuffles = 0;
  private savedOrder: LoaderOrder | null = null;

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
      if (this.table.shuffle) {
        this.rng.shuffle(this.order);
        this.shuffles++;
      }
    }
    return count;
  }

  /** Rows of the current epoch already handed out. */
  get position(): number {
    return this.cursor;
  }

  /**
   * The current order, to save with a checkpoint. It is copied once per shuffle and shared by every
   * checkpoint until the next one: saving every step allocates once an epoch (never, unshuffled).
   */
  currentOrder(): LoaderOrder {
    if (this.savedOrder?.shuffles !== this.shuffles) {
      this.savedOrder = { order: this.order.slice(), rng: this.rng.getState(), shuffles: this.shuffles };
    }
    return this.savedOrder;
  }

  /** Goes back (or on) to a saved place, with `count` rows of `batch` as the batch handed out last. */
  restore(order: LoaderOrder, position: number, epoch: number, batch: Int32Array, count: number): void {
    this.order.set(order.order);
    this.rng.setState(order.rng);
    this.shuffles = order.shuffles;
    this.savedOrder = order;
    this.cursor = position;
    this.epoch = epoch;
    this.batch.set(batch.subarray(0, Math.min(count, this.batch.length)));
    this.count = count;
  }

  /** Fraction of the current epoch already visited. */
  get progress(): number {
    return this.cursor / this.order.length;
  }
}
