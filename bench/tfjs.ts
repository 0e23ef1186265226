/**
 * The same MLP in TensorFlow.js on its pure-JavaScript CPU backend: a tf.train.sgd loop over batches
 * of 10, the usual way to train a small model with tfjs when no native or GPU backend is available.
 * Float32, as tfjs computes.
 */
import * as tf from '@tensorflow/tfjs';
import type { DataTable } from '../src/engine/datasets/table';
import { type Contender, type LayerParams, LR } from './setup';

/** Selects the CPU backend; PROD skips debug checks and the "install tfjs-node" notice. */
export async function initTfjs(): Promise<string> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  return `${tf.version.tfjs} (${tf.getBackend()})`;
}

export class TfjsMlp implements Contender {
  private readonly weights: tf.Variable[];
  private readonly biases: tf.Variable[];
  private readonly optimizer: tf.SGDOptimizer;
  private readonly xs: tf.Tensor2D;
  private readonly ys: tf.Tensor2D;
  private readonly order: Int32Array;
  private cursor = 0;
  private readonly batch: number;

  constructor(table: DataTable, sizes: readonly number[], init: LayerParams[]) {
    this.batch = table.batchSize;
    // tfjs multiplies x · W with W as [in, out]: the transpose of the engine's [out][in] layout.
    this.weights = init.map((p, l) => {
      const nIn = sizes[l];
      const nOut = sizes[l + 1];
      const t = new Float32Array(nIn * nOut);
      for (let u = 0; u < nOut; u++) for (let i = 0; i < nIn; i++) t[i * nOut + u] = p.W[u * nIn + i];
      return tf.variable(tf.tensor2d(t, [nIn, nOut]));
    });
    this.biases = init.map((p) => tf.variable(tf.tensor1d(Float32Array.from(p.b))));
    this.optimizer = tf.train.sgd(LR);
    const { x, y, count } = table.train;
    this.xs = tf.tensor2d(Float32Array.from(x.subarray(0, count * table.nFeatures)), [
      count,
      table.nFeatures,
    ]);
    this.ys = tf.tensor2d(Float32Array.from(y.subarray(0, count * table.nTargets)), [count, table.nTargets]);
    this.order = Int32Array.from({ length: count }, (_, i) => i);
    tf.util.shuffle(this.order);
  }

  step(): void {
    const n = Math.min(this.batch, this.order.length - this.cursor);
    const rows = this.order.subarray(this.cursor, this.cursor + n);
    this.cursor += n;
    if (this.cursor >= this.order.length) {
      this.cursor = 0;
      tf.util.shuffle(this.order);
    }
    tf.tidy(() => {
      const index = tf.tensor1d(rows, 'int32');
      const xb = tf.gather(this.xs, index);
      const yb = tf.gather(this.ys, index);
      this.optimizer.minimize(() => this.halfMse(xb, yb), false, this.weights.concat(this.biases));
    });
  }

  loss(): number {
    return tf.tidy(() => this.halfMse(this.xs, this.ys).dataSync()[0]);
  }

  dispose(): void {
    tf.dispose([...this.weights, ...this.biases, this.xs, this.ys]);
    this.optimizer.dispose();
  }

  private halfMse(x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
    let h: tf.Tensor2D = x;
    for (let l = 0; l < this.weights.length; l++) {
      h = tf.tanh(tf.add(tf.matMul(h, this.weights[l] as tf.Tensor2D), this.biases[l]));
    }
    return tf.mul(tf.mean(tf.squaredDifference(h, y)), 0.5) as tf.Scalar;
  }
}
