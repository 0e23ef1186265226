/**
 * The reference: the same MLP trained by a plain hand-written loop over preallocated Float64Arrays.
 * tanh on every layer, ½ squared error averaged over the batch, plain SGD. Nothing is allocated per
 * step; each layer's forward, backward and update is one small monomorphic function whose loops read
 * local typed arrays. This is about as fast as one JavaScript thread trains an MLP, so the engine is
 * measured against it.
 */
import type { DataTable } from '../src/engine/datasets/table';
import { type Contender, type LayerParams, LR } from './setup';

/*
 * The layer loops work on small tiles held in registers: two units × four examples in forward and
 * for ∂L/∂W, four units × two examples for ∂L/∂x. A lone running sum waits on each addition before
 * the next; eight independent sums keep the CPU's adders busy, and each number loaded from memory
 * (a weight, an input) serves several of them. Every sum still adds its terms in the textbook order
 * (inputs i = 0, 1, …; examples b = 0, 1, …; units u = 0, 1, …), so the results are exactly those of
 * the three nested loops — and the same as the engine's, which the benchmark checks.
 */

/** y = tanh(W x + b) for n examples (x: n × nIn, y: n × nOut, W: nOut × nIn, all row-major). */
function forwardTanh(
  x: Float64Array,
  nIn: number,
  W: Float64Array,
  bias: Float64Array,
  y: Float64Array,
  nOut: number,
  n: number,
): void {
  let u = 0;
  for (; u + 2 <= nOut; u += 2) {
    const wa = u * nIn;
    const wb = wa + nIn;
    const ba = bias[u];
    const bb = bias[u + 1];
    let b = 0;
    for (; b + 4 <= n; b += 4) {
      const x0 = b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      let a0 = ba;
      let a1 = ba;
      let a2 = ba;
      let a3 = ba;
      let c0 = bb;
      let c1 = bb;
      let c2 = bb;
      let c3 = bb;
      for (let i = 0; i < nIn; i++) {
        const wai = W[wa + i];
        const wbi = W[wb + i];
        const p0 = x[x0 + i];
        const p1 = x[x1 + i];
        const p2 = x[x2 + i];
        const p3 = x[x3 + i];
        a0 += wai * p0;
        a1 += wai * p1;
        a2 += wai * p2;
        a3 += wai * p3;
        c0 += wbi * p0;
        c1 += wbi * p1;
        c2 += wbi * p2;
        c3 += wbi * p3;
      }
      const y0 = b * nOut + u;
      y[y0] = Math.tanh(a0);
      y[y0 + 1] = Math.tanh(c0);
      y[y0 + nOut] = Math.tanh(a1);
      y[y0 + nOut + 1] = Math.tanh(c1);
      y[y0 + 2 * nOut] = Math.tanh(a2);
      y[y0 + 2 * nOut + 1] = Math.tanh(c2);
      y[y0 + 3 * nOut] = Math.tanh(a3);
      y[y0 + 3 * nOut + 1] = Math.tanh(c3);
    }
    for (; b < n; b++) {
      const x0 = b * nIn;
      let a = ba;
      let c = bb;
      for (let i = 0; i < nIn; i++) {
        const p = x[x0 + i];
        a += W[wa + i] * p;
        c += W[wb + i] * p;
      }
      y[b * nOut + u] = Math.tanh(a);
      y[b * nOut + u + 1] = Math.tanh(c);
    }
  }
  if (u < nOut) {
    // The last unit of an odd count: four examples at a time.
    const w0 = u * nIn;
    const bu = bias[u];
    let b = 0;
    for (; b + 4 <= n; b += 4) {
      const x0 = b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      let z0 = bu;
      let z1 = bu;
      let z2 = bu;
      let z3 = bu;
      for (let i = 0; i < nIn; i++) {
        const w = W[w0 + i];
        z0 += w * x[x0 + i];
        z1 += w * x[x1 + i];
        z2 += w * x[x2 + i];
        z3 += w * x[x3 + i];
      }
      y[b * nOut + u] = Math.tanh(z0);
      y[(b + 1) * nOut + u] = Math.tanh(z1);
      y[(b + 2) * nOut + u] = Math.tanh(z2);
      y[(b + 3) * nOut + u] = Math.tanh(z3);
    }
    for (; b < n; b++) {
      const x0 = b * nIn;
      let z = bu;
      for (let i = 0; i < nIn; i++) z += W[w0 + i] * x[x0 + i];
      y[b * nOut + u] = Math.tanh(z);
    }
  }
}

/**
 * From gz = ∂L/∂z of a layer (n × nOut): its gradients gW and gB, and — unless `dx` is null (the
 * input layer) — ∂L/∂z of the layer below, (gz W) ⊙ (1 − x²), x being that layer's tanh output.
 */
