/**
 * What a node kind declares, in one place: its ports, its parameters, its sizes and trainable
 * parameter blocks, and its forward and backward passes side by side.
 * The palette, inspector, compiler, JSON format and exporters all read these declarations.
 */

import type { DataTable } from './datasets/table';
import type { PyEmitter, TorchOptimizerEmitter } from './export/emit';
import type { EdgeId, NodeId } from './graph';
import type { Init } from './init';
import type { Lazy } from './lazy';
import type { ParamSpecs, ParamValues } from './params';
import type { PortLayout, PortType } from './ports';
import type { RunMode, StepRandom } from './runtime/step-random';
import type { ValueNeed, ValueRange } from './value-range';

export type Family = 'data' | 'neurons' | 'activations' | 'losses' | 'optimizers' | 'math';

export const FAMILY_LABELS: Record<Family, string> = {
  data: 'Data',
  neurons: 'Neurons & layers',
  activations: 'Activations',
  losses: 'Losses',
  optimizers: 'Optimizers',
  math: 'Math',
};

/** An incoming edge as the compiler resolved it. */
export interface ResolvedInput {
  edgeId: EdgeId;
  sourceNode: NodeId;
  sourceKind: string;
  sourcePort: string;
  type: PortType;
  width: number;
  /** The edge's explicit initial weight, if the document gives one. */
  weight?: number | readonly number[];
}

export interface ShapeContext<P> {
  params: P;
  /** Per input port, its edges in document order (empty when unconnected). */
  inputs: Record<string, ResolvedInput[]>;
}

/** A block of trainable numbers owned by a node, or by one of its incoming edges (a neuron's weights). */
export interface ParamBlockRequest {
  name: string;
  size: number;
  init: Init;
  /** The incoming edge that owns this block: drawn on that edge, labelled by it. */
  edge?: EdgeId;
  /**
   * Not trained: a statistic the node keeps up to date itself in `Op.update` (BatchNorm's running
   * mean and variance). It lives in θ, so checkpoints, recompiles and exports carry it, but after
   * every trained block (see Plan.trainableCount): the optimizer never steps it, weight decay and
   * penalties never touch it, and it has no gradient.
   */
  buffer?: boolean;
}

export interface Shape {
  /** Width of every output port. */
  outputs: Record<string, number>;
  params?: ParamBlockRequest[];
  /** Internal per-example buffers (e.g. a pre-activation z), shown by the UI as node internals. */
  scratch?: Record<string, number>;
}

/** Thrown by `shape` when the inputs do not fit; the message is shown to the learner. */
export class ShapeError extends Error {}

/** A per-example buffer: example b's numbers are at values[offset + b*width ... + width). */
export interface Slot {
  offset: number;
  width: number;
}

/** A range of the flat parameter vector θ (and of its gradient). */
export interface Block {
  offset: number;
  size: number;
}

/** Any node's parameter block, for kinds that act on other nodes' parameters (an L1/L2 penalty). */
export interface NodeBlock extends Block {
  nodeId: NodeId;
  name: string;
  /** The incoming edge that owns it (a neuron's weight). */
  edgeId?: EdgeId;
}

/** A weight, as a penalty sees it: a neuron's edge weights or a dense layer's W (not biases or slopes). */
export const isWeightBlock = (b: { name: string; edgeId?: string }): boolean =>
  b.edgeId !== undefined || b.name === 'W';

export interface InputSlot extends Slot {
  edgeId: EdgeId;
  sourceNode: NodeId;
  sourceKind: string;
  /** The weight block owned by this edge, if the node asked for one. */
  weight?: Block;
  /**
   * The source's own input, when the compiler fused this edge with its source (see `fuses` and
   * compiler/fusion.ts): the consumer then writes the gradient of this slot itself, and the
   * source's backward adds nothing.
   */
  sourceInput?: Slot;
  /**
   * Training never needs this input's gradient (it comes from the data): backward may skip it
   * while `gradients.all` is false (only kinds that declare `inputGradientsOnDemand` get this).
   */
  gradientOnDemand?: boolean;
}

