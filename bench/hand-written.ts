/**
 * The reference: the same MLP trained by a plain hand-written loop over preallocated Float64Arrays.
 * tanh on every layer, ½ squared error averaged over the batch, plain SGD. Nothing is allocated per
 * step; each layer's forward, backward and update is one small monomorphic function whose loops read
 * local typed arrays. This is about as fast as one JavaScript thread trains an MLP, so the engine is
 * measured against it.
 */
import type { DataTable } from '../src/engine/datasets/table';
import { BATCH, type Contender, type LayerParams, LR } from './setup';

/**
 * y = tanh(W x + b) for n examples. Unit-outer, so each row of W is read once per batch, and four
 * examples at a time: four independent sums share each weight load and keep the CPU's adders busy
 * (one running sum alone waits on the latency of every addition). Each sum still adds its terms in
 * order i = 0, 1, …, so the results are exactly those of the textbook loop.
 */
function forwardTanh(
  x: Float64Array,
  nIn: number,
  W: Float64Array,
  bias: Float64Array,
  y: Float64Array,
  nOut: number,
  n: number,
): void {
  for (let u = 0; u < nOut; u++) {
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
 * gW[u][i] = Σ_b gz[b][u] x[b][i] sums over b inside the loop over i (in registers, no reload of
 * gW per example); dx[b][i] = Σ_u gz[b][u] W[u][i] takes four rows of W per pass.
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
  for (let u = 0; u < nOut; u++) {
    const w0 = u * nIn;
    let gb = 0;
    for (let b = 0; b < n; b++) gb += gz[b * nOut + u];
    gB[u] = gb;
    // The first example assigns, so gW needs no clearing; then four examples per pass.
    const g = gz[u];
    for (let i = 0; i < nIn; i++) gW[w0 + i] = g * x[i];
    let b = 1;
    for (; b + 4 <= n; b += 4) {
      const g0 = gz[b * nOut + u];
      const g1 = gz[(b + 1) * nOut + u];
      const g2 = gz[(b + 2) * nOut + u];
      const g3 = gz[(b + 3) * nOut + u];
      const x0 = b * nIn;
      const x1 = x0 + nIn;
      const x2 = x1 + nIn;
      const x3 = x2 + nIn;
      for (let i = 0; i < nIn; i++) {
        let s = gW[w0 + i];
        s += g0 * x[x0 + i];
        s += g1 * x[x1 + i];
        s += g2 * x[x2 + i];
        s += g3 * x[x3 + i];
        gW[w0 + i] = s;
      }
    }
    for (; b < n; b++) {
      const gbu = gz[b * nOut + u];
      const x0 = b * nIn;
      for (let i = 0; i < nIn; i++) gW[w0 + i] += gbu * x[x0 + i];
    }
  }
  if (dx === null) return;
  for (let b = 0; b < n; b++) {
    const g0 = b * nOut;
    const x0 = b * nIn;
    dx.fill(0, x0, x0 + nIn);
    let u = 0;
    for (; u + 4 <= nOut; u += 4) {
      const ga = gz[g0 + u];
      const gb = gz[g0 + u + 1];
      const gc = gz[g0 + u + 2];
      const gd = gz[g0 + u + 3];
      const wa = u * nIn;
      const wb = wa + nIn;
      const wc = wb + nIn;
      const wd = wc + nIn;
      for (let i = 0; i < nIn; i++) {
        let s = dx[x0 + i];
        s += ga * W[wa + i];
        s += gb * W[wb + i];
        s += gc * W[wc + i];
        s += gd * W[wd + i];
        dx[x0 + i] = s;
      }
    }
    for (; u < nOut; u++) {
      const gu = gz[g0 + u];
      const w0 = u * nIn;
      for (let i = 0; i < nIn; i++) dx[x0 + i] += gu * W[w0 + i];
    }
    for (let i = 0; i < nIn; i++) {
      const y = x[x0 + i];
      dx[x0 + i] *= 1 - y * y;
    }
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
  /** a[0]: the batch's inputs; a[l]: layer l's outputs. BATCH rows each. */
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
    this.a = sizes.map((s) => new Float64Array(BATCH * s));
    this.d = sizes.map((s) => new Float64Array(BATCH * s));
    this.target = new Float64Array(BATCH * sizes[this.layers]);
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
    for (let start = 0; start < count; start += BATCH) {
      const n = Math.min(BATCH, count - start);
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
    const n = Math.min(BATCH, order.length - this.cursor);
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