function backwardTanh(
  gz: Float64Array,
  nOut: number,
  x: Float64Array,
  nIn: number,
  W: Float64Array,
  gW: Float64Array,
  gB: Float64Array,
  dx: Float64Array | null,
  n: number,
): void {
  gW.fill(0);
  for (let u = 0; u < nOut; u++) {
    let gb = 0;
    for (let b = 0; b < n; b++) gb += gz[b * nOut + u];
    gB[u] = gb;
  }
  // gW[u][i] = Σ_b gz[b][u] x[b][i]: two rows of gW, four examples per pass.
  let u = 0;
  for (; u + 2 <= nOut; u += 2) {
    const wa = u * nIn;
    const wb = wa + nIn;
    let b = 0;
    for (; b + 4 <= n; b += 4) {
      const ga0 = gz[b * nOut + u];
      const ga1 = gz[(b + 1) * nOut + u];
      const ga2 = gz[(b + 2) * nOut + u];
      const ga3 = gz[(b + 3) * nOut + u];
      const gb0 = gz[b * nOut + u + 1];
      const gb1 = gz[(b + 1) * nOut + u + 1];
      const gb2 = gz[(b + 2) * nOut + u + 1];
      const gb3 = gz[(b + 3) * nOut + u + 1];
      const x0 = b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      for (let i = 0; i < nIn; i++) {
        const p0 = x[x0 + i];
        const p1 = x[x1 + i];
        const p2 = x[x2 + i];
        const p3 = x[x3 + i];
        let sa = gW[wa + i];
        sa += ga0 * p0;
        sa += ga1 * p1;
        sa += ga2 * p2;
        sa += ga3 * p3;
        gW[wa + i] = sa;
        let sb = gW[wb + i];
        sb += gb0 * p0;
        sb += gb1 * p1;
        sb += gb2 * p2;
        sb += gb3 * p3;
        gW[wb + i] = sb;
      }
    }
    for (; b < n; b++) {
      const ga = gz[b * nOut + u];
      const gb = gz[b * nOut + u + 1];
      const x0 = b * nIn;
      for (let i = 0; i < nIn; i++) {
        const p = x[x0 + i];
        gW[wa + i] += ga * p;
        gW[wb + i] += gb * p;
      }
    }
  }
  if (u < nOut) {
    const w0 = u * nIn;
    for (let b = 0; b < n; b++) {
      const g = gz[b * nOut + u];
      const x0 = b * nIn;
      for (let i = 0; i < nIn; i++) gW[w0 + i] += g * x[x0 + i];
    }
  }
  if (dx === null) return;
  // dx[b][i] = Σ_u gz[b][u] W[u][i]: two examples, four rows of W per pass; then times tanh'.
  dx.fill(0, 0, n * nIn);
  let b = 0;
  for (; b + 2 <= n; b += 2) {
    const xa = b * nIn;
    const xb = xa + nIn;
    const za = b * nOut;
    const zb = za + nOut;
    let v = 0;
    for (; v + 4 <= nOut; v += 4) {
      const w0 = v * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      const ga0 = gz[za + v];
      const ga1 = gz[za + v + 1];
      const ga2 = gz[za + v + 2];
      const ga3 = gz[za + v + 3];
      const gb0 = gz[zb + v];
      const gb1 = gz[zb + v + 1];
      const gb2 = gz[zb + v + 2];
      const gb3 = gz[zb + v + 3];
      for (let i = 0; i < nIn; i++) {
        const t0 = W[w0 + i];
        const t1 = W[w1 + i];
        const t2 = W[w2 + i];
        const t3 = W[w3 + i];
        let sa = dx[xa + i];
        sa += ga0 * t0;
        sa += ga1 * t1;
        sa += ga2 * t2;
        sa += ga3 * t3;
        dx[xa + i] = sa;
        let sb = dx[xb + i];
        sb += gb0 * t0;
        sb += gb1 * t1;
        sb += gb2 * t2;
        sb += gb3 * t3;
        dx[xb + i] = sb;
      }
    }
    for (; v < nOut; v++) {
      const w0 = v * nIn;
      const ga = gz[za + v];
      const gb = gz[zb + v];
      for (let i = 0; i < nIn; i++) {
        const t = W[w0 + i];
        dx[xa + i] += ga * t;
        dx[xb + i] += gb * t;
      }
    }
  }
  for (; b < n; b++) {
    const x0 = b * nIn;
    for (let v = 0; v < nOut; v++) {
      const g = gz[b * nOut + v];
      const w0 = v * nIn;
      for (let i = 0; i < nIn; i++) dx[x0 + i] += g * W[w0 + i];
    }
  }
  for (let j = 0; j < n * nIn; j++) {
    const t = x[j];
    dx[j] *= 1 - t * t;
  }
}

function sgd(theta: Float64Array, grad: Float64Array, lr: number): void {
  for (let i = 0; i < theta.length; i++) theta[i] -= lr * grad[i];
}

