/**
 * Runs a plan on flat Float64Array buffers for batches of up to `capacity` examples.
 * θ and its gradient are passed in, so several runtimes (training batch, test set, heatmap grid)
 * share one set of parameters.
 */
import type { Plan, PlanInput, PlanNode, SlotLayout } from '../compiler/plan';
import type { Block, GradientScope, InputSlot, NodeBlock, Op, Slot } from '../kind';
import { type RunMode, type StepClock, StepRandom, streamKey } from './step-random';

export interface RuntimeOptions {
  /** 'train' for a training step, 'eval' (the default) for evaluation and prediction. */
  mode?: RunMode;
}

export class Runtime {
  readonly values: Float64Array;
  /** ∂L/∂value for every buffer, same layout as `values`. */
  readonly grads: Float64Array;
  /** Examples in the current batch. */
  n = 0;
  readonly mode: RunMode;
  /** The step whose random numbers (Dropout's masks) the next forward pass draws. */
  readonly clock: StepClock = { step: 0 };
  /**
   * Which gradients backward fills: set `all` to false to train at full speed, where nobody looks
   * at the gradient of the data (see compiler/on-demand-gradients.ts); `completeGradients` adds it
   * when a step is shown.
   */
  readonly gradients: GradientScope = { all: true };
  /** Some node may skip the gradient of an input (compiler/on-demand-gradients.ts). */
  private readonly skips: boolean;
  /** The last backward skipped gradients, for `completeGradients` to add. */
  private pending = false;
  private readonly forwardOps: Op[];
  private readonly lossOps: Op[];
  private readonly backwardOps: Op[];
  /** Ops that keep buffers (BatchNorm's running statistics), moved on by `updateBuffers`. */
  private readonly bufferOps: Op[];

  /** Offsets of the per-example loss buffers of the losses that train (seeded in backward). */
  private readonly trainedLosses: Int32Array;
  /** Where the penalty terms chained into the trained losses write theirs (see `penalty`). */
  private readonly penalties: Int32Array;

  constructor(
    readonly plan: Plan,
    readonly theta: Float64Array,
    readonly thetaGrad: Float64Array,
    readonly capacity: number,
    options: RuntimeOptions = {},
  ) {
    this.mode = options.mode ?? 'eval';
    this.values = new Float64Array(plan.slotWidth * capacity);
    this.grads = new Float64Array(plan.slotWidth * capacity);
    const built = plan.order.map((node) => ({ node, op: this.build(node) }));
    this.forwardOps = built.filter((b) => b.node.kind.role !== 'loss').map((b) => b.op);
    this.lossOps = built.filter((b) => b.node.kind.role === 'loss').map((b) => b.op);
    this.backwardOps = built.map((b) => b.op).reverse();
    this.bufferOps = built.filter((b) => b.op.update !== undefined).map((b) => b.op);
    this.skips = plan.order.some((node) =>
      Object.values(node.inputs).some((list) => list.some((i) => i.gradientOnDemand)),
    );
    this.trainedLosses = Int32Array.from(plan.losses, (l) => this.offset(l.outputs.loss));
    this.penalties = Int32Array.from(penaltyNodes(plan), (node) => this.offset(node.scratch.penalty));
  }

  /** Where a slot's numbers for example 0 start in `values`/`grads`. */
  offset(slot: SlotLayout): number {
    return slot.base * this.capacity;
  }

  forward(): void {
    const n = this.n;
    // The gradients left out belong to the batch before: new values, and no backward yet.
    this.pending = false;
    for (const op of this.forwardOps) op.forward(n);
  }

  /** Computes every loss node; returns L, the sum over trained losses of their batch means. */
  computeLoss(): number {
    const n = this.n;
    for (const op of this.lossOps) op.forward(n);
    let total = 0;
    for (const off of this.trainedLosses) {
      let s = 0;
      for (let b = 0; b < n; b++) s += this.values[off + b];
      total += s / n;
    }
    return total;
  }

  /** Whether the trained loss has a penalty term (an L1/L2 penalty chained into it). */
  get penalized(): boolean {
    return this.penalties.length > 0;
  }

