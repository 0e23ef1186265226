import { describe, expect, it } from 'vitest';
import { edgeId, type Trainer } from '../../src/engine';
import {
  explainEdgeGradient,
  explainParameter,
  type SignalExplanation,
  verifyGradient,
  type WeightExplanation,
} from '../../src/engine/training';
import { example, trained } from '../worker/training-graphs';

/** Everything a check must leave as it was. */
function state(t: Trainer) {
  return {
    theta: t.theta.slice(),
    thetaGrad: t.thetaGrad.slice(),
    values: t.runtime.values.slice(),
    grads: t.runtime.grads.slice(),
    loss: t.loss,
    n: t.runtime.n,
    step: t.step,
    next: t.nextPhase,
  };
}

describe('verifyGradient', () => {
  it('agrees with backprop on every parameter of the XOR network, without disturbing it', () => {
    const t = trained(example('xor'), 20);
    const before = state(t);
    for (let i = 0; i < t.plan.paramCount; i++) {
      const v = verifyGradient(t, i);
      expect(v.index).toBe(i);
      expect(Math.abs(v.analytic)).toBeGreaterThan(1e-6);
      expect(v.relativeError).toBeLessThan(1e-6);
    }
    expect(state(t)).toEqual(before);
  });

  it('checks the gradient at the current θ even between phases', () => {
    const t = trained(example('circle'), 10);
    t.runPhase(); // forward of step 11: its batch is loaded, nothing else yet
    const before = state(t);
    const v = verifyGradient(t, 3);
    expect(v.relativeError).toBeLessThan(1e-6);
    expect(v.label).toBe(t.plan.blocks.find((b) => b.offset <= 3 && 3 < b.offset + b.size)!.label);
    expect(state(t)).toEqual(before);
    // The analytic side is what the backward phase will find.
    t.runPhase();
    t.runPhase();
    expect(t.thetaGrad[3]).toBe(v.analytic);
  });

  it('refuses before any batch is loaded, and out of range', () => {
    const t = trained(example('circle'), 0);
    expect(() => verifyGradient(t, 0)).toThrow(/No batch/);
    t.trainStep();
    expect(() => verifyGradient(t, 999)).toThrow(RangeError);
  });
});

describe('explainEdgeGradient', () => {
  it('gives the border neuron’s first step as worked out by hand: 3.9 · 1 · 2.9 = 11.31', () => {
    const t = trained(example('border-at-3'), 1);
    const e = explainEdgeGradient(t, edgeId('e1')) as WeightExplanation;
    expect(e.type).toBe('neuron-weight');
    expect(e.label).toBe('w');
    expect(e.n).toBe(1);
    expect(e.factors.dLdy).toBeCloseTo(3.9, 12);
    expect(e.factors.fprime).toBe(1);
    expect(e.factors.x).toBe(2.9);
    expect(e.factors.z).toBeCloseTo(3.9, 12);
    expect(e.product).toBe(e.factors.dLdy * e.factors.fprime * e.factors.x);
    expect(e.product).toBe(e.gradient);
    expect(e.gradient).toBeCloseTo(11.31, 12);
    expect(e.tex).toContain('\\underbrace{3.9}_{\\partial L/\\partial y}');
    expect(e.tex).toContain('= 11.31');
    expect(e.text).toContain('“border data”');
  });

  it('adds up per-example factors to exactly the gradient backprop computed, for a batch', () => {
    const t = trained(example('xor'), 7);
    for (const edge of t.plan.edges.values()) {
      if (!edge.block) continue;
      const e = explainEdgeGradient(t, edge.id, { example: 2 }) as WeightExplanation;
      expect(e.n).toBe(t.runtime.n);
      expect(e.n).toBeGreaterThan(2);
      expect(e.terms).toHaveLength(t.runtime.n);
      for (const term of e.terms) expect(term.product).toBe(term.dLdy * term.fprime * term.x);
      expect(e.sum).toBe(e.gradient);
      expect(e.gradient).toBe(t.thetaGrad[edge.block.offset]);
      expect(e.example).toBe(2);
      expect(e.product).toBe(e.terms[2].product);
      // f′ of tanh or sigmoid from the outputs the batch actually had.
      const f = e.factors;
      const slope = e.activation === 'tanh' ? 1 - f.y * f.y : f.y * (1 - f.y);
      expect(f.fprime).toBe(slope);
    }
  });

  it('runs a backward pass of its own when the buffers are mid-step, leaving them alone', () => {
    const t = trained(example('xor'), 3);
    const reference = trained(example('xor'), 3);
    reference.gradientStep();
    t.runPhase(); // forward only
    const before = state(t);
    const edge = [...t.plan.edges.values()].find((e) => e.block)!;
    const e = explainEdgeGradient(t, edge.id) as WeightExplanation;
    expect(e.sum).toBe(reference.thetaGrad[edge.block!.offset]);
    expect(state(t)).toEqual(before);
  });

  it('explains an edge without a weight by the gradient it carries back', () => {
    const t = trained(example('xor'), 2);
    const toLoss = [...t.plan.edges.values()].find((e) => e.target === 'loss' && !e.block)!;
    const e = explainEdgeGradient(t, toLoss.id, { example: 1 }) as SignalExplanation;
    expect(e.type).toBe('signal');
    const off = t.runtime.offset(toLoss.slot);
    expect(e.gradient).toEqual([t.runtime.grads[off + 1]]);
  });

  it('explains a bias through the chain rule and other parameters simply', () => {
    const t = trained(example('xor'), 2);
    const bias = t.plan.blocks.find((b) => b.name === 'bias')!;
    const e = explainParameter(t, bias.offset) as WeightExplanation;
    expect(e.type).toBe('neuron-bias');
    expect(e.sum).toBe(t.thetaGrad[bias.offset]);
    for (const term of e.terms) expect(term.x).toBe(1);
    const dense = trained(example('sine'), 2);
    const p = explainParameter(dense, 5);
    expect(p.type).toBe('parameter');
    if (p.type === 'parameter') expect(p.gradient).toBe(dense.thetaGrad[5]);
  });
});
