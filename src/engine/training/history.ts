/**
 * A bounded timeline of a run: θ after each step (a ring of rows within a byte budget) with the
 * batch each step trained on, and the loss of every step (a longer ring of its own).
 * Row 0 is the starting θ. Rows are reused once allocated: recording allocates nothing.
 */

export interface HistoryOptions {
  /** Most θ rows kept; default 1000. */
  maxSteps?: number;
  /** Most bytes of θ rows and batch indices; default 64 MiB. */
  maxBytes?: number;
  /** Most per-step losses kept; default 1,000,000. */
  maxLosses?: number;
}

export class ParameterHistory {
  /** Rows kept at most. */
  readonly capacity: number;
  private readonly rows: Float64Array[] = [];
  private readonly batches: Int32Array[] = [];
  private readonly counts: Int32Array;
  private lossRing: Float64Array;
  private readonly maxLosses: number;
  private first = 0;
  private last = -1;

  constructor(
    readonly paramCount: number,
    readonly batchSize: number,
    options: HistoryOptions = {},
  ) {
    const maxSteps = options.maxSteps ?? 1000;
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const rowBytes = paramCount * 8 + batchSize * 4;
    this.capacity = Math.max(
      2,
      Math.min(maxSteps, rowBytes > 0 ? Math.floor(maxBytes / rowBytes) : maxSteps),
    );
    this.counts = new Int32Array(this.capacity);
    this.maxLosses = Math.max(this.capacity, options.maxLosses ?? 1_000_000);
    this.lossRing = new Float64Array(Math.min(this.maxLosses, Math.max(this.capacity, 1024)));
  }

  /** The latest step recorded, or −1. */
  get latest(): number {
    return this.last;
  }

  /** The oldest step whose θ is still held (> latest when empty). */
  get oldest(): number {
    return Math.max(this.first, this.last - this.capacity + 1);
  }

  /** The oldest step whose loss is still held. */
  get oldestLoss(): number {
    return Math.max(this.first, this.last - this.lossRing.length + 1);
  }

  clear(): void {
    this.first = 0;
    this.last = -1;
  }

  /**
   * Records θ after `step` (0: the start), the loss that step measured and the training rows it
   * used. Steps follow one another; recording an earlier step first forgets everything after it.
   */
  record(step: number, theta: Float64Array, loss: number, batch: Int32Array | null = null, count = 0): void {
    if (this.last < 0 || step <= this.first - 1 || step > this.last + 1) {
      this.first = step;
      this.last = step - 1;
    } else if (step <= this.last) {
      this.last = step - 1;
    }
    const slot = step % this.capacity;
    let row = this.rows[slot];
    if (!row) {
      row = new Float64Array(this.paramCount);
      this.rows[slot] = row;
      this.batches[slot] = new Int32Array(this.batchSize);
    }
    row.set(theta);
    const n = batch ? Math.min(count, this.batchSize) : 0;
    const rows = this.batches[slot];
    for (let i = 0; i < n; i++) rows[i] = batch![i];
    this.counts[slot] = n;
    if (step - this.first >= this.lossRing.length && this.lossRing.length < this.maxLosses) this.growLosses();
    this.lossRing[step % this.lossRing.length] = loss;
    this.last = step;
  }

  /** Doubles the loss ring (up to maxLosses), moving each kept loss to its new place. */
  private growLosses(): void {
    const old = this.lossRing;
    const next = new Float64Array(Math.min(this.maxLosses, old.length * 2));
    for (let s = this.oldestLoss; s <= this.last; s++) next[s % next.length] = old[s % old.length];
    this.lossRing = next;
  }

  has(step: number): boolean {
    return step >= this.oldest && step <= this.last;
  }

  /** θ after `step` (a live row: copy it to keep it), or null if never recorded or evicted. */
  at(step: number): Float64Array | null {
    return this.has(step) ? this.rows[step % this.capacity] : null;
  }

  /** Rows of the training split that `step` trained on (a live view), or null. */
  batchAt(step: number): Int32Array | null {
    if (!this.has(step) || step === 0) return null;
    const slot = step % this.capacity;
    return this.batches[slot].subarray(0, this.counts[slot]);
  }

  /** The loss measured during `step` (before its update); NaN for step 0 or when evicted. */
  lossAt(step: number): number {
    if (step <= 0 || step < this.oldestLoss || step > this.last) return Number.NaN;
    return this.lossRing[step % this.lossRing.length];
  }

  /** Losses of steps from…latest (a copy; evicted ones are NaN). */
  lossesFrom(from: number): Float64Array {
    const start = Math.max(1, from);
    const out = new Float64Array(Math.max(0, this.last - start + 1));
    for (let i = 0; i < out.length; i++) out[i] = this.lossAt(start + i);
    return out;
  }

  /** Forgets every step after `step`. */
  truncate(step: number): void {
    if (step < this.last) this.last = Math.max(step, this.first - 1);
  }
}
