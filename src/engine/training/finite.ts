/**
 * Finds the first number that stopped being finite (NaN, ±Infinity) and says where, in words.
 *
 * Cheap checks run every step — the loss after the loss phase, ∂L/∂θ after backward, θ after the
 * update — and only when one fails are the whole value and gradient buffers scanned, in execution
 * order, to find the node where the trouble started.
 */
import type { BlockLayout, Plan, PlanNode, SlotLayout } from '../compiler/plan';
import type { EdgeId, NodeId } from '../graph';
import type { Runtime } from '../runtime/runtime';
import type { Phase, Trainer } from '../runtime/trainer';
import { formatNumber } from './prediction';

export type NonFiniteWhat = 'value' | 'gradient' | 'parameter' | 'loss';

export interface NonFiniteReport {
  /** The phase in which the first non-finite number appeared. */
  phase: Phase;
  /** The step it happened in, counting from 1 (the step being taken). */
  step: number;
  nodeId?: NodeId;
  edgeId?: EdgeId;
  /** The parameter block concerned (gradient or parameter), by label. */
  block?: string;
  what: NonFiniteWhat;
  /** The offending number: NaN, Infinity or −Infinity. */
  value: number;
  /** Example of the batch where it appeared (values and gradients). */
  example?: number;
  message: string;
}

/** Index of the first non-finite number in a[from … to), or −1. */
export function firstNonFinite(a: Float64Array, from = 0, to = a.length): number {
  for (let i = from; i < to; i++) {
    const v = a[i];
    // v − v is 0 for every finite v and NaN for NaN and ±Infinity.
    if (v - v !== 0) return i;
  }
  return -1;
}

/**
 * The cheap check after a phase of `trainer`: null when all is well, else a located report.
 * Forward is checked with the loss: every value the step computed, not only the loss, since the
 * canvas shows them all (an input of −∞ that a ReLU turns into 0 would still be shown as −∞ at the
 * "last finite" step). Likewise backward checks every gradient, not only ∂L/∂θ: the gradient
 * flowing into a dataset can overflow while every parameter's stays finite.
 */
export function checkPhase(trainer: Trainer, phase: Phase): NonFiniteReport | null {
  const rt = trainer.runtime;
  switch (phase) {
    case 'forward':
      return null;
    case 'loss':
      if (!Number.isFinite(trainer.loss)) return locateNonFinite(trainer, phase) ?? lossSumReport(trainer);
      // The arena also holds rows past this batch (left from a longer one): locating looks at this batch only.
      return firstNonFinite(rt.values) < 0 ? null : locateNonFinite(trainer, phase);
    case 'backward':
      return firstNonFinite(trainer.thetaGrad) < 0 && firstNonFinite(rt.grads) < 0
        ? null
        : locateNonFinite(trainer, phase);
    case 'update':
      return firstNonFinite(trainer.theta) < 0 ? null : locateNonFinite(trainer, phase);
  }
}

/** Every example's loss is finite but their mean is not: the sum overflowed. */
function lossSumReport(trainer: Trainer): NonFiniteReport {
  const step = trainer.step + 1;
  const v = trainer.loss;
  const loss = trainer.plan.losses[0];
  return {
    phase: 'loss',
    step,
    nodeId: loss?.id,
    what: 'loss',
    value: v,
    message: `At step ${step} the loss became ${describeValue(v)} when the examples’ losses were averaged: ${cause(v)}.`,
  };
}

/**
 * Scans everything the step computed so far — values in forward order, then gradients in backward
 * order, then θ — and reports the first non-finite number found. `detectedIn` is the phase that
 * ran last; the report names the phase where the number was born.
 */
export function locateNonFinite(trainer: Trainer, detectedIn: Phase): NonFiniteReport | null {
  const { plan, runtime: rt } = trainer;
  const step = detectedIn === 'update' ? trainer.step : trainer.step + 1;
  const ranLoss = detectedIn !== 'forward';
  const ranBackward = detectedIn === 'backward' || detectedIn === 'update';

  for (const node of plan.order) {
    const isLoss = node.kind.role === 'loss';
    if (isLoss && !ranLoss) continue;
    for (const [name, slot] of slotsOf(node)) {
      const hit = scanSlot(rt, rt.values, slot);
      if (hit) return valueReport(plan, rt, node, name, hit, step, isLoss);
    }
  }
  if (ranBackward) {
    for (let k = plan.order.length - 1; k >= 0; k--) {
      const node = plan.order[k];
      for (const block of Object.values(node.blocks)) {
        const i = firstNonFinite(trainer.thetaGrad, block.offset, block.offset + block.size);
        if (i >= 0) return gradientReport(node, block, null, trainer.thetaGrad[i], undefined, step);
      }
      for (const slot of Object.values(node.scratch)) {
        const hit = scanSlot(rt, rt.grads, slot);
        if (hit) return gradientReport(node, null, null, hit.value, hit.example, step);
      }
      for (const list of Object.values(node.inputs)) {
        for (const input of list) {
          const hit = scanSlot(rt, rt.grads, input.slot);
          if (hit) {
            const source = plan.nodes.get(input.sourceNode);
            return gradientReport(node, null, source ?? null, hit.value, hit.example, step, input.edgeId);
          }
        }
      }
    }
  }
  if (detectedIn === 'update') {
    for (const block of plan.blocks) {
      const i = firstNonFinite(trainer.theta, block.offset, block.offset + block.size);
      if (i >= 0) return parameterReport(plan, block, trainer.theta[i], step);
    }
  }
  return null;
}

