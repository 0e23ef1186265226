/**
 * Judges a θ on a whole split (train or test) and draws what a network predicts over the input
 * plane. Both run the plan in runtimes of their own that share the θ they are given, so the
 * training run's buffers are never touched.
 */
import type { Plan, PlanInput, PlanNode } from '../compiler/plan';
import { copyRows } from '../datasets/copy-rows';
import type { Split } from '../datasets/table';
import type { NodeId } from '../graph';
import { Runtime } from '../runtime/runtime';
import { argmax, findPrediction, type Model, nodeBuffer, type PredictionSource, sigmoid } from './prediction';

export type SplitName = 'train' | 'test';

export interface SplitEvaluation {
  split: SplitName;
  /** Examples judged (0 when the split is empty or there is no dataset). */
  count: number;
  /** Mean over the examples of the trained losses' sum; null without examples or losses. */
  loss: number | null;
  /** Fraction classified correctly; null for regression or without examples. */
  accuracy: number | null;
  /** Multiclass pictures (the digits): which class each example got, and the ones it got wrong. */
  confusion?: Confusion;
}

/** Most misclassified examples a Confusion lists (the first ones of the split). */
export const MAX_WRONG = 40;

export interface Confusion {
  classes: number;
  /** counts[true · classes + predicted]: examples of each true class given each predicted class. */
  counts: number[];
  /** The first misclassified examples, by row of the split, with the class they were given. */
  wrong: { row: number; predicted: number }[];
}

export interface Evaluation {
  /** The step whose θ was judged. */
  step: number;
  train: SplitEvaluation;
  test: SplitEvaluation;
  /**
   * The L1/L2 penalty the trained loss adds at this θ (training's L is the data loss plus it), or
   * absent when no penalty is wired in. The splits' losses are the data loss alone.
   */
  penalty?: number;
}

/** The penalty terms (kind.penaltyTerm) chained into the trained losses, summed at θ; undefined without any. */
export function penaltyAt(plan: Plan, theta: Float64Array): number | undefined {
  let total: number | undefined;
  for (const loss of plan.losses) {
    let node: PlanNode | undefined = loss;
    while (node?.kind.penaltyTerm) {
      total = (total ?? 0) + node.kind.penaltyTerm(node.params, node.inputs, plan.blocks, theta);
      const from: PlanInput | undefined = node.inputs.loss?.[0];
      node = from ? plan.nodes.get(from.sourceNode) : undefined;
    }
  }
  return total;
}

export interface GridOptions {
  /** A node whose output to draw; absent: the prediction, as a probability or a class. */
  nodeId?: NodeId;
  /** Output port (or scratch buffer, e.g. 'z') of that node; default its first output. */
  port?: string;
  /** Which number of that output (a dense layer's unit); default 0. */
  index?: number;
  /** Points per axis; default 40. */
  resolution?: number;
  /** Extra room around the data's range, as a fraction of it; default 0.1. */
  margin?: number;
}

export interface GridAxis {
  name: string;
  min: number;
  max: number;
}

export interface GridPrediction {
  nodeId: NodeId;
  port: string;
  index: number;
  dims: 1 | 2;
  resolution: number;
  /** Point i of an axis sits at min + (max − min)·i/(resolution − 1). */
  x: GridAxis;
  y: GridAxis | null;
  /**
   * probability: of class 1 (binary) · class: `values` holds the winning class's probability and
   * `classes` its index (multiclass) · value: the number itself (regression, or any node's output).
   */
  kind: 'probability' | 'class' | 'value';
  /** resolution numbers (1-D) or resolution² row by row: values[j·resolution + i] at (x_i, y_j). */
  values: Float64Array;
  classes: Int32Array | null;
  /** Range of `values`, for a colour scale. */
  min: number;
  max: number;
}

/** Runtimes are kept below this size (values and grads), so a wide network evaluates in chunks. */
const RUNTIME_BYTES = 16 * 1024 * 1024;

/**
 * Evaluation runtimes bound to one plan and one θ (shared, not copied: it follows the θ as it
 * trains). Keep one per θ to reuse its buffers from one evaluation to the next.
 */
export class Evaluator {
  private readonly runtimes = new Map<number, Runtime>();
  private readonly gradSink: Float64Array;
  readonly prediction: PredictionSource | null;

  /** Largest number of examples run at once. */
  readonly chunk: number;

