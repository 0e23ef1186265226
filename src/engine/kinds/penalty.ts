/**
 * The L1/L2 penalty: a loss term on the weights themselves, λ·Σ|w| (L1, pushes weights to exactly
 * 0) or λ/2·Σw² (L2, shrinks them in proportion), added to the loss wired into it. Connect the
 * layers or neurons whose weights it covers (none connected: every weight of the graph; biases and
 * learned slopes never), the data loss into it and it to the optimizer: the penalty is then part
 * of L, so its gradient λ·sign(w) or λ·w
 * is part of ∂L/∂w and every optimizer sees it, Adam's moments included. That is what sets it apart
 * from an optimizer's weight decay, which shrinks θ inside the update rule and never enters L: the
 * penalty is in the loss the chart shows (its own line), it covers only the weights chosen, never
 * biases, and it can be L1. With SGD or Adam, L2 with λ takes the same step on the weights it covers
 * as weight decay λ (test/engine/penalty.test.ts); with AdamW, whose decay shrinks θ outside the
 * gradient, they differ.
 *
 * The penalty counts while training only: evaluation (the test set's loss) measures the fit to the
 * data. Every example of a batch carries the same value, so the batch mean is the penalty itself.
 */
import type { PyContext } from '../export/emit';
import { pyFloat } from '../export/emit';
import { defineKind, isWeightBlock, type NodeBlock } from '../kind';
import { choice, num, type ParamValues } from '../params';
import { VALUE_TYPES } from '../ports';

type Norm = 'l2' | 'l1';

const penaltyParams = {
  norm: choice(
    'Penalty',
    'l2' as Norm,
    [
      { value: 'l2', label: 'L2: λ/2 · Σ w²' },
      { value: 'l1', label: 'L1: λ · Σ |w|' },
    ],
    {
      key: true,
      help: 'L2 shrinks every weight in proportion to its size; L1 pulls each by the same amount, many to exactly 0.',
    },
  ),
  lambda: num('λ', 0.001, {
    min: 0,
    max: 10,
    key: true,
    log: true,
    help: 'How much the penalty weighs against the data loss.',
  }),
};

type PenaltyParams = ParamValues<typeof penaltyParams>;

/** The weights covered: those of the connected nodes, or every weight when none is connected. */
function coveredBlocks<B extends { nodeId: string; name: string; edgeId?: string }>(
  all: readonly B[],
  connected: readonly { sourceNode: string }[] | undefined,
): B[] {
  const nodes = connected && connected.length > 0 ? new Set(connected.map((i) => i.sourceNode)) : null;
  return all.filter((b) => isWeightBlock(b) && (!nodes || nodes.has(b.nodeId)));
}

/** λ·Σ|w| or λ/2·Σw² over θ[starts[k], ends[k]) for every k. */
function penaltyOver(
  params: PenaltyParams,
  theta: Float64Array,
  starts: Int32Array,
  ends: Int32Array,
): number {
  const l1 = params.norm === 'l1';
  let s = 0;
  for (let k = 0; k < starts.length; k++) {
    for (let i = starts[k]; i < ends[k]; i++) s += l1 ? Math.abs(theta[i]) : theta[i] * theta[i];
  }
  return s * (l1 ? params.lambda : params.lambda / 2);
}

const ranges = (blocks: readonly { offset: number; size: number }[]) => ({
  starts: Int32Array.from(blocks, (b) => b.offset),
  ends: Int32Array.from(blocks, (b) => b.offset + b.size),
});

function torchPenalty(ctx: PyContext<PenaltyParams>): Record<string, string> {
  const tensors = coveredBlocks(ctx.parameterBlocks, ctx.inputs.layers).map((b) => b.tensor);
  const lambda = pyFloat(ctx.params.lambda);
  const sum =
    tensors.length === 0
      ? 'torch.zeros(())'
      : tensors.map((t) => (ctx.params.norm === 'l1' ? `${t}.abs().sum()` : `(${t} ** 2).sum()`)).join(' + ');
  const scale = ctx.params.norm === 'l1' ? lambda : `${lambda} / 2`;
  // Added to every example's loss, so the batch mean gains exactly the penalty.
  return { loss: `${ctx.inputs.loss[0].expr} + ${scale} * (${sum})` };
}