function slotsOf(node: PlanNode): [string, SlotLayout][] {
  return [...Object.entries(node.outputs), ...Object.entries(node.scratch)];
}

function scanSlot(
  rt: Runtime,
  arena: Float64Array,
  slot: SlotLayout,
): { value: number; example: number } | null {
  const off = rt.offset(slot);
  const i = firstNonFinite(arena, off, off + rt.n * slot.width);
  if (i < 0) return null;
  return { value: arena[i], example: Math.floor((i - off) / slot.width) };
}

const describeValue = (v: number) =>
  Number.isNaN(v) ? 'NaN (not a number)' : v > 0 ? 'Infinity' : '−Infinity';

/** Why a number became what it became, in a learner's words. */
const cause = (v: number) =>
  Number.isNaN(v)
    ? 'a calculation had no defined result (such as 0 × ∞, ∞ − ∞, or the log of a negative number), usually because some numbers had already grown huge'
    : 'a number grew too large for the computer to hold; the weights have probably grown out of control because the learning rate is too large, or the inputs are not scaled';

function valueReport(
  plan: Plan,
  rt: Runtime,
  node: PlanNode,
  buffer: string,
  hit: { value: number; example: number },
  step: number,
  isLoss: boolean,
): NonFiniteReport {
  const v = hit.value;
  if (isLoss) {
    const input = node.inputs.prediction?.[0] ?? node.inputs.in?.[0];
    const source = input ? plan.nodes.get(input.sourceNode) : undefined;
    let from = '';
    if (input && source) {
      const p = rt.values[rt.offset(input.slot) + hit.example * input.slot.width];
      from = ` (it reads the output of “${source.label}”, which was ${formatNumber(p)})`;
    }
    return {
      phase: 'loss',
      step,
      nodeId: node.id,
      what: 'loss',
      value: v,
      example: hit.example,
      message: `At step ${step} the loss “${node.label}”${from} became ${describeValue(v)} for example ${hit.example + 1} of the batch: ${cause(v)}.`,
    };
  }
  const which = buffer === 'out' ? 'the output' : `the value “${buffer}”`;
  return {
    phase: 'forward',
    step,
    nodeId: node.id,
    what: 'value',
    value: v,
    example: hit.example,
    message: `At step ${step} ${which} of “${node.label}” became ${describeValue(v)} during the forward pass (example ${hit.example + 1} of the batch): ${cause(v)}.`,
  };
}

function gradientReport(
  node: PlanNode,
  block: BlockLayout | null,
  source: PlanNode | null,
  v: number,
  example: number | undefined,
  step: number,
  edgeId?: EdgeId,
): NonFiniteReport {
  const where = block
    ? `the gradient of ${block.edgeId ? 'the weight' : 'the parameter'} ${block.label}`
    : source
      ? `the gradient flowing back from “${node.label}” into “${source.label}”`
      : `the gradient inside “${node.label}”`;
  return {
    phase: 'backward',
    step,
    nodeId: node.id,
    edgeId: block?.edgeId ?? edgeId,
    block: block?.label,
    what: 'gradient',
    value: v,
    example,
    message: `At step ${step} ${where} became ${describeValue(v)} during the backward pass: ${cause(v)}. The update was not applied.`,
  };
}

function parameterReport(plan: Plan, block: BlockLayout, v: number, step: number): NonFiniteReport {
  const node = plan.nodes.get(block.nodeId);
  const what = block.edgeId
    ? `the weight ${block.label}`
    : `the parameter ${block.label}${node ? ` of “${node.label}”` : ''}`;
  return {
    phase: 'update',
    step,
    nodeId: block.nodeId,
    edgeId: block.edgeId,
    block: block.label,
    what: 'parameter',
    value: v,
    message: `At step ${step} ${what} became ${describeValue(v)} during the update: the learning rate is probably too large. Training stopped at the last step where every number was finite (${formatNumber(step - 1)}).`,
  };
}