  constructor(
    readonly plan: Plan,
    readonly theta: Float64Array,
    options: { chunk?: number } = {},
  ) {
    this.gradSink = new Float64Array(plan.paramCount);
    this.prediction = findPrediction(plan);
    const fits = Math.floor(RUNTIME_BYTES / (16 * Math.max(1, plan.slotWidth)));
    this.chunk = Math.max(1, Math.floor(options.chunk ?? Math.min(4096, fits)));
  }

  private runtime(capacity: number): Runtime {
    let rt = this.runtimes.get(capacity);
    if (!rt) {
      if (this.runtimes.size >= 4) this.runtimes.clear();
      rt = new Runtime(this.plan, this.theta, this.gradSink, capacity);
      this.runtimes.set(capacity, rt);
    }
    return rt;
  }

  evaluate(split: SplitName): SplitEvaluation {
    const data = this.plan.data;
    const rows = data?.table[split];
    if (!data || !rows || rows.count === 0) return { split, count: 0, loss: null, accuracy: null };
    const { nFeatures: d, nTargets: t } = data.table;
    const count = rows.count;
    const rt = this.runtime(Math.min(count, this.chunk));
    const featureOff = rt.offset(data.features);
    const targetOff = rt.offset(data.target);
    const judge = this.accuracyJudge();
    const confusion = this.confusionCounter();
    let lossSum = 0;
    let correct = 0;
    let judged = 0;
    for (let start = 0; start < count; start += rt.capacity) {
      const n = Math.min(rt.capacity, count - start);
      copyRows(rows, d, t, { start }, n, rt.values, featureOff, rt.values, targetOff);
      rt.n = n;
      rt.forward();
      lossSum += rt.computeLoss() * n;
      if (judge) {
        correct += judge(rt, n);
        judged += n * judge.per;
      }
      confusion?.add(rt, n, start);
    }
    return {
      split,
      count,
      loss: this.plan.losses.length > 0 ? lossSum / count : null,
      accuracy: judge && judged > 0 ? correct / judged : null,
      ...(confusion ? { confusion: confusion.result } : {}),
    };
  }

  /** For multiclass pictures only: tallies true against predicted class, batch by batch. */
  private confusionCounter(): { add(rt: Runtime, n: number, start: number): void; result: Confusion } | null {
    const p = this.prediction;
    const table = this.plan.data?.table;
    if (p?.task !== 'multiclass' || !table?.image || p.slot.width !== p.target.width) return null;
    const m = p.slot.width;
    const result: Confusion = { classes: m, counts: new Array(m * m).fill(0), wrong: [] };
    return {
      result,
      add(rt, n, start) {
        const v = rt.values;
        const p0 = rt.offset(p.slot);
        const t0 = rt.offset(p.target);
        for (let b = 0; b < n; b++) {
          const predicted = argmax(v, p0 + b * m, m);
          const truth = argmax(v, t0 + b * m, m);
          result.counts[truth * m + predicted]++;
          if (predicted !== truth && result.wrong.length < MAX_WRONG)
            result.wrong.push({ row: start + b, predicted });
        }
      },
    };
  }

  /** Counts correct answers in a batch, per the task; null when accuracy means nothing. */
  private accuracyJudge(): (((rt: Runtime, n: number) => number) & { per: number }) | null {
    const p = this.prediction;
    if (!p?.task || p.task === 'regression') return null;
    const m = p.slot.width;
    if (m !== p.target.width) return null;
    if (p.task === 'binary') {
      const threshold = p.threshold;
      return Object.assign(
        (rt: Runtime, n: number) => {
          const v = rt.values;
          const p0 = rt.offset(p.slot);
          const t0 = rt.offset(p.target);
          let ok = 0;
          for (let i = 0; i < n * m; i++) if (v[p0 + i] >= threshold === v[t0 + i] >= 0.5) ok++;
          return ok;
        },
        { per: m },
      );
    }
    return Object.assign(
      (rt: Runtime, n: number) => {
        const v = rt.values;
        const p0 = rt.offset(p.slot);
        const t0 = rt.offset(p.target);
        let ok = 0;
        for (let b = 0; b < n; b++) if (argmax(v, p0 + b * m, m) === argmax(v, t0 + b * m, m)) ok++;
        return ok;
      },
      { per: 1 },
    );
  }

