/**
 * The history of a run, thinned so it reaches back to step 0 however long the run: a checkpoint
 * after every one of the `recent` latest steps, then after every 2nd, 4th, 8th … step further back
 * (see thinning.ts), within a byte budget. A checkpoint is all it takes to carry on from there
 * exactly — θ, the optimizer's state, the loader's place and shuffler, the batch the step used —
 * so "continue from here" restores one instead of replaying the run, and showing a step runs that
 * single step again from the checkpoint before it.
 *
 * The loss of every step is kept apart, in a longer ring of its own.
 * Checkpoints are pooled: once the history is full, recording allocates nothing (a shuffled
 * dataset's new order is copied once an epoch).
 */
import type { LoaderOrder } from '../runtime/loader';
import { forEachDropped, keptBound } from './thinning';

export interface HistoryOptions {
  /** Steps kept one by one behind the latest, before the thinning starts; default 1000. */
  recent?: number;
  /** Most bytes of checkpoints; default 64 MiB (`recent` shrinks to fit, down to 2). */
  maxBytes?: number;
  /** Most per-step losses kept; default 1,000,000. */
  maxLosses?: number;
}

/** What a checkpoint is taken of: a Trainer fits. */
export interface CheckpointSource {
  readonly theta: Float64Array;
  readonly optimizerState: readonly Float64Array[];
  readonly loader: {
    readonly batch: Int32Array;
    readonly count: number;
    readonly position: number;
    readonly epoch: number;
    currentOrder(): LoaderOrder;
  } | null;
}

/** The run right after `step`: enough to carry on from there bit for bit. */
export interface Checkpoint {
  step: number;
  readonly theta: Float64Array;
  readonly state: Float64Array[];
  /** Rows of the training split that `step` trained on (the first `count`). */
  readonly batch: Int32Array;
  count: number;
  /** The loss `step` measured (before its update); NaN for step 0. */
  loss: number;
  /** The loader's order and place after `step`: the next batch starts at `position`. */
  order: LoaderOrder | null;
  position: number;
  epoch: number;
}

/** The most steps any run is planned for when sizing the budget (2^40: years at full speed). */
const HORIZON = 2 ** 40;

export class ParameterHistory {
  /** Steps kept one by one behind the latest. */
  readonly recent: number;
  /** Kept steps in increasing order, and their checkpoints (null: dropped, compacted later). */
  private readonly steps: number[] = [];
  private readonly entries: (Checkpoint | null)[] = [];
  private dead = 0;
  private readonly pool: Checkpoint[] = [];
  private lossRing: Float64Array;
  /**
   * The penalty terms in each step's loss, in step with `lossRing`; made on the first step that
   * has one (most runs have no penalty and need no second ring).
   */
  private penaltyRing: Float64Array | null = null;
  private readonly maxLosses: number;
  private first = 0;
  private last = -1;
  private readonly drop = (step: number) => this.dropStep(step);

  constructor(
    readonly paramCount: number,
    readonly batchSize: number,
    options: HistoryOptions = {},
    /** Optimizer state vectors per checkpoint (2 for Adam's m and v). */
    readonly stateCount = 0,
    /** Bytes of one shuffled order (0 when the data is not shuffled: one order is shared). */
    orderBytes = 0,
  ) {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const entryBytes = paramCount * 8 * (1 + stateCount) + batchSize * 4 + orderBytes + 128;
    const fits = Math.floor(maxBytes / entryBytes);
    let recent = Math.max(2, Math.floor(options.recent ?? 1000));
    while (recent > 2 && keptBound(HORIZON, recent) > fits) recent = Math.max(2, Math.floor(recent * 0.8));
    this.recent = recent;
    this.maxLosses = Math.max(recent, options.maxLosses ?? 1_000_000);
    this.lossRing = new Float64Array(Math.min(this.maxLosses, Math.max(recent, 1024)));
  }

  /** The latest step recorded, or −1. */
  get latest(): number {
    return this.last;
  }

  /** The oldest step held (> latest when empty). */
  get oldest(): number {
    const i = this.nextAlive(0);
    return i < 0 ? this.last + 1 : this.steps[i];
  }

  /** How many checkpoints are held. */
  get size(): number {
    return this.steps.length - this.dead;
  }

  /** The oldest step whose loss is still held. */
  get oldestLoss(): number {
    return Math.max(this.first, this.last - this.lossRing.length + 1);
  }

  clear(): void {
    this.truncate(-1);
    this.first = 0;
    this.last = -1;
  }

  /**
   * Records the run right after `step` (0: the start) and the loss that step measured (with the
   * penalty terms in it, NaN without any). Steps follow one another; recording an earlier step
   * first forgets everything after it.
   */
  record(step: number, source: CheckpointSource, loss: number, penalty = Number.NaN): void {
    if (this.last >= 0 && step > this.last + 1) this.clear();
    if (step <= this.last) this.truncate(step - 1);
    if (this.last < 0) this.first = step;
    const entry = this.pool.pop() ?? this.makeEntry();
    entry.step = step;
    entry.theta.set(source.theta);
    for (let i = 0; i < entry.state.length; i++) entry.state[i].set(source.optimizerState[i]);
    const loader = source.loader;
    if (loader && step > 0) {
      entry.count = Math.min(loader.count, this.batchSize);
      for (let i = 0; i < entry.count; i++) entry.batch[i] = loader.batch[i];
    } else {
      entry.count = 0;
    }
    entry.order = loader ? loader.currentOrder() : null;
    entry.position = loader?.position ?? 0;
    entry.epoch = loader?.epoch ?? 0;
    entry.loss = loss;
    this.steps.push(step);
    this.entries.push(entry);
    if (step - this.first >= this.lossRing.length && this.lossRing.length < this.maxLosses) this.growLosses();
    this.lossRing[step % this.lossRing.length] = loss;
    if (this.penaltyRing === null && !Number.isNaN(penalty)) {
      this.penaltyRing = new Float64Array(this.lossRing.length).fill(Number.NaN);
    }
    if (this.penaltyRing) this.penaltyRing[step % this.penaltyRing.length] = penalty;
    this.last = step;
    forEachDropped(step, this.recent, this.drop);
    if (this.dead > 64 && this.dead * 2 > this.steps.length) this.compact();
  }