/** Which gradients a runtime's backward fills; one object shared by all its nodes. */
export interface GradientScope {
  /**
   * true (the default): every ∂L/∂value, as the canvas shows a step. false: those training needs
   * (∂L/∂θ and every gradient on the way to it); inputs marked `gradientOnDemand` may be skipped.
   */
  all: boolean;
}

export interface BuildContext<P> {
  params: P;
  /** Largest batch this runtime will run. */
  capacity: number;
  values: Float64Array;
  /** ∂L/∂value, same layout as `values`. Backward passes accumulate (+=) into inputs' grads. */
  grads: Float64Array;
  theta: Float64Array;
  thetaGrad: Float64Array;
  inputs: Record<string, InputSlot[]>;
  outputs: Record<string, Slot>;
  scratch: Record<string, Slot>;
  /** The node's own parameter blocks by name. */
  blocks: Record<string, Block>;
  /**
   * 'train' in a training step (and when a past step is shown again); 'eval' on the test set, the
   * decision boundary, lesson checks and predictions: Dropout drops units only in 'train'.
   */
  mode: RunMode;
  /** This node's seeded random numbers for the step being run (runtime/step-random.ts). */
  random: StepRandom;
  /** Whether backward must fill every gradient or only those training needs (read it in backward). */
  gradients: GradientScope;
  /** Every parameter block of the graph, in θ order. */
  parameterBlocks: readonly NodeBlock[];
  /**
   * Set when the node's only consumer was fused with it (see `fuses`): that consumer computes the
   * gradient of this node's input itself, so backward must add nothing to its inputs' gradients.
   * Forward is unchanged (the canvas shows its values, and the consumer may read them).
   */
  fusedIntoConsumer?: boolean;
}

/**
 * A consumer that computes "source, then itself" in one stable step when fed straight by a node of
 * kind `source` at its input `port` (a categorical cross-entropy reading a softmax: the loss from
 * the logits by log-sum-exp, ∂L/∂z = p − y). Fused only when that edge is the source's one
 * consumer and the source has a single input; otherwise both run as usual.
 */
export interface Fusion<P> {
  port: string;
  source: string;
  /** Whether these parameters make the node fuse (e.g. only when it reads probabilities). */
  when?(p: P): boolean;
}

/**
 * A compiled node: closures over fixed offsets. `n` is the number of examples in the current batch.
 * Neither may allocate: they run in the training hot loop.
 */
export interface Op {
  forward(n: number): void;
  backward(n: number): void;
  /**
   * After the optimizer's update of a training step: a node with `buffer` blocks moves them on from
   * the step's forward pass (BatchNorm's running statistics take in the batch's). Not run by
   * evaluation or by finite differences, which run forward many times for one step.
   */
  update?(): void;
}

/** One optimizer's update rule over the flat parameter vector. Allocation-free. */
export interface OptimizerRule<P> {
  /** Names of per-parameter state vectors, e.g. ["m", "v"] for Adam. */
  state: readonly string[];
  /**
   * Updates θ in place from its gradient; `t` counts steps from 1. Writes each parameter's change
   * into `delta`.
   */
  step(
    p: P,
    theta: Float64Array,
    grad: Float64Array,
    state: Float64Array[],
    t: number,
    delta: Float64Array,
  ): void;
}

/**
 * Numbers of a node that can die as a ReLU does, for the training watch: their gradient is 0
 * wherever they are ≤ 0, so once they stay there for every example nothing upstream learns.
 */
export interface DeadUnitSite {
  /** Where the numbers are: a scratch buffer (a neuron's z) or the values arriving at an input port. */
  from: { scratch: string } | { input: string };
  /** How the warning names them: one neuron, the units of a layer, or the elements of an input. */
  as: 'neuron' | 'units' | 'inputs';
}

/**
 * op: an ordinary node in the forward/backward passes; data: an op that also supplies a dataset;
 * loss: an op whose output is a per-example loss; optimizer: configuration only, no op.
 */
export type Role = 'op' | 'data' | 'loss' | 'optimizer';

