/**
 * Filters in the sense of Li et al. 2018 ("Visualizing the Loss Landscape of Neural Nets"): the
 * numbers that make one unit — its incoming weights and its bias. A random direction is scaled
 * filter by filter to the norm of θ's filter, so the plane's scale means the same in every layer.
 */
import type { Plan } from '../compiler/plan';
import type { Rng } from '../rng';

/** Indices into θ of each filter. A dense layer gives one per unit; a neuron gives one. */
export function filtersOf(plan: Plan): Int32Array[] {
  const byNode = new Map<string, Plan['blocks']>();
  for (const b of plan.blocks) {
    // Running statistics are not trained: the landscape does not move them.
    if (b.buffer) continue;
    const list = byNode.get(b.nodeId) ?? [];
    list.push(b);
    byNode.set(b.nodeId, list);
  }
  const filters: Int32Array[] = [];
  for (const blocks of byNode.values()) {
    const W = blocks.find((b) => b.name === 'W');
    const bias = blocks.find((b) => b.name === 'b');
    if (W && bias && blocks.length === 2 && W.size % bias.size === 0) {
      // W is stored unit by unit (units × inputs): row u and b[u] are unit u.
      const nIn = W.size / bias.size;
      for (let u = 0; u < bias.size; u++) {
        const f = new Int32Array(nIn + 1);
        for (let i = 0; i < nIn; i++) f[i] = W.offset + u * nIn + i;
        f[nIn] = bias.offset + u;
        filters.push(f);
      }
      continue;
    }
    const size = blocks.reduce((s, b) => s + b.size, 0);
    const f = new Int32Array(size);
    let k = 0;
    for (const b of blocks) for (let i = 0; i < b.size; i++) f[k++] = b.offset + i;
    filters.push(f);
  }
  return filters;
}

/**
 * A Gaussian direction with each filter rescaled to ‖θ's filter‖ (a filter of θ that is all zero
 * keeps unit norm, so that filter still moves).
 */
export function filterNormalizedDirection(
  filters: readonly Int32Array[],
  theta: Float64Array,
  rng: Rng,
): Float64Array {
  const d = new Float64Array(theta.length);
  for (let i = 0; i < d.length; i++) d[i] = rng.normal();
  normalizeFilters(filters, theta, d);
  return d;
}

/** Scales each filter of d to the norm of the same filter of θ (in place). */
export function normalizeFilters(filters: readonly Int32Array[], theta: Float64Array, d: Float64Array): void {
  for (const f of filters) {
    let dn = 0;
    let tn = 0;
    for (const i of f) {
      dn += d[i] * d[i];
      tn += theta[i] * theta[i];
    }
    const scale = dn > 0 ? (tn > 0 ? Math.sqrt(tn) : 1) / Math.sqrt(dn) : 0;
    for (const i of f) d[i] *= scale;
  }
}
