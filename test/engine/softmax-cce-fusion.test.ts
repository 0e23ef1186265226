/**
 * A categorical cross-entropy fed straight by a softmax that feeds nothing else runs fused with it
 * (compiler/fusion.ts): the loss from the logits by log-sum-exp, ∂L/∂z = (p − y)/batch written to
 * the softmax's input. With fan-out the two run apart. Gradients are checked against finite
 * differences (float64, eps 1e-6, atol 1e-5, rtol 1e-3) either way.
 */
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/engine/graph';
import { compileOrThrow, expectGradientsMatch, gradCheck } from './gradcheck';
import { GraphBuilder } from './graph-builder';

/** gaussians3 (2 features, 3 one-hot classes) → dense (3 logits) → softmax → one cross-entropy. */
function softmaxCce(opts: { biases?: number[]; weights?: number[]; fanOut?: 'softmax' | 'logits' } = {}) {
  const g = new GraphBuilder(2);
  const d = g.node('dataset', {
    dataset: 'gaussians3',
    n: 30,
    noise: 0.8,
    seed: 3,
    testFraction: 0,
    batchSize: 9,
  });
  const logits = g.chain('dense', { units: 3, weights: opts.weights, biases: opts.biases }, [d, 'features']);
  const softmax = g.chain('act.softmax', {}, logits);
  const cce = g.loss('loss.cce', softmax, [d, 'target']);
  // A second reader of the probabilities (no fusion) or of the logits (fusion; the logits' gradient adds up).
  if (opts.fanOut === 'softmax') g.loss('loss.mse', softmax, [d, 'target']);
  if (opts.fanOut === 'logits') g.loss('loss.mse', logits, [d, 'target']);
  return { graph: g.graph(), d, logits, softmax, cce };
}

const softmaxOf = (z: number[]) => {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('softmax → categorical cross-entropy fusion', () => {
  it('fuses a softmax whose only consumer is the loss', () => {
    const { graph, softmax, cce } = softmaxCce();
    const plan = compileOrThrow(graph);
    expect(plan.nodes.get(softmax)!.fusedIntoConsumer).toBe(true);
    const input = plan.nodes.get(cce)!.inputs.prediction[0];
    expect(input.sourceInput).toEqual(plan.nodes.get(softmax)!.inputs.in[0].slot);
  });

  it('does not fuse when the probabilities feed another node, or when the loss reads logits', () => {
    const fanned = softmaxCce({ fanOut: 'softmax' });
    const plan = compileOrThrow(fanned.graph);
    expect(plan.nodes.get(fanned.softmax)!.fusedIntoConsumer).toBeUndefined();
    expect(plan.nodes.get(fanned.cce)!.inputs.prediction[0].sourceInput).toBeUndefined();

    const g = new GraphBuilder();
    const d = g.node('dataset', { dataset: 'gaussians3', n: 30 });
    const s = g.chain('act.softmax', {}, g.chain('dense', { units: 3 }, [d, 'features']));
    const l = g.loss('loss.cce', s, [d, 'target'], { input: 'logits' });
    const logitsPlan = compileOrThrow(g.graph());
    expect(logitsPlan.nodes.get(s)!.fusedIntoConsumer).toBeUndefined();
    expect(logitsPlan.nodes.get(l)!.inputs.prediction[0].sourceInput).toBeUndefined();
  });

  for (const fanOut of [undefined, 'softmax', 'logits'] as const) {
    it(`passes the finite-difference check (${fanOut ? `${fanOut} also read by a second loss` : 'alone'})`, () => {
      const r = expectGradientsMatch(softmaxCce({ fanOut }).graph);
      expect(r.checked).toBeGreaterThan(10);
    });
  }

  it('gives the loss and gradients of the built-in stable form (input: logits), and shows the softmax', () => {
    const fused = softmaxCce();
    const a = gradCheck(fused.graph);
    const g = new GraphBuilder(2);
    const d = g.node('dataset', {
      dataset: 'gaussians3',
      n: 30,
      noise: 0.8,
      seed: 3,
      testFraction: 0,
      batchSize: 9,
    });
    const logits = g.chain('dense', { units: 3 }, [d, 'features']);
    g.loss('loss.cce', logits, [d, 'target'], { input: 'logits' });
    const b = gradCheck(g.graph());
    expect(a.loss).toBeCloseTo(b.loss, 13);
    expect(a.thetaGrad.length).toBe(b.thetaGrad.length);
    for (let i = 0; i < a.thetaGrad.length; i++) expect(a.thetaGrad[i]).toBeCloseTo(b.thetaGrad[i], 13);
    // The softmax node's values (drawn on the canvas) are still the probabilities of its input.
    const z = a.valuesOf(fused.logits, 'out');
    const p = a.valuesOf(fused.softmax, 'out');
    for (let e = 0; e < z.length / 3; e++) {
      const want = softmaxOf(z.slice(3 * e, 3 * e + 3));
      for (let j = 0; j < 3; j++) expect(p[3 * e + j]).toBeCloseTo(want[j], 15);
    }
    // ∂L/∂p shown on the softmax's output is still −y/(p·batch); ∂L/∂z on the logits is (p − y)/batch.
    const y = a.inputOf(fused.cce, 'target');
    const n = y.length / 3;
    const gp = a.gradsOf(fused.softmax);
    const gz = a.gradsOf(fused.logits);
    for (let i = 0; i < y.length; i++) {
      expect(gp[i]).toBeCloseTo(-y[i] / (p[i] * n), 10);
      expect(gz[i]).toBeCloseTo((p[i] - y[i]) / n, 14);
    }
  });

  it('keeps a finite loss and the exact gradient p − y at a logit gap of 1000', () => {
    const { graph, logits, cce } = softmaxCce({ weights: [0, 0, 0, 0, 0, 0], biases: [1000, 0, 0] });
    const r = gradCheck(graph, { features: false });
    const y = r.inputOf(cce as NodeId, 'target');
    const n = y.length / 3;
    const share = [0, 1, 2].map((j) => y.filter((v, i) => i % 3 === j && v === 1).length / n);
    expect(share[0]).toBeGreaterThan(0);
    expect(share[1] + share[2]).toBeGreaterThan(0);
    // Examples of class 1 or 2 give p = e⁻¹⁰⁰⁰ (0 in float64): ℓ = 1000 exactly, where −log p is ∞.
    expect(r.loss).toBe(1000 * (share[1] + share[2]));
    const gz = r.gradsOf(logits);
    for (let i = 0; i < y.length; i++) expect(gz[i]).toBe(((i % 3 === 0 ? 1 : 0) - y[i]) / n);
    const bias = r.plan.nodes.get(logits)!.blocks.b;
    const grad = Array.from(r.thetaGrad.subarray(bias.offset, bias.offset + 3));
    expect(grad[0]).toBeCloseTo(1 - share[0], 14);
    expect(grad[1]).toBeCloseTo(-share[1], 14);
    expect(grad[2]).toBeCloseTo(-share[2], 14);
    expect(Array.from(r.thetaGrad).every(Number.isFinite)).toBe(true);
  });
});
