/**
 * Checking and explaining gradients for the learner: a finite difference that confirms one
 * backprop number, and the chain-rule factors behind a neuron weight's gradient, with the numbers.
 * Neither disturbs the trainer: the buffers it reads are saved and put back bit for bit.
 */
import type { BlockLayout, Plan, PlanNode } from '../compiler/plan';
import type { EdgeId, NodeId } from '../graph';
import { ELEMENTWISE, type ElementwiseId } from '../kinds/activation-functions';
import type { Runtime } from '../runtime/runtime';
import type { Phase } from '../runtime/trainer';
import { formatNumber, texNumber } from './prediction';

export interface GradientVerification {
  index: number;
  /** The parameter's label, with its position in a block, e.g. "layer 1.W[3]". */
  label: string;
  /** Backprop's ∂L/∂θ_i at the current θ on the current batch. */
  analytic: number;
  /** (L(θ_i + ε) − L(θ_i − ε)) / 2ε on the same batch. */
  numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|); 0 when both are 0. */
  relativeError: number;
  eps: number;
  /** L at the current θ on the current batch. */
  loss: number;
}

/** One example's share of a gradient: the factors of the chain rule and their product. */
export interface GradientTerm {
  example: number;
  /** ∂L/∂y for this example (the batch mean's 1/n included). */
  dLdy: number;
  /** f′(z): the activation's slope at this example's z. */
  fprime: number;
  /** ∂z/∂w: the input arriving along the edge (1 for a bias). */
  x: number;
  /** dLdy · fprime · x. */
  product: number;
}

export interface WeightExplanation {
  type: 'neuron-weight' | 'neuron-bias';
  nodeId: NodeId;
  edgeId?: EdgeId;
  label: string;
  /** Offset of the weight in θ. */
  index: number;
  activation: ElementwiseId;
  /** Examples in the batch. */
  n: number;
  /** The example the factors are shown for. */
  example: number;
  factors: { dLdy: number; fprime: number; z: number; y: number; x: number };
  /** The chosen example's contribution: the product of its factors. */
  product: number;
  /** Every example's contribution; they add up to `gradient`. */
  terms: GradientTerm[];
  sum: number;
  /** Backprop's ∂L/∂w as the trainer holds it. */
  gradient: number;
  weight: number;
  tex: string;
  text: string;
}

export interface SignalExplanation {
  type: 'signal';
  edgeId: EdgeId;
  source: NodeId;
  target: NodeId;
  n: number;
  example: number;
  /** ∂L/∂x of the numbers on the edge for the chosen example, and summed over the batch. */
  gradient: number[];
  batchSum: number[];
  tex: string;
  text: string;
}

export interface ParameterExplanation {
  type: 'parameter';
  nodeId: NodeId;
  edgeId?: EdgeId;
  label: string;
  index: number;
  gradient: number;
  weight: number;
  tex: string;
  text: string;
}

export type GradientExplanation = WeightExplanation | SignalExplanation | ParameterExplanation;

export interface ExplainOptions {
  /** Example of the batch to show the factors for; default 0. */
  example?: number;
  /** For an edge carrying a vector: which of its numbers; default 0. */
  element?: number;
}

/**
 * What the checks read: a Trainer, or any θ with a runtime whose buffers belong to it (the
 * session's view of an earlier step).
 */
export interface GradientSubject {
  readonly plan: Plan;
  readonly theta: Float64Array;
  readonly thetaGrad: Float64Array;
  readonly runtime: Runtime;
  /** The phase that runs next: tells whether the gradients belong to the values. */
  readonly nextPhase: Phase;
  /** Completed steps. */
  readonly step: number;
  loss: number;
}

interface Saved {
  values: Float64Array;
  grads: Float64Array;
  thetaGrad: Float64Array;
  n: number;
  loss: number;
}

function save(t: GradientSubject): Saved {
  const rt = t.runtime;
  return {
    values: rt.values.slice(),
    grads: rt.grads.slice(),
    thetaGrad: t.thetaGrad.slice(),
    n: rt.n,
    loss: t.loss,
  };
}

