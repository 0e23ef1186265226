/**
 * The helpers an exported script may call, per back end, under the same names: emitters write
 * `_relu(z)` or `_softmax(z)` and get PyTorch or NumPy code. Only the helpers a script uses (and the
 * ones those use) are written into it.
 *
 * Where the engine's gradient differs from what autograd would derive from the plainest formula,
 * the PyTorch helper says so with a small autograd.Function: the engine's losses pass the gradient
 * through their clamps, and its logit BCE takes σ(z) − y as the slope even at z = 0.
 */
import { ELEMENTWISE, ELEMENTWISE_IDS } from '../kinds/activation-functions';
import type { PyBackend } from './emit';

interface Helper {
  name: string;
  code: string;
}

/** `_relu(z)`, `_elu(z, alpha)`, …: one helper per row of the activation table, from its own Python. */
function elementwiseHelpers(backend: PyBackend): Helper[] {
  return ELEMENTWISE_IDS.flatMap((id) => {
    const { alpha, python } = ELEMENTWISE[id];
    if (!python) return [];
    const body = python[backend].replace(/^/gm, '    ');
    return [{ name: `_${id}`, code: `def _${id}(z${alpha ? ', alpha' : ''}):\n${body}` }];
  });
}

const TORCH: readonly Helper[] = [
  { name: '_c', code: 'def _c(v):\n    return torch.tensor(v)' },
  { name: '_like', code: 'def _like(v, x):\n    return torch.broadcast_to(v, x.shape).clone()' },
  { name: '_full', code: 'def _full(n, c):\n    return torch.full((n, 1), c)' },
  { name: '_repeat', code: 'def _repeat(p, n):\n    return p.reshape(1, 1).expand(n, 1)' },
  { name: '_cat', code: 'def _cat(vs):\n    return torch.cat(vs, -1)' },
  { name: '_dot', code: 'def _dot(v, w):\n    return (v * w).sum(-1, keepdim=True)' },
  ...elementwiseHelpers('torch'),
  { name: '_prelu', code: 'def _prelu(z, alpha):\n    return torch.where(z > 0, z, alpha * z)' },
  { name: '_softmax', code: 'def _softmax(z):\n    return torch.softmax(z, -1)' },
  {
    name: '_PassClamp',
    code: `class _PassClamp(torch.autograd.Function):
    """clamp(p, lo, hi) whose gradient passes through unchanged, as the engine's losses take it."""

    @staticmethod
    def forward(ctx, p, lo, hi):
        return p.clamp(lo, hi)

    @staticmethod
    def backward(ctx, g):
        return g, None, None`,
  },
  {
    name: '_bce',
    code: `def _bce(p, y, eps):
    """Binary cross-entropy of probabilities, clamped to [eps, 1 - eps] inside the log."""
    q = _PassClamp.apply(p, eps, 1 - eps)
    return (-(y * torch.log(q) + (1 - y) * torch.log(1 - q))).mean(-1, keepdim=True)`,
  },
  {
    name: '_BceLogits',
    code: `class _BceLogits(torch.autograd.Function):
    """max(z, 0) - z y + log(1 + exp(-|z|)), with slope sigmoid(z) - y (also at z = 0)."""

    @staticmethod
    def forward(ctx, z, y):
        ctx.save_for_backward(z, y)
        return z.clamp_min(0) - z * y + torch.log1p(torch.exp(-z.abs()))

    @staticmethod
    def backward(ctx, g):
        z, y = ctx.saved_tensors
        return g * (torch.sigmoid(z) - y), None`,
  },
  {
    name: '_bce_logits',
    code: 'def _bce_logits(z, y):\n    return _BceLogits.apply(z, y).mean(-1, keepdim=True)',
  },
  {
    name: '_cce',
    code: `def _cce(p, y, floor):
    """Categorical cross-entropy of probabilities, floored at \`floor\` inside the log."""
    return -(y * torch.log(_PassClamp.apply(p, floor, None))).sum(-1, keepdim=True)`,
  },
  {
    name: '_cce_logits',
    code: `def _cce_logits(z, y):
    """Categorical cross-entropy of logits: sum_j y_j (logsumexp(z) - z_j)."""
    return (y * (torch.logsumexp(z, -1, keepdim=True) - z)).sum(-1, keepdim=True)`,
  },
];

const NUMPY: readonly Helper[] = [
  { name: '_c', code: 'def _c(v):\n    return np.float64(v)' },
  { name: '_like', code: 'def _like(v, x):\n    return np.broadcast_to(v, x.shape).copy()' },
  { name: '_full', code: 'def _full(n, c):\n    return np.full((n, 1), c)' },
  { name: '_repeat', code: 'def _repeat(p, n):\n    return np.broadcast_to(p.reshape(1, 1), (n, 1))' },
  { name: '_cat', code: 'def _cat(vs):\n    return np.concatenate(vs, -1)' },
  { name: '_dot', code: 'def _dot(v, w):\n    return (v * w).sum(-1, keepdims=True)' },
  ...elementwiseHelpers('numpy'),
  { name: '_prelu', code: 'def _prelu(z, alpha):\n    return np.where(z > 0, z, alpha * z)' },
  {
    name: '_softmax',
    code: `def _softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)`,
  },
];

const TABLES: Record<PyBackend, readonly Helper[]> = { torch: TORCH, numpy: NUMPY };

/** The definitions of the helpers `code` calls (and those they call), in table order. */
export function preludeFor(backend: PyBackend, code: string): string[] {
  const table = TABLES[backend];
  const used = new Set<string>();
  const scan = (text: string) => {
    for (const h of table) {
      if (!used.has(h.name) && new RegExp(`\\b${h.name}\\b`).test(text)) {
        used.add(h.name);
        scan(h.code);
      }
    }
  };
  scan(code);
  return table.filter((h) => used.has(h.name)).map((h) => h.code);
}
