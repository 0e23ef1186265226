/**
 * A run's loss per step for the chart, in bounded memory however long the run: the `recent`
 * latest steps one point each, older steps merged into points that cover 2, 4, 8 … steps (their
 * mean), like the history's thinning. Each point keeps the sum and count of its finite losses, so
 * merging is exact and a chart can merge further by sums.
 */
export class LossCurve {
  /** Last step each point covers (increasing). */
  private ends: Float64Array;
  /** Sum of the finite losses a point covers, and how many there were. */
  private sums: Float64Array;
  private counts: Float64Array;
  /** Points held. */
  length = 0;

  constructor(
    /** Most points held. */
    readonly capacity = 8192,
    /** Latest points never merged. */
    readonly recent = 2048,
  ) {
    if (recent * 2 > capacity) throw new RangeError('LossCurve: recent must be at most half the capacity.');
    this.ends = new Float64Array(capacity);
    this.sums = new Float64Array(capacity);
    this.counts = new Float64Array(capacity);
  }

  /** The last step held (0 when empty). */
  get lastStep(): number {
    return this.length > 0 ? this.ends[this.length - 1] : 0;
  }

  /** The points' last steps (a live view). */
  get steps(): Float64Array {
    return this.ends.subarray(0, this.length);
  }

  /** Sums of the finite losses of each point (a live view). */
  get lossSums(): Float64Array {
    return this.sums.subarray(0, this.length);
  }

  /** How many finite losses each point holds (a live view). */
  get lossCounts(): Float64Array {
    return this.counts.subarray(0, this.length);
  }

  /** Each point's mean loss (a copy; NaN where no loss was finite). */
  means(): Float64Array {
    const out = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++)
      out[i] = this.counts[i] > 0 ? this.sums[i] / this.counts[i] : Number.NaN;
    return out;
  }

  clear(): void {
    this.length = 0;
  }

  /** Forgets every step after `step` (a merged point reaching past it goes whole). */
  truncate(step: number): void {
    while (this.length > 0 && this.ends[this.length - 1] > step) this.length--;
  }

  /**
   * Keeps the steps before `from` and appends `values` as the losses of steps from, from + 1, …
   * (a rewound run sends its losses again from where it went back to).
   */
  append(from: number, values: ArrayLike<number>): void {
    // A merged point reaching past `from − 1` goes whole: the chart has a short gap there.
    this.truncate(from - 1);
    for (let i = 0; i < values.length; i++) {
      if (this.length === this.capacity) this.thin();
      const v = values[i];
      const finite = Number.isFinite(v);
      this.ends[this.length] = from + i;
      this.sums[this.length] = finite ? v : 0;
      this.counts[this.length] = finite ? 1 : 0;
      this.length++;
    }
  }

  /** Merges the points older than the recent ones in pairs, halving their number. */
  private thin(): void {
    const old = this.length - this.recent;
    let j = 0;
    for (let i = 0; i < old; i += 2) {
      const last = Math.min(i + 1, old - 1);
      this.ends[j] = this.ends[last];
      this.sums[j] = this.sums[i] + (last > i ? this.sums[last] : 0);
      this.counts[j] = this.counts[i] + (last > i ? this.counts[last] : 0);
      j++;
    }
    for (let i = old; i < this.length; i++, j++) {
      this.ends[j] = this.ends[i];
      this.sums[j] = this.sums[i];
      this.counts[j] = this.counts[i];
    }
    this.length = j;
  }
}