export const penaltyKind = defineKind({
  id: 'loss.penalty',
  family: 'losses',
  role: 'loss',
  label: 'L1/L2 penalty',
  description:
    'Adds λ/2·Σw² (L2) or λ·Σ|w| (L1) over the weights of the layers you connect (none: every weight) to the loss wired into it, so training prefers small weights. Wire the data loss in and the penalty to the optimizer. Unlike an optimizer’s weight decay it is part of the loss: the loss chart draws it as its own line, it covers only the weights you choose (never biases) and can be L1. With SGD or Adam an L2 penalty λ steps those weights as weight decay λ would; AdamW’s decay, applied outside the gradient, differs. It counts in training only, not in the test loss.',
  formula:
    '\\ell = \\ell_{\\text{data}} + \\tfrac{\\lambda}{2} \\textstyle\\sum w^2 \\;\\text{(L2)} \\quad \\text{or} \\quad \\ell_{\\text{data}} + \\lambda \\textstyle\\sum |w| \\;\\text{(L1)}',
  icon: 'λ‖w‖',
  params: penaltyParams,
  ports: () => ({
    inputs: [
      {
        id: 'loss',
        label: 'L',
        accepts: ['loss'],
        multiple: false,
        hint: 'connect the data loss (its L port) to add the penalty to',
      },
      {
        id: 'layers',
        label: 'layers',
        accepts: VALUE_TYPES,
        multiple: true,
        optional: true,
        hint: 'connect the layers or neurons whose weights to penalise; with none connected every weight is',
      },
    ],
    outputs: [{ id: 'loss', label: 'L', type: 'loss' }],
  }),
  // scratch.penalty: the term of the step (training), for the loss chart's own line (Runtime.penalty).
  shape: () => ({ outputs: { loss: 1 }, scratch: { penalty: 1 } }),
  build(ctx) {
    const { values, grads, theta, thetaGrad } = ctx;
    const covered: NodeBlock[] = coveredBlocks(ctx.parameterBlocks, ctx.inputs.layers);
    const { starts, ends } = ranges(covered);
    const l1 = ctx.params.norm === 'l1';
    const lambda = ctx.params.lambda;
    const training = ctx.mode === 'train';
    const in0 = ctx.inputs.loss[0].offset;
    const l0 = ctx.outputs.loss.offset;
    const p0 = ctx.scratch.penalty.offset;
    return {
      forward(n) {
        const s = training ? penaltyOver(ctx.params, theta, starts, ends) : 0;
        values[p0] = s;
        for (let b = 0; b < n; b++) values[l0 + b] = values[in0 + b] + s;
      },
      backward(n) {
        let g = 0;
        for (let b = 0; b < n; b++) {
          grads[in0 + b] += grads[l0 + b];
          g += grads[l0 + b];
        }
        if (!training) return;
        // The penalty is the same in every example's ℓ_b: ∂L/∂w = Σ_b ∂L/∂ℓ_b · ∂penalty/∂w.
        g *= lambda;
        for (let k = 0; k < starts.length; k++) {
          for (let i = starts[k]; i < ends[k]; i++) {
            const w = theta[i];
            // sign(0) = 0: at exactly 0 the L1 slope is taken as 0, as torch's abs() does.
            thetaGrad[i] += l1 ? g * Math.sign(w) : g * w;
          }
        }
      },
    };
  },
  penaltyTerm(p, inputs, blocks, theta) {
    const { starts, ends } = ranges(coveredBlocks(blocks, inputs.layers));
    return penaltyOver(p, theta, starts, ends);
  },
  torch: torchPenalty,
});