function restore(t: GradientSubject, s: Saved): void {
  const rt = t.runtime;
  rt.values.set(s.values);
  rt.grads.set(s.grads);
  t.thetaGrad.set(s.thetaGrad);
  rt.n = s.n;
  t.loss = s.loss;
}

function requireBatch(t: GradientSubject): void {
  if (t.plan.data && t.runtime.n === 0) {
    throw new Error('No batch has been loaded yet: take a step, or run the forward phase, first.');
  }
}

/** The label of θ_i: its block's label, with the position inside a block of several. */
export function parameterLabel(blocks: readonly BlockLayout[], index: number): string {
  const block = blockAt(blocks, index);
  if (!block) return `θ[${index}]`;
  return block.size === 1 ? block.label : `${block.label}[${index - block.offset}]`;
}

export function blockAt(blocks: readonly BlockLayout[], index: number): BlockLayout | undefined {
  return blocks.find((b) => index >= b.offset && index < b.offset + b.size);
}

/**
 * ∂L/∂θ_index by backprop and by a central difference with step `eps`, both at the current θ on
 * the current batch. The trainer's θ and buffers are left exactly as they were.
 */
export function verifyGradient(trainer: GradientSubject, index: number, eps = 1e-6): GradientVerification {
  const { theta } = trainer;
  if (!Number.isInteger(index) || index < 0 || index >= theta.length) {
    throw new RangeError(`θ has ${theta.length} numbers; there is no number ${index}.`);
  }
  requireBatch(trainer);
  const rt = trainer.runtime;
  const saved = save(trainer);
  const original = theta[index];
  try {
    rt.forward();
    const loss = rt.computeLoss();
    rt.backward();
    const analytic = trainer.thetaGrad[index];
    theta[index] = original + eps;
    rt.forward();
    const up = rt.computeLoss();
    theta[index] = original - eps;
    rt.forward();
    const down = rt.computeLoss();
    const numeric = (up - down) / (2 * eps);
    const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
    return {
      index,
      label: parameterLabel(trainer.plan.blocks, index),
      analytic,
      numeric,
      relativeError: scale === 0 ? 0 : Math.abs(analytic - numeric) / scale,
      eps,
      loss,
    };
  } finally {
    theta[index] = original;
    restore(trainer, saved);
  }
}

/**
 * Runs `read` on buffers where the gradients belong to the values: as they are once backward has
 * run on the current batch, else after a backward pass on saved copies that are then put back.
 */
function withConsistentBuffers<T>(trainer: GradientSubject, read: () => T): T {
  const next = trainer.nextPhase;
  const fresh = next === 'update' || (next === 'forward' && trainer.step > 0);
  if (fresh) return read();
  requireBatch(trainer);
  const rt = trainer.runtime;
  const saved = save(trainer);
  try {
    if (next === 'forward') rt.forward();
    if (next === 'forward' || next === 'loss') trainer.loss = rt.computeLoss();
    rt.backward();
    return read();
  } finally {
    restore(trainer, saved);
  }
}

const clampIndex = (i: number | undefined, n: number) => Math.max(0, Math.min(n - 1, Math.floor(i ?? 0)));

/**
 * The chain rule behind an edge's gradient. For an edge into a neuron (it owns a weight w):
 * ∂L/∂w = Σ_b ∂L/∂y_b · f′(z_b) · x_b, with every factor's number for the chosen example. For any
 * other edge: the gradient ∂L/∂x it carries back to its source.
 */