export interface NodeKind<S extends ParamSpecs = ParamSpecs> {
  id: string;
  family: Family;
  role: Role;
  label: string;
  /** One or two sentences for the palette and inspector. */
  description: string;
  /** KaTeX source of the kind's formula. */
  formula?: string;
  /** A short glyph drawn on the node. */
  icon: string;
  /** Every incoming edge owns a trainable weight (a neuron): the canvas draws and edits it on the edge. */
  edgeWeights?: boolean;
  params: S;
  ports(p: ParamValues<S>): PortLayout;
  /**
   * Libraries loaded on first use that validate/shape/build/data call synchronously (mathjs for a
   * formula, papaparse for a CSV): a graph holding this kind is compiled once they are loaded. A
   * function picks them from the node's parameters as written (defaults not filled in): the digits
   * only for a dataset node that chose them.
   */
  requires?: readonly Lazy<unknown>[] | ((p: Readonly<Record<string, unknown>>) => readonly Lazy<unknown>[]);
  /** Extra validation beyond each parameter's own range (e.g. a formula that must parse). */
  validate?(p: ParamValues<S>): string[];
  /** The numbers an output port can take (absent or undefined: not known, so not checked). */
  outputRange?(p: ParamValues<S>, port: string): ValueRange | undefined;
  /**
   * Parameters that follow another when a person changes it (a dataset's noise when another set is
   * chosen: each set's noise means something of its own, and 0 collapses some onto points).
   */
  follow?(key: string, value: unknown): Record<string, unknown> | null;
  /** What input ports need of the numbers they read (a loss's prediction): the compiler warns otherwise. */
  needs?(p: ParamValues<S>): Readonly<Record<string, ValueNeed>>;
  shape?(ctx: ShapeContext<ParamValues<S>>): Shape;
  build?(ctx: BuildContext<ParamValues<S>>): Op;
  /**
   * Its backward can skip the gradient of inputs that come straight from the data (training never
   * needs it): the compiler marks them `gradientOnDemand` (compiler/on-demand-gradients.ts).
   */
  inputGradientsOnDemand?: boolean;
  /** Fuses this node with its source at one input (see Fusion). */
  fuses?: Fusion<ParamValues<S>>;
  /** Data kinds: the table they supply. */
  data?(p: ParamValues<S>): DataTable;
  /** Optimizer kinds: the update rule. */
  optimizer?: OptimizerRule<ParamValues<S>>;
  /** Optimizer kinds: a learning rate that trains "Build MLP"'s small networks in a few hundred steps. */
  suggestedLearningRate?: number;
  /** Export: the forward pass as PyTorch code (data, op and loss kinds); see export/emit.ts. */
  torch?: PyEmitter<ParamValues<S>>;
  /** Export: the forward pass as NumPy code, for inference (data and op kinds). */
  numpy?: PyEmitter<ParamValues<S>>;
  /** Export, optimizer kinds: the torch.optim constructor with the same hyper-parameters. */
  torchOptimizer?: TorchOptimizerEmitter<ParamValues<S>>;
  /**
   * Loss kinds that add a term on the parameters to the loss wired into them (the L1/L2 penalty):
   * that term at θ, for the loss chart's own penalty line. `inputs` are the node's input edges by
   * port, `blocks` every parameter block of the graph. In a training step the kind also writes the
   * term its forward pass added into its scratch buffer `penalty` (Runtime.penalty reads it).
   */
  penaltyTerm?(
    p: ParamValues<S>,
    inputs: Readonly<Record<string, readonly { sourceNode: NodeId }[]>>,
    blocks: readonly { nodeId: NodeId; name: string; edgeId?: EdgeId; offset: number; size: number }[],
    theta: Float64Array,
  ): number;
  /** The numbers the training watch checks for dead ReLUs with these parameters, if any. */
  deadUnits?(p: ParamValues<S>): DeadUnitSite | undefined;
}

/** A kind with its parameter types erased, as the registry stores it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every parameter shape.
export type AnyKind = NodeKind<any>;

export function defineKind<S extends ParamSpecs>(kind: NodeKind<S>): AnyKind {
  return kind as AnyKind;
}