/** A small seeded generator (mulberry32) for the hand-written loop's own shuffling. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class HandWrittenMlp implements Contender {
  private readonly sizes: number[];
  private readonly layers: number;
  private readonly W: Float64Array[];
  private readonly b: Float64Array[];
  private readonly gW: Float64Array[];
  private readonly gB: Float64Array[];
  /** a[0]: the batch's inputs; a[l]: layer l's outputs. One row per example of a batch. */
  private readonly a: Float64Array[];
  /** d[l]: ∂L/∂z of layer l (d[0] unused: inputs get no gradient). */
  private readonly d: Float64Array[];
  private readonly target: Float64Array;
  private readonly order: Int32Array;
  private cursor = 0;
  private readonly random: () => number;

  constructor(
    private readonly table: DataTable,
    sizes: readonly number[],
    init: LayerParams[],
    seed = 1,
  ) {
    this.sizes = [...sizes];
    this.layers = sizes.length - 1;
    this.W = init.map((p) => p.W.slice());
    this.b = init.map((p) => p.b.slice());
    this.gW = init.map((p) => new Float64Array(p.W.length));
    this.gB = init.map((p) => new Float64Array(p.b.length));
    const batch = table.batchSize;
    this.a = sizes.map((s) => new Float64Array(batch * s));
    this.d = sizes.map((s) => new Float64Array(batch * s));
    this.target = new Float64Array(batch * sizes[this.layers]);
    this.order = Int32Array.from({ length: table.train.count }, (_, i) => i);
    this.random = mulberry32(seed);
    this.shuffle();
  }

  step(): void {
    this.gradient(this.load());
    for (let l = 0; l < this.layers; l++) {
      sgd(this.W[l], this.gW[l], LR);
      sgd(this.b[l], this.gB[l], LR);
    }
  }

  /** The gradient on the given training rows, for checking the engine against: per layer, gW and gB. */
  gradientOn(rows: readonly number[]): LayerParams[] {
    const { x, y } = this.table.train;
    const nIn = this.sizes[0];
    const m = this.sizes[this.layers];
    rows.forEach((row, b) => {
      this.a[0].set(x.subarray(row * nIn, (row + 1) * nIn), b * nIn);
      this.target.set(y.subarray(row * m, (row + 1) * m), b * m);
    });
    this.gradient(rows.length);
    return this.gW.map((W, l) => ({ W: W.slice(), b: this.gB[l].slice() }));
  }

  /** Forward and backward on the n examples in a[0] and the target: fills gW and gB. */
  private gradient(n: number): void {
    this.forward(n);
    // ½ mean over the batch (and the outputs) of (y − t)²: ∂L/∂y = (y − t)/(n m), times tanh' = 1 − y².
    const L = this.layers;
    const m = this.sizes[L];
    const y = this.a[L];
    const t = this.target;
    const gz = this.d[L];
    const scale = 1 / (n * m);
    for (let j = 0; j < n * m; j++) {
      const yj = y[j];
      gz[j] = (yj - t[j]) * scale * (1 - yj * yj);
    }
    const sizes = this.sizes;
    for (let l = L; l >= 1; l--) {
      backwardTanh(
        this.d[l],
        sizes[l],
        this.a[l - 1],
        sizes[l - 1],
        this.W[l - 1],
        this.gW[l - 1],
        this.gB[l - 1],
        l > 1 ? this.d[l - 1] : null,
        n,
      );
    }
  }

  loss(): number {
    const { x, y, count } = this.table.train;
    const nIn = this.sizes[0];
    const m = this.sizes[this.layers];
    let total = 0;
    for (let start = 0; start < count; start += this.table.batchSize) {
      const n = Math.min(this.table.batchSize, count - start);
      this.a[0].set(x.subarray(start * nIn, (start + n) * nIn));
      this.forward(n);
      const out = this.a[this.layers];
      for (let j = 0; j < n * m; j++) {
        const e = out[j] - y[start * m + j];
        total += (0.5 * e * e) / m;
      }
    }
    return total / count;
  }

  private forward(n: number): void {
    const sizes = this.sizes;
    for (let l = 1; l <= this.layers; l++) {
      forwardTanh(this.a[l - 1], sizes[l - 1], this.W[l - 1], this.b[l - 1], this.a[l], sizes[l], n);
    }
  }

  /** Copies the next batch (in a shuffled order, reshuffled every epoch) into a[0] and the target. */
  private load(): number {
    const { x, y } = this.table.train;
    const nIn = this.sizes[0];
    const m = this.sizes[this.layers];
    const order = this.order;
    const inputs = this.a[0];
    const target = this.target;
    const n = Math.min(this.table.batchSize, order.length - this.cursor);
    for (let b = 0; b < n; b++) {
      const row = order[this.cursor + b];
      for (let j = 0; j < nIn; j++) inputs[b * nIn + j] = x[row * nIn + j];
      for (let j = 0; j < m; j++) target[b * m + j] = y[row * m + j];
    }
    this.cursor += n;
    if (this.cursor >= order.length) {
      this.cursor = 0;
      this.shuffle();
    }
    return n;
  }

  private shuffle(): void {
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