  /**
   * The penalty terms in the last training forward pass's L (the loss chart draws them as a line
   * of their own); NaN without any.
   */
  penalty(): number {
    if (this.penalties.length === 0) return Number.NaN;
    let total = 0;
    for (let i = 0; i < this.penalties.length; i++) total += this.values[this.penalties[i]];
    return total;
  }

  /** Fills ∂L/∂(everything) and ∂L/∂θ for the current batch. */
  backward(): void {
    const n = this.n;
    this.grads.fill(0);
    this.thetaGrad.fill(0);
    // L is the mean of the per-example losses: ∂L/∂ℓ_b = 1/n.
    for (const off of this.trainedLosses) for (let b = 0; b < n; b++) this.grads[off + b] = 1 / n;
    for (const op of this.backwardOps) op.backward(n);
    this.pending = this.skips && !this.gradients.all;
  }

  /** Whether the last backward skipped gradients (the data's), for `completeGradients` to add. */
  get gradientsPending(): boolean {
    return this.pending;
  }

  /**
   * Adds the gradients the last backward skipped by running it again with every gradient: the
   * same numbers, summed in the same order, as if it had computed them all. θ must be as that
   * backward saw it (before any update since); ∂L/∂θ comes out as it was.
   */
  completeGradients(): void {
    if (!this.pending) return;
    const scope = this.gradients;
    const all = scope.all;
    scope.all = true;
    try {
      this.backward();
    } finally {
      scope.all = all;
    }
  }

  /** Zeroes the values and gradients of every buffer (a trainer put back to a checkpoint). */
  clear(): void {
    this.values.fill(0);
    this.grads.fill(0);
    this.pending = false;
  }

  /** After a training step's update: buffers take in the last forward pass (see Op.update). */
  updateBuffers(): void {
    for (const op of this.bufferOps) op.update!();
  }

  private parameterBlocks: readonly NodeBlock[] | undefined;

  private build(node: PlanNode): Op {
    this.parameterBlocks ??= this.plan.blocks.map((b) => ({
      nodeId: b.nodeId,
      name: b.name,
      edgeId: b.edgeId,
      offset: b.offset,
      size: b.size,
    }));
    const slot = (s: SlotLayout): Slot => ({ offset: this.offset(s), width: s.width });
    const mapSlots = (r: Record<string, SlotLayout>) =>
      Object.fromEntries(Object.entries(r).map(([k, s]) => [k, slot(s)]));
    const inputs: Record<string, InputSlot[]> = {};
    for (const [port, list] of Object.entries(node.inputs)) {
      inputs[port] = list.map((i) => ({
        ...slot(i.slot),
        edgeId: i.edgeId,
        sourceNode: i.sourceNode,
        sourceKind: i.sourceKind,
        weight: i.block ? { offset: i.block.offset, size: i.block.size } : undefined,
        sourceInput: i.sourceInput ? slot(i.sourceInput) : undefined,
        gradientOnDemand: i.gradientOnDemand,
      }));
    }
    const blocks: Record<string, Block> = {};
    for (const [name, b] of Object.entries(node.blocks)) blocks[name] = { offset: b.offset, size: b.size };
    return node.kind.build!({
      params: node.params,
      capacity: this.capacity,
      values: this.values,
      grads: this.grads,
      theta: this.theta,
      thetaGrad: this.thetaGrad,
      inputs,
      outputs: mapSlots(node.outputs),
      scratch: mapSlots(node.scratch),
      blocks,
      mode: this.mode,
      random: new StepRandom(streamKey(this.plan.orderSeed, node.id), this.clock),
      gradients: this.gradients,
      parameterBlocks: this.parameterBlocks,
      fusedIntoConsumer: node.fusedIntoConsumer,
    });
  }
}

/** The nodes with a penalty term (kind.penaltyTerm) chained into the trained losses, as penaltyAt walks them. */
function penaltyNodes(plan: Plan): PlanNode[] {
  const found: PlanNode[] = [];
  for (const loss of plan.losses) {
    let node: PlanNode | undefined = loss;
    while (node?.kind.penaltyTerm && node.scratch.penalty) {
      found.push(node);
      const from: PlanInput | undefined = node.inputs.loss?.[0];
      node = from ? plan.nodes.get(from.sourceNode) : undefined;
    }
  }
  return found;
}
