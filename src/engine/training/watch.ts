/**
 * Training diagnostics for learners, updated once per step: exploding gradients, dead ReLUs and a
 * loss that keeps rising. Each is said in a sentence and pinned to the node or edge concerned.
 * Buffers are allocated once per plan; a step allocates nothing unless a diagnostic changes.
 */
import type { BlockLayout, Plan, SlotLayout } from '../compiler/plan';
import type { EdgeId, NodeId } from '../graph';
import type { DeadUnitSite } from '../kind';
import type { Trainer } from '../runtime/trainer';
import { formatNumber } from './prediction';

export type WatchCode = 'exploding-gradients' | 'exploding-gradient' | 'dead-relu' | 'loss-rising';

export interface WatchDiagnostic {
  code: WatchCode;
  severity: 'warning' | 'info';
  nodeId?: NodeId;
  edgeId?: EdgeId;
  /** dead-relu on a dense layer or an activation node: the dead units (or elements), from 0. */
  units?: number[];
  message: string;
  /** The step at which the condition began. */
  since: number;
}

export interface WatchOptions {
  /** Consecutive steps for a dead ReLU or a rising loss; default 20. */
  k?: number;
  /** Steps of gradient norms whose `quantile` is "the recent typical size"; default 50. */
  window?: number;
  /** How many times the recent typical size counts as exploding; default 10. */
  factor?: number;
  /** Norms needed before explosions are judged; default 10. */
  minHistory?: number;
  /** Weight of the newest loss in the smoothed loss that must keep rising; default 0.1 (1 = raw). */
  smoothing?: number;
  /**
   * Which quantile of the recent norms is their typical size; default 0.9. Not the median: late in
   * a healthy run most batches are learned (tiny gradients) and a batch holding a misclassified
   * point gives 10–100× the median every few dozen steps. Against the 90th percentile those
   * routine spikes are mostly no longer "exploding" (the spiral: 2,005 alarms in its first 60,000
   * steps → 11, and 10–30× fewer after that), while a diverging run is caught as early as before.
   */
  quantile?: number;
  /**
   * Consecutive steps a norm must stay `factor`× above its typical size to count as exploding;
   * default 2. Late in long healthy runs a lone batch still reaches 10–25× now and then (the
   * circle: 55 alarms in 20,000 steps with 1), and the next batch is calm again; a diverging run
   * stays high, so asking for a second step costs it at most one step.
   */
  confirm?: number;
  /** A jump this many times the typical size counts at once, without waiting for `confirm`; default 100. */
  jump?: number;
  /** Never take the typical size below that of the first `minHistory` norms; default true. */
  earlyFloor?: boolean;
}

const DEFAULTS: Required<WatchOptions> = {
  k: 20,
  window: 50,
  factor: 10,
  minHistory: 10,
  smoothing: 0.1,
  quantile: 0.9,
  confirm: 2,
  jump: 100,
  earlyFloor: true,
};

/** Flagged blocks named in the global message, and given a diagnostic of their own. */
const MAX_BLOCKS = 5;

interface ReluGroup {
  nodeId: NodeId;
  label: string;
  /** How the warning names the group's numbers (the kind's DeadUnitSite). */
  as: DeadUnitSite['as'];
  slot: SlotLayout;
  /** Index of the group's first unit in the flat per-unit arrays. */
  first: number;
  count: number;
}