export function explainEdgeGradient(
  trainer: GradientSubject,
  edgeId: EdgeId,
  options: ExplainOptions = {},
): GradientExplanation {
  const edge = trainer.plan.edges.get(edgeId);
  if (!edge) throw new Error(`There is no connection ${edgeId} in the compiled graph.`);
  const target = trainer.plan.nodes.get(edge.target);
  if (edge.block && target?.kind.id === 'neuron') {
    const element = clampIndex(options.element, edge.block.size);
    return withConsistentBuffers(trainer, () =>
      explainNeuron(trainer, target, edge.block!.offset + element, edgeId, options.example),
    );
  }
  return withConsistentBuffers(trainer, () => {
    const rt = trainer.runtime;
    const n = rt.n;
    const w = edge.slot.width;
    const off = rt.offset(edge.slot);
    const example = clampIndex(options.example, Math.max(1, n));
    const gradient: number[] = [];
    const batchSum: number[] = [];
    for (let j = 0; j < w; j++) {
      gradient.push(n > 0 ? rt.grads[off + example * w + j] : 0);
      let s = 0;
      for (let b = 0; b < n; b++) s += rt.grads[off + b * w + j];
      batchSum.push(s);
    }
    const source = trainer.plan.nodes.get(edge.source);
    const targetName = target?.label ?? edge.target;
    const sourceName = source?.label ?? edge.source;
    const shown = gradient.length === 1 ? texNumber(gradient[0]) : `(${gradient.map(texNumber).join(', ')})`;
    return {
      type: 'signal',
      edgeId,
      source: edge.source,
      target: edge.target,
      n,
      example,
      gradient,
      batchSum,
      tex: `\\frac{\\partial L}{\\partial x_{${example + 1}}} = ${shown}`,
      text:
        `This connection carries no weight of its own. Forward, it brings the numbers of “${sourceName}” to “${targetName}”; ` +
        `backward, it carries their gradient ∂L/∂x back, ${gradient.map((g) => formatNumber(g)).join(', ')} for example ${example + 1} of the batch. ` +
        `Every node that uses “${sourceName}” adds its share to that gradient.`,
    };
  });
}

/** ∂L/∂θ_index explained: a neuron's weight or bias through the chain rule, other blocks simply. */
export function explainParameter(
  trainer: GradientSubject,
  index: number,
  options: ExplainOptions = {},
): GradientExplanation {
  const block = blockAt(trainer.plan.blocks, index);
  if (!block) throw new RangeError(`θ has ${trainer.theta.length} numbers; there is no number ${index}.`);
  const node = trainer.plan.nodes.get(block.nodeId)!;
  if (node.kind.id === 'neuron') {
    return withConsistentBuffers(trainer, () =>
      explainNeuron(trainer, node, index, block.edgeId, options.example),
    );
  }
  return withConsistentBuffers(trainer, () => {
    const label = parameterLabel(trainer.plan.blocks, index);
    const gradient = trainer.thetaGrad[index];
    const tex = `\\frac{\\partial L}{\\partial \\theta} = ${texNumber(gradient)}`;
    return {
      type: 'parameter',
      nodeId: block.nodeId,
      edgeId: block.edgeId,
      label,
      index,
      gradient,
      weight: trainer.theta[index],
      tex,
      text:
        `${label} of “${node.label}” (now ${formatNumber(trainer.theta[index])}) has the gradient ${formatNumber(gradient)}: ` +
        `raising it a little would change the loss by about ${formatNumber(gradient)} times as much. ` +
        'The optimizer moves it against that sign.',
    };
  });
}

