/**
 * The top two principal directions of an optimizer's path (Li et al. 2018, §7): the directions in
 * which θ moved most, found from the path's offsets from its last point.
 */

/**
 * Unit vectors (orthogonal) along the path's two largest principal components, or fewer when the
 * path spans fewer dimensions. Works on the n×n Gram matrix (n points), not the P×P covariance.
 */
export function principalDirections(path: readonly Float64Array[], count = 2): Float64Array[] {
  const n = path.length;
  if (n < 2) return [];
  const p = path[0].length;
  const last = path[n - 1];
  const rows = path.map((t) => {
    const r = new Float64Array(p);
    for (let k = 0; k < p; k++) r[k] = t[k] - last[k];
    return r;
  });
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += rows[i][k] * rows[j][k];
      gram[i * n + j] = s;
      gram[j * n + i] = s;
    }
  let trace = 0;
  for (let i = 0; i < n; i++) trace += gram[i * n + i];
  const out: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    // Power iteration on the Gram matrix, deflated by the components already found.
    let u = new Float64Array(n);
    for (let i = 0; i < n; i++) u[i] = 1 + i / n;
    let lambda = 0;
    for (let it = 0; it < 500; it++) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += gram[i * n + j] * u[j];
        next[i] = s;
      }
      const norm = norm2(next);
      if (norm === 0) break;
      for (let i = 0; i < n; i++) next[i] /= norm;
      const moved = Math.abs(norm - lambda);
      lambda = norm;
      u = next;
      if (moved <= 1e-13 * norm) break;
    }
    if (!(lambda > 1e-12 * trace) || lambda === 0) break;
    // The direction in θ-space: Xᵀu, normalised.
    const d = new Float64Array(p);
    for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) d[k] += rows[i][k] * u[i];
    const dn = norm2(d);
    if (!(dn > 0)) break;
    for (let k = 0; k < p; k++) d[k] /= dn;
    out.push(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) gram[i * n + j] -= lambda * u[i] * u[j];
  }
  return out;
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