export class TrainingWatch {
  readonly options: Required<WatchOptions>;
  private readonly blocks: readonly BlockLayout[];
  // Gradient norms: a ring of the global norm and one per block, over the last `window` steps.
  private readonly norms: Float64Array;
  private readonly blockNorms: Float64Array;
  private readonly current: Float64Array;
  private readonly sortBuffer: Float64Array;
  private filled = 0;
  private cursor = 0;
  private explodingSince = -1;
  /** Steps in a row so far above `factor`× (not yet an explosion while below `confirm`), and the first. */
  private overSteps = 0;
  private overSince = -1;
  private flagged: { block: BlockLayout; norm: number; median: number }[] = [];
  // The block norms when the current episode began (the ring, its fill, and that step's norms),
  // copied so the blocks to blame are worked out only when the diagnostics are read: late in a
  // healthy run single-batch spikes start an episode every few dozen steps, and a median per
  // block for each was a fifth of the worker's time.
  private readonly episodeRing: Float64Array;
  private readonly episodeCurrent: Float64Array;
  private episodeFilled = 0;
  private flagPending = false;
  private globalNorm = 0;
  private cachedMedian = 0;
  /**
   * The typical size of the first `minHistory` norms, kept for the whole run: a floor under the
   * recent one. Late in a long healthy run the recent size shrinks 100× (most batches are learned)
   * and a single hard batch is far above it, yet no larger than the gradients of the first steps;
   * a diverging run outgrows those too.
   */
  private earlyTypical = 0;
  private sinceMedian = Number.POSITIVE_INFINITY;
  private globalMedian = 0;
  // ReLUs: per unit, the consecutive steps it stayed at or below 0, and when that began.
  private readonly groups: ReluGroup[] = [];
  private readonly deadSteps: Int32Array;
  private readonly deadSince: Int32Array;
  // Loss: the smoothed loss and how many steps in a row it rose.
  private smoothed = Number.NaN;
  private rising = 0;
  private risingFrom = 0;
  private list: WatchDiagnostic[] = [];
  private dirty = false;
  /** Incremented whenever `diagnostics` changes. */
  version = 0;

  constructor(
    readonly plan: Plan,
    options: WatchOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    const w = Math.max(1, this.options.window);
    // Buffers (running statistics) have no gradient to watch.
    this.blocks = plan.blocks.filter((b) => !b.buffer);
    const nb = this.blocks.length;
    this.norms = new Float64Array(w);
    this.blockNorms = new Float64Array(w * nb);
    this.current = new Float64Array(nb);
    this.sortBuffer = new Float64Array(w);
    this.episodeRing = new Float64Array(w * nb);
    this.episodeCurrent = new Float64Array(nb);
    let units = 0;
    for (const node of plan.order) {
      const site = node.kind.deadUnits?.(node.params);
      if (!site) continue;
      const from = site.from;
      const slot = 'scratch' in from ? node.scratch[from.scratch] : node.inputs[from.input]?.[0]?.slot;
      if (!slot) continue;
      this.groups.push({
        nodeId: node.id,
        label: node.label,
        as: site.as,
        slot,
        first: units,
        count: slot.width,
      });
      units += slot.width;
    }
    this.deadSteps = new Int32Array(units);
    this.deadSince = new Int32Array(units);
  }

  /** The diagnostics in force after the last observed step. */
  get diagnostics(): readonly WatchDiagnostic[] {
    if (this.dirty) {
      if (this.flagPending) this.flagBlocks();
      this.list = this.build();
      this.dirty = false;
    }
    return this.list;
  }

  reset(): void {
    this.filled = 0;
    this.cachedMedian = 0;
    this.earlyTypical = 0;
    this.sinceMedian = Number.POSITIVE_INFINITY;
    this.cursor = 0;
    this.explodingSince = -1;
    this.overSteps = 0;
    this.overSince = -1;
    this.flagged = [];
    this.flagPending = false;
    this.deadSteps.fill(0);
    this.deadSince.fill(0);
    this.smoothed = Number.NaN;
    this.rising = 0;
    this.list = [];
    this.dirty = false;
    this.version++;
  }

  /** Reads the step the trainer just completed (after its update). Returns whether anything changed. */
  observe(trainer: Trainer): boolean {
    const step = trainer.step;
    let changed = this.observeGradients(trainer.thetaGrad, step);
    changed = this.observeRelus(trainer, step) || changed;
    changed = this.observeLoss(trainer.loss, step) || changed;
    if (changed) {
      this.dirty = true;
      this.version++;
    }
    return changed;
  }