  /**
   * The prediction (or any node's output) over a grid spanning the data's inputs: a decision
   * boundary heatmap for 2 features, a curve for 1. Null with no dataset, more than 2 features,
   * or a node that is not computed from the inputs alone (a loss).
   */
  predictGrid(options: GridOptions = {}): GridPrediction | null {
    const data = this.plan.data;
    if (!data) return null;
    const { nFeatures: d, featureNames } = data.table;
    if (d < 1 || d > 2) return null;
    const resolution = Math.max(2, Math.min(512, Math.floor(options.resolution ?? 40)));
    const margin = options.margin ?? 0.1;

    const pred = this.prediction;
    const nodeId = options.nodeId ?? pred?.nodeId;
    if (!nodeId) return null;
    const node = this.plan.nodes.get(nodeId);
    if (!node || node.kind.role === 'loss') return null;
    const port = options.port ?? (options.nodeId ? Object.keys(node.outputs)[0] : pred!.port);
    const slot = port === undefined ? undefined : nodeBuffer(node, port);
    if (!slot || port === undefined) return null;
    const index = Math.max(0, Math.min(slot.width - 1, Math.floor(options.index ?? 0)));
    // Without an explicit node, the prediction is shown as the learner reads it.
    const asPrediction = !options.nodeId && pred !== null;
    const task = asPrediction ? pred.task : null;
    const kind: GridPrediction['kind'] =
      task === 'binary' ? 'probability' : task === 'multiclass' && slot.width > 1 ? 'class' : 'value';

    const axes = [0, 1].slice(0, d).map((j) => axisOf(data.table.train, data.table.test, d, j, margin));
    const x: GridAxis = { name: featureNames[0] ?? 'x', ...axes[0] };
    const y: GridAxis | null = d === 2 ? { name: featureNames[1] ?? 'y', ...axes[1] } : null;
    const total = d === 2 ? resolution * resolution : resolution;
    const values = new Float64Array(total);
    const classes = kind === 'class' ? new Int32Array(total) : null;

    const rt = this.runtime(Math.min(total, this.chunk));
    const featureOff = rt.offset(data.features);
    const out0 = rt.offset(slot);
    const w = slot.width;
    const v = rt.values;
    const at = (axis: { min: number; max: number }, i: number) =>
      axis.min + ((axis.max - axis.min) * i) / (resolution - 1);
    for (let start = 0; start < total; start += rt.capacity) {
      const n = Math.min(rt.capacity, total - start);
      for (let b = 0; b < n; b++) {
        const k = start + b;
        v[featureOff + b * d] = at(axes[0], k % resolution);
        if (d === 2) v[featureOff + b * d + 1] = at(axes[1], Math.floor(k / resolution));
      }
      rt.n = n;
      rt.forward();
      for (let b = 0; b < n; b++) {
        const base = out0 + b * w;
        if (kind === 'class') {
          const c = argmax(v, base, w);
          classes![start + b] = c;
          values[start + b] = pred!.readsLogits ? softmaxAt(v, base, w, c) : v[base + c];
        } else if (kind === 'probability' && pred!.readsLogits) {
          values[start + b] = sigmoid(v[base + index]);
        } else {
          values[start + b] = v[base + index];
        }
      }
    }
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < total; i++) {
      if (values[i] < min) min = values[i];
      if (values[i] > max) max = values[i];
    }
    return {
      nodeId,
      port,
      index: kind === 'class' ? 0 : index,
      dims: d as 1 | 2,
      resolution,
      x,
      y,
      kind,
      values,
      classes,
      min,
      max,
    };
  }
}

/** The range of feature j over both splits, widened by `margin` of its span on each side. */
function axisOf(train: Split, test: Split, d: number, j: number, margin: number) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of [train, test]) {
    for (let i = 0; i < s.count; i++) {
      const x = s.x[i * d + j];
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: -1, max: 1 };
  const span = max - min;
  const pad = span > 0 ? span * margin : 1;
  return { min: min - pad, max: max + pad };
}

/** softmax(z)_c over z[from … from + m). */
function softmaxAt(z: Float64Array, from: number, m: number, c: number): number {
  let max = z[from];
  for (let j = 1; j < m; j++) if (z[from + j] > max) max = z[from + j];
  let sum = 0;
  for (let j = 0; j < m; j++) sum += Math.exp(z[from + j] - max);
  return Math.exp(z[from + c] - max) / sum;
}

/** Mean loss and accuracy of a model's θ on one split (builds its runtimes each call). */
export function evaluate(model: Model, split: SplitName): SplitEvaluation {
  return new Evaluator(model.plan, model.theta).evaluate(split);
}

/** The prediction, or a node's output, over a grid of the inputs (see Evaluator.predictGrid). */
export function predictGrid(model: Model, options: GridOptions = {}): GridPrediction | null {
  return new Evaluator(model.plan, model.theta).predictGrid(options);
}