function explainNeuron(
  trainer: GradientSubject,
  node: PlanNode,
  index: number,
  edgeId: EdgeId | undefined,
  exampleOption: number | undefined,
): WeightExplanation {
  const rt = trainer.runtime;
  const n = rt.n;
  const v = rt.values;
  const g = rt.grads;
  const activation = node.params.activation as ElementwiseId;
  const alpha = typeof node.params.alpha === 'number' ? node.params.alpha : 0;
  const df = ELEMENTWISE[activation].df;
  const z0 = rt.offset(node.scratch.z);
  const y0 = rt.offset(node.outputs.out);
  const input = edgeId ? node.inputs.in.find((i) => i.edgeId === edgeId) : undefined;
  const element = input?.block ? index - input.block.offset : 0;
  const w = input?.slot.width ?? 1;
  const x0 = input ? rt.offset(input.slot) : -1;
  const terms: GradientTerm[] = [];
  let sum = 0;
  for (let b = 0; b < n; b++) {
    const dLdy = g[y0 + b];
    const fprime = df(v[z0 + b], v[y0 + b], alpha);
    const x = input ? v[x0 + b * w + element] : 1;
    // Multiplied in the order backprop multiplies: (∂L/∂y · f′) · x, so the sum matches bit for bit.
    const product = dLdy * fprime * x;
    terms.push({ example: b, dLdy, fprime, x, product });
    sum += product;
  }
  const example = clampIndex(exampleOption, Math.max(1, n));
  const t = terms[example] ?? { example: 0, dLdy: 0, fprime: 0, x: 0, product: 0 };
  const label = parameterLabel(trainer.plan.blocks, index);
  const gradient = trainer.thetaGrad[index];
  const isWeight = input !== undefined;
  const wrt = isWeight ? 'w' : 'b';
  const sourceName = input ? (trainer.plan.nodes.get(input.sourceNode)?.label ?? input.sourceNode) : '';
  const factorsTex =
    `\\underbrace{${texNumber(t.dLdy)}}_{\\partial L/\\partial y}` +
    ` \\cdot \\underbrace{${texNumber(t.fprime)}}_{f'(z)}` +
    (isWeight
      ? ` \\cdot \\underbrace{${texNumber(t.x)}}_{x}`
      : ' \\cdot \\underbrace{1}_{\\partial z/\\partial b}');
  const chain = `\\frac{\\partial L}{\\partial ${wrt}} = \\frac{\\partial L}{\\partial y} \\cdot \\frac{\\partial y}{\\partial z} \\cdot \\frac{\\partial z}{\\partial ${wrt}}`;
  const tex =
    n <= 1
      ? `${chain} = ${factorsTex} = ${texNumber(gradient)}`
      : `\\begin{aligned} \\frac{\\partial L}{\\partial ${wrt}} &= \\sum_{b=1}^{${n}} \\frac{\\partial L}{\\partial y_b}\\, f'(z_b)${isWeight ? '\\, x_b' : ''} = ${texNumber(gradient)} \\\\ ` +
        `\\text{example } ${example + 1}: &\\quad ${factorsTex} = ${texNumber(t.product)} \\end{aligned}`;
  const xPart = isWeight
    ? ` times ∂z/∂w = x = ${formatNumber(t.x)} (the input arriving from “${sourceName}”)`
    : ' times ∂z/∂b = 1';
  const text =
    `${isWeight ? 'The weight' : 'The bias'} ${label} of “${node.label}”: ∂L/∂${wrt} = ∂L/∂y · f′(z) · ∂z/∂${wrt}. ` +
    `For example ${example + 1}: ∂L/∂y = ${formatNumber(t.dLdy)} (how the loss reacts to the neuron's output), ` +
    `times f′(z) = ${formatNumber(t.fprime)} (the slope of ${ELEMENTWISE[activation].label} at z = ${formatNumber(v[z0 + example] ?? 0)}),` +
    `${xPart}, gives ${formatNumber(t.product)}.` +
    (n > 1
      ? ` Adding up the ${n} examples of the batch (∂L/∂y already holds the 1/${n} of the batch mean) gives ${formatNumber(gradient)}.`
      : '');
  return {
    type: isWeight ? 'neuron-weight' : 'neuron-bias',
    nodeId: node.id,
    edgeId,
    label,
    index,
    activation,
    n,
    example,
    factors: {
      dLdy: t.dLdy,
      fprime: t.fprime,
      z: n > 0 ? v[z0 + example] : 0,
      y: n > 0 ? v[y0 + example] : 0,
      x: t.x,
    },
    product: t.product,
    terms,
    sum,
    gradient,
    weight: trainer.theta[index],
    tex,
    text,
  };
}
