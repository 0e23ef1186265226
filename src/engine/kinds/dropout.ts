/**
 * Dropout: while training, each number of each example is kept with probability 1 − p and scaled
 * by 1 / (1 − p), or dropped to 0 (inverted dropout, as PyTorch's nn.Dropout), so the expected
 * output equals the input and nothing needs rescaling at test time. Everywhere else (the test set,
 * the decision boundary, lesson checks, predictions and the NumPy export) it passes its input
 * through. The masks come from the node's seeded stream (runtime/step-random.ts): step t's mask is
 * the same in a replay, a seek and the PyTorch script.
 */
import type { PyContext } from '../export/emit';
import { pyFloat } from '../export/emit';
import { defineKind, type ShapeContext } from '../kind';
import { num, type ParamValues } from '../params';
import { activationPorts, sameWidth } from './activation-ports';

const dropoutParams = {
  rate: num('Drop rate p', 0.5, {
    min: 0,
    max: 0.95,
    key: true,
    help: 'The chance that each number is set to 0 in a training step; the kept ones are scaled by 1 / (1 − p).',
  }),
};

type DropoutParams = ParamValues<typeof dropoutParams>;

/** The PyTorch helper: the engine's uniformAt, ported, and the mask of this step. */
function torchDropout(ctx: PyContext<DropoutParams>): Record<string, string> {
  const fn = ctx.helper('dropout', 'dropout', (name) => [
    `def ${name}_fmix32(h):`,
    '    """MurmurHash3\'s finaliser on 32 bits (src/engine/runtime/step-random.ts)."""',
    '    h ^= h >> 16',
    '    h = (h * 0x85EBCA6B) & 0xFFFFFFFF',
    '    h ^= h >> 13',
    '    h = (h * 0xC2B2AE35) & 0xFFFFFFFF',
    '    return h ^ (h >> 16)',
    '',
    '',
    `def ${name}(v, p, key):`,
    '    """Inverted dropout with the engine\'s mask for CLOCK["step"]: number i of the batch (example',
    '    by example) is kept when its uniform draw is at least p."""',
    '    if p == 0:',
    '        return v',
    '    n, w = v.shape',
    `    s = ${name}_fmix32((key + CLOCK["step"] * 0x9E3779B1) & 0xFFFFFFFF)`,
    '    keep = [',
    `        ${name}_fmix32(s ^ ((i * 0x85EBCA6B + 0x27D4EB2F) & 0xFFFFFFFF)) / 4294967296.0 >= p`,
    '        for i in range(n * w)',
    '    ]',
    '    mask = torch.tensor(keep, dtype=torch.float64).reshape(n, w)',
    '    return v * mask / (1 - p)',
  ]);
  return { out: `${fn}(${ctx.inputs.in[0].expr}, ${pyFloat(ctx.params.rate)}, ${ctx.streamKey >>> 0})` };
}

export const dropoutKind = defineKind({
  id: 'dropout',
  family: 'neurons',
  role: 'op',
  label: 'Dropout',
  description:
    'While training, sets each number to 0 with chance p and scales the rest by 1 / (1 − p), a new choice every step, so no unit can rely on another. At test time, on the decision boundary and in exports for prediction it passes its input through unchanged.',
  formula:
    'y_i = \\frac{m_i\\, x_i}{1 - p},\\; m_i \\sim \\text{Bernoulli}(1 - p) \\text{ in training};\\quad y = x \\text{ otherwise}',
  icon: '⋯',
  params: dropoutParams,
  ports: () => activationPorts('vector'),
  shape: (ctx: ShapeContext<DropoutParams>) => {
    const { outputs } = sameWidth(ctx);
    // The mask of the step: 1 where the number was kept, 0 where it was dropped.
    return { outputs, scratch: { mask: outputs.out } };
  },
  build(ctx) {
    const { values, grads, random } = ctx;
    const p = ctx.params.rate;
    const training = ctx.mode === 'train' && p > 0;
    const scale = training ? 1 / (1 - p) : 1;
    const x0 = ctx.inputs.in[0].offset;
    const y0 = ctx.outputs.out.offset;
    const m0 = ctx.scratch.mask.offset;
    const w = ctx.outputs.out.width;
    return {
      forward(n) {
        const count = n * w;
        for (let i = 0; i < count; i++) {
          const keep = training && random.uniform(i) < p ? 0 : 1;
          values[m0 + i] = keep;
          values[y0 + i] = keep * scale * values[x0 + i];
        }
      },
      backward(n) {
        const count = n * w;
        for (let i = 0; i < count; i++) grads[x0 + i] += grads[y0 + i] * values[m0 + i] * scale;
      },
    };
  },
  torch: torchDropout,
  // The NumPy export predicts: dropout is the identity there.
  numpy: (ctx) => ({ out: ctx.inputs.in[0].expr }),
});