  private observeGradients(grad: Float64Array, step: number): boolean {
    const { factor, minHistory, confirm, jump } = this.options;
    const w = this.norms.length;
    const nb = this.blocks.length;
    let total = 0;
    for (let k = 0; k < nb; k++) {
      const b = this.blocks[k];
      let s = 0;
      for (let i = b.offset; i < b.offset + b.size; i++) s += grad[i] * grad[i];
      this.current[k] = Math.sqrt(s);
      total += s;
    }
    const norm = Math.sqrt(total);
    if (!Number.isFinite(norm)) return false;
    const wasExploding = this.explodingSince >= 0;
    let exploding = false;
    if (this.filled >= Math.min(minHistory, w)) {
      // The typical size is refreshed every few steps, and always before an explosion is declared.
      if (this.earlyTypical === 0 && this.options.earlyFloor) {
        this.earlyTypical = this.quantile(this.norms, 0, 1, this.filled, this.options.quantile);
      }
      if (this.sinceMedian++ >= 8 || norm > factor * this.cachedMedian) {
        const recent = this.quantile(this.norms, 0, 1, this.filled, this.options.quantile);
        this.cachedMedian = Math.max(recent, this.earlyTypical);
        this.sinceMedian = 0;
      }
      const median = this.cachedMedian;
      const over = median > 0 && norm > factor * median;
      if (over) {
        // The blocks to blame are those of the step an episode starts, not of every step of it;
        // their medians wait until the diagnostics are read (see episodeRing).
        if (this.overSteps === 0 && !wasExploding) {
          this.overSince = step;
          this.beginEpisode();
        }
        this.overSteps++;
        exploding = wasExploding || this.overSteps >= confirm || norm > jump * median;
        if (exploding) {
          this.globalNorm = norm;
          this.globalMedian = median;
        }
      } else {
        this.overSteps = 0;
        if (!wasExploding) this.flagPending = false;
      }
    }
    // Record after judging: a norm is compared with the steps before it.
    this.norms[this.cursor] = norm;
    this.blockNorms.set(this.current, this.cursor * nb);
    this.cursor = (this.cursor + 1) % w;
    if (this.filled < w) this.filled++;
    if (exploding) {
      if (!wasExploding) this.explodingSince = this.overSince;
      return true;
    }
    if (wasExploding) {
      this.explodingSince = -1;
      this.flagged = [];
      this.flagPending = false;
      return true;
    }
    return false;
  }

  /** Keeps what the blame of a new episode needs: a copy, no sorting (that waits for `flagBlocks`). */
  private beginEpisode(): void {
    this.episodeRing.set(this.blockNorms);
    this.episodeCurrent.set(this.current);
    this.episodeFilled = this.filled;
    this.flagPending = true;
  }

  /** Blocks whose gradient grew most against their own median before the episode began. */
  private flagBlocks(): void {
    this.flagPending = false;
    const nb = this.blocks.length;
    const { factor } = this.options;
    const all: { block: BlockLayout; norm: number; median: number; ratio: number }[] = [];
    for (let k = 0; k < nb; k++) {
      const median = this.median(this.episodeRing, k, nb, this.episodeFilled);
      const norm = this.episodeCurrent[k];
      const ratio = median > 0 ? norm / median : norm > 0 ? Number.POSITIVE_INFINITY : 0;
      all.push({ block: this.blocks[k], norm, median, ratio });
    }
    all.sort((a, b) => b.ratio - a.ratio || b.norm - a.norm);
    const over = all.filter((a) => a.ratio > factor);
    this.flagged = (over.length > 0 ? over : all.filter((a) => a.norm > 0)).slice(0, MAX_BLOCKS);
  }

  /** Median of `count` numbers a[start], a[start + stride], … (sorted in a reused buffer). */
  private median(a: Float64Array, start: number, stride: number, count: number): number {
    return this.quantile(a, start, stride, count, 0.5);
  }

  /** The q-quantile (linear between neighbours) of `count` numbers a[start], a[start + stride], …. */
  private quantile(a: Float64Array, start: number, stride: number, count: number, q: number): number {
    const buf = this.sortBuffer;
    for (let i = 0; i < count; i++) buf[i] = a[start + i * stride];
    // Insertion sort: the window is small, and a typed array's own sort would need a subarray view.
    for (let i = 1; i < count; i++) {
      const v = buf[i];
      let j = i - 1;
      while (j >= 0 && buf[j] > v) {
        buf[j + 1] = buf[j];
        j--;
      }
      buf[j + 1] = v;
    }
    const at = q * (count - 1);
    const lo = Math.floor(at);
    const hi = Math.min(count - 1, lo + 1);
    return buf[lo] + (at - lo) * (buf[hi] - buf[lo]);
  }