  private makeEntry(): Checkpoint {
    return {
      step: -1,
      theta: new Float64Array(this.paramCount),
      state: Array.from({ length: this.stateCount }, () => new Float64Array(this.paramCount)),
      batch: new Int32Array(this.batchSize),
      count: 0,
      loss: Number.NaN,
      order: null,
      position: 0,
      epoch: 0,
    };
  }

  private dropStep(step: number): void {
    const i = this.indexOf(step);
    if (i < 0) return;
    const entry = this.entries[i]!;
    entry.order = null;
    this.pool.push(entry);
    this.entries[i] = null;
    this.dead++;
  }

  /** Removes the dropped slots, keeping the order (in place: no new arrays). */
  private compact(): void {
    let j = 0;
    for (let i = 0; i < this.steps.length; i++) {
      const entry = this.entries[i];
      if (!entry) continue;
      this.steps[j] = this.steps[i];
      this.entries[j] = entry;
      j++;
    }
    this.steps.length = j;
    this.entries.length = j;
    this.dead = 0;
  }

  /** The slot of `step`, or −1 when it is not held. */
  private indexOf(step: number): number {
    const i = this.lowerBound(step);
    return i < this.steps.length && this.steps[i] === step && this.entries[i] ? i : -1;
  }

  /** The first slot whose step is ≥ `step`. */
  private lowerBound(step: number): number {
    let lo = 0;
    let hi = this.steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.steps[mid] < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private nextAlive(i: number): number {
    for (let k = i; k < this.steps.length; k++) if (this.entries[k]) return k;
    return -1;
  }

  private previousAlive(i: number): number {
    for (let k = i; k >= 0; k--) if (this.entries[k]) return k;
    return -1;
  }

  has(step: number): boolean {
    return this.indexOf(step) >= 0;
  }

  /** The checkpoint after `step` (live: copy what you keep), or null when it is not held. */
  checkpoint(step: number): Checkpoint | null {
    const i = this.indexOf(step);
    return i < 0 ? null : this.entries[i];
  }

  /** θ after `step` (a live row: copy it to keep it), or null if never recorded or dropped. */
  at(step: number): Float64Array | null {
    return this.checkpoint(step)?.theta ?? null;
  }

  /** The latest step held at or before `step`, or −1. */
  floor(step: number): number {
    const i = this.lowerBound(step + 1) - 1;
    const k = i < 0 ? -1 : this.previousAlive(i);
    return k < 0 ? -1 : this.steps[k];
  }

  /** The earliest step held at or after `step`, or −1. */
  ceil(step: number): number {
    const k = this.nextAlive(this.lowerBound(step));
    return k < 0 ? -1 : this.steps[k];
  }

  /** Rows of the training split that `step` trained on (a live view), or null when not held. */
  batchAt(step: number): Int32Array | null {
    const entry = this.checkpoint(step);
    return entry && step > 0 ? entry.batch.subarray(0, entry.count) : null;
  }

  /** Doubles the loss ring (up to maxLosses), moving each kept loss to its new place. */
  private growLosses(): void {
    const old = this.lossRing;
    const oldPenalties = this.penaltyRing;
    const next = new Float64Array(Math.min(this.maxLosses, old.length * 2));
    const nextPenalties = oldPenalties && new Float64Array(next.length);
    for (let s = this.oldestLoss; s <= this.last; s++) {
      next[s % next.length] = old[s % old.length];
      if (nextPenalties && oldPenalties) nextPenalties[s % next.length] = oldPenalties[s % old.length];
    }
    this.lossRing = next;
    this.penaltyRing = nextPenalties;
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

  /** The penalty terms in the losses of steps from…latest, as `lossesFrom` (NaN where none). */
  penaltiesFrom(from: number): Float64Array {
    const start = Math.max(1, from);
    const out = new Float64Array(Math.max(0, this.last - start + 1));
    const ring = this.penaltyRing;
    for (let i = 0; i < out.length; i++) {
      const step = start + i;
      const held = ring !== null && step >= this.oldestLoss && step <= this.last;
      out[i] = held ? ring[step % ring.length] : Number.NaN;
    }
    return out;
  }

  /** Forgets every step after `step`. */
  truncate(step: number): void {
    while (this.steps.length > 0 && this.steps[this.steps.length - 1] > step) {
      this.steps.pop();
      const entry = this.entries.pop();
      if (entry) {
        entry.order = null;
        this.pool.push(entry);
      } else this.dead--;
    }
    if (step < this.last) this.last = Math.max(step, this.first - 1);
  }
}
