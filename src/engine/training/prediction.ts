/**
 * What the training helpers share: which node's output is "the prediction", how a classifier's
 * answer is read from it, and a way to run a plan on arbitrary examples with a trainer's θ.
 */
import type { Plan, PlanNode, SlotLayout } from '../compiler/plan';
import type { Task } from '../datasets/table';
import type { NodeId } from '../graph';

/** A plan and the θ it runs with: a Trainer is one, and so is a θ taken from the history. */
export interface Model {
  readonly plan: Plan;
  readonly theta: Float64Array;
}

export interface PredictionSource {
  /** The (first trained) loss node reading the prediction. */
  lossNode: NodeId;
  lossKind: string;
  /** The node and output port feeding the loss's 'prediction' input. */
  nodeId: NodeId;
  port: string;
  slot: SlotLayout;
  /** The loss's target input, the Dataset's target buffer. */
  target: SlotLayout;
  /** The loss reads raw scores (bce/cce with input 'logits'), not probabilities. */
  readsLogits: boolean;
  task: Task | null;
  /** Binary tasks: a prediction at or above this counts as class 1. */
  threshold: number;
}

/** The prediction the first trained loss reads, or null (no loss with a prediction input). */
export function findPrediction(plan: Plan): PredictionSource | null {
  // A trained loss that adds to another (an L1/L2 penalty) predicts what the loss wired into it does.
  const underlying = (l: PlanNode): PlanNode => {
    const from = l.inputs.loss?.[0];
    const source = from && plan.nodes.get(from.sourceNode);
    return source ? underlying(source) : l;
  };
  const loss: PlanNode | undefined = plan.losses
    .map(underlying)
    .find((l) => (l.inputs.prediction?.length ?? 0) > 0);
  if (!loss) return null;
  const input = loss.inputs.prediction[0];
  const target = loss.inputs.target?.[0];
  if (!target) return null;
  const kind = loss.kind.id;
  const readsLogits = (kind === 'loss.bce' || kind === 'loss.cce') && loss.params.input === 'logits';
  return {
    lossNode: loss.id,
    lossKind: kind,
    nodeId: input.sourceNode,
    port: input.sourcePort,
    slot: input.slot,
    target: target.slot,
    readsLogits,
    task: plan.data?.table.task ?? null,
    threshold: readsLogits ? 0 : 0.5,
  };
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Index of the largest of a[from], …, a[from + m − 1] (the first one on ties). */
export function argmax(a: Float64Array, from: number, m: number): number {
  let best = 0;
  let max = a[from];
  for (let j = 1; j < m; j++) {
    if (a[from + j] > max) {
      max = a[from + j];
      best = j;
    }
  }
  return best;
}

/** A buffer of a node by name: an output port first, else a scratch buffer (e.g. a neuron's z). */
export function nodeBuffer(node: PlanNode, name: string): SlotLayout | undefined {
  return node.outputs[name] ?? node.scratch[name];
}

/** Numbers for learner-facing sentences: the one number formatter (see engine/text/number). */
export { formatNumber } from '../text/number';

/** The same number as KaTeX: exponents as × 10^{k}. */
export function texNumber(x: number): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(4)));
  const [mant, exp] = x.toExponential(3).split('e');
  return `${Number(mant)} \\times 10^{${Number(exp)}}`;
}