  private observeRelus(trainer: Trainer, step: number): boolean {
    const rt = trainer.runtime;
    const n = rt.n;
    if (n === 0) return false;
    const k = this.options.k;
    const v = rt.values;
    let changed = false;
    for (const g of this.groups) {
      const off = rt.offset(g.slot);
      const w = g.slot.width;
      for (let u = 0; u < g.count; u++) {
        let alive = false;
        for (let b = 0; b < n; b++) {
          if (v[off + b * w + u] > 0) {
            alive = true;
            break;
          }
        }
        const i = g.first + u;
        if (alive) {
          if (this.deadSteps[i] >= k) changed = true;
          this.deadSteps[i] = 0;
        } else {
          if (this.deadSteps[i] === 0) this.deadSince[i] = step;
          this.deadSteps[i]++;
          if (this.deadSteps[i] === k) changed = true;
        }
      }
    }
    return changed;
  }

  private observeLoss(loss: number, step: number): boolean {
    if (!Number.isFinite(loss)) return false;
    const k = this.options.k;
    const previous = this.smoothed;
    if (Number.isNaN(previous)) {
      this.smoothed = loss;
      return false;
    }
    this.smoothed = previous + this.options.smoothing * (loss - previous);
    if (this.smoothed > previous) {
      if (this.rising === 0) this.risingFrom = step;
      this.rising++;
      return this.rising === k;
    }
    const was = this.rising >= k;
    this.rising = 0;
    return was;
  }

  private build(): WatchDiagnostic[] {
    const out: WatchDiagnostic[] = [];
    const { k } = this.options;
    if (this.explodingSince >= 0) {
      const ratio = this.globalNorm / this.globalMedian;
      const names = this.flagged.map((f) => f.block.label);
      out.push({
        code: 'exploding-gradients',
        severity: 'warning',
        message:
          `Exploding gradients: the overall size of the gradient jumped to ${formatNumber(this.globalNorm)}, ` +
          `${formatNumber(ratio)}× its recent typical size (${formatNumber(this.globalMedian)})` +
          (names.length > 0 ? `; the largest jumps are in ${names.join(', ')}` : '') +
          '. A smaller learning rate, scaled inputs or gradient clipping would calm it.',
        since: this.explodingSince,
      });
      for (const f of this.flagged) {
        const what = f.block.edgeId ? `the weight ${f.block.label}` : `the parameter ${f.block.label}`;
        const size =
          f.median > 0
            ? `${formatNumber(f.norm / f.median)}× its recent typical size (${formatNumber(f.median)})`
            : `${formatNumber(f.norm)}, up from 0`;
        out.push({
          code: 'exploding-gradient',
          severity: 'warning',
          nodeId: f.block.nodeId,
          edgeId: f.block.edgeId,
          message: `The gradient of ${what} jumped to ${formatNumber(f.norm)}, ${size}.`,
          since: this.explodingSince,
        });
      }
    }
    for (const g of this.groups) {
      const dead: number[] = [];
      let since = Number.POSITIVE_INFINITY;
      for (let u = 0; u < g.count; u++) {
        if (this.deadSteps[g.first + u] >= k) {
          dead.push(u);
          since = Math.min(since, this.deadSince[g.first + u]);
        }
      }
      if (dead.length === 0) continue;
      const fix = 'A smaller learning rate, a small positive initial bias or a leaky ReLU keeps units alive.';
      let message: string;
      if (g.as === 'neuron') {
        message =
          `“${g.label}” is a dead ReLU: its input z = w·x + b has been ≤ 0 for every example for ${k} steps in a row, ` +
          `so it outputs 0, passes no gradient back, and its weights have stopped learning. ${fix}`;
      } else {
        const what = g.as;
        const list = dead.length > 8 ? `${dead.slice(0, 8).join(', ')}, …` : dead.join(', ');
        message =
          `${dead.length} of ${g.count} ${what} of “${g.label}” are dead ReLUs (${what} ${list}): ` +
          `${g.as === 'units' ? 'their z' : 'the numbers'} stayed ≤ 0 for every example for ${k} steps in a row, ` +
          `so no gradient flows back through them. ${fix}`;
      }
      out.push({
        code: 'dead-relu',
        severity: 'warning',
        nodeId: g.nodeId,
        units: g.as === 'neuron' ? undefined : dead,
        message,
        since,
      });
    }
    if (this.rising >= k) {
      out.push({
        code: 'loss-rising',
        severity: 'warning',
        message:
          `The loss has been going up since step ${this.risingFrom} (${k} or more steps in a row, smoothed over recent batches): ` +
          'training is moving away from a solution. The learning rate is probably too large.',
        since: this.risingFrom,
      });
    }
    return out;
  }
}
