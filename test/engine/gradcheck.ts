/**
 * A finite-difference gradient checker: backprop's ∂L/∂θ (and ∂L/∂x of the dataset features) must
 * match central differences (L(θ + ε) − L(θ − ε)) / 2ε on the same batch.
 *
 * L is recomputed by calling the runtime directly (forward, then computeLoss), never the trainer's
 * phases, so the loader does not move on to another batch between the two sides of a difference.
 */

import { compile } from '../../src/engine/compiler/compile';
import type { Plan, SlotLayout } from '../../src/engine/compiler/plan';
import type { Graph, NodeId } from '../../src/engine/graph';
import { Trainer } from '../../src/engine/runtime/trainer';

export interface GradCheckOptions {
  /** Step of the central difference. */
  eps?: number;
  /** A gradient passes if |analytic − numeric| ≤ atol + rtol·|numeric|. */
  atol?: number;
  rtol?: number;
  /** Also check ∂L/∂x for every dataset feature of the batch (default: when there is a dataset). */
  features?: boolean;
}

export interface Mismatch {
  /** The parameter block's label and index, e.g. "w(x→n2)[1]", or "features[b=3, x1]". */
  name: string;
  analytic: number;
  numeric: number;
}

export interface GradCheck {
  plan: Plan;
  trainer: Trainer;
  /** L at the unperturbed θ. */
  loss: number;
  /** Backprop's ∂L/∂θ. */
  thetaGrad: Float64Array;
  /** Backprop's ∂L/∂features (n × nFeatures), or null without a dataset. */
  featureGrad: Float64Array | null;
  /** How many derivatives were compared. */
  checked: number;
  failures: Mismatch[];
  /** Largest |analytic| seen: 0 would mean the check compared nothing but zeros. */
  largest: number;
  /** The batch's numbers in a node's output or scratch buffer (n × width), at the unperturbed θ. */
  valuesOf(node: NodeId, name: string): number[];
  /** The batch's numbers arriving at a node's input port (first edge). */
  inputOf(node: NodeId, port?: string): number[];
  /** Backprop's ∂L/∂(a node's output or scratch buffer), n × width. */
  gradsOf(node: NodeId, name?: string): number[];
}

export const DEFAULTS = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 };

export function compileOrThrow(graph: Graph): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `  ${d.code}: ${d.message}`);
    throw new Error(`graph does not compile:\n${errors.join('\n')}`);
  }
  return plan;
}

export function gradCheck(graph: Graph, options: GradCheckOptions = {}): GradCheck {
  const { eps, atol, rtol } = { ...DEFAULTS, ...options };
  const plan = compileOrThrow(graph);
  const trainer = new Trainer(plan);
  trainer.gradientStep();
  const rt = trainer.runtime;
  const theta = trainer.theta;
  const loss = trainer.loss;
  if (!Number.isFinite(loss)) throw new Error(`L is not finite at the starting point: ${loss}`);

  const lossAt = () => {
    rt.forward();
    return rt.computeLoss();
  };
  const failures: Mismatch[] = [];
  let checked = 0;
  let largest = 0;
  const compare = (name: string, analytic: number, numeric: number) => {
    checked++;
    largest = Math.max(largest, Math.abs(analytic));
    if (!(Math.abs(analytic - numeric) <= atol + rtol * Math.abs(numeric)))
      failures.push({ name, analytic, numeric });
  };
  /** Central difference of L in the number at `index` of `array`, restored afterwards. */
  const numeric = (array: Float64Array, index: number) => {
    const saved = array[index];
    array[index] = saved + eps;
    const up = lossAt();
    array[index] = saved - eps;
    const down = lossAt();
    array[index] = saved;
    return (up - down) / (2 * eps);
  };

  const thetaGrad = trainer.thetaGrad.slice();
  for (const block of plan.blocks) {
    for (let k = 0; k < block.size; k++) {
      const i = block.offset + k;
      compare(block.size === 1 ? block.label : `${block.label}[${k}]`, thetaGrad[i], numeric(theta, i));
    }
  }

  let featureGrad: Float64Array | null = null;
  const data = plan.data;
  if (data && options.features !== false) {
    const off = rt.offset(data.features);
    const d = data.features.width;
    featureGrad = rt.grads.slice(off, off + rt.n * d);
    for (let i = 0; i < rt.n * d; i++) {
      const name = `features[b=${Math.floor(i / d)}, ${data.table.featureNames[i % d]}]`;
      compare(name, featureGrad[i], numeric(rt.values, off + i));
    }
  }

  // Leave the buffers as backprop saw them, for valuesOf and for the caller.
  lossAt();
  // Forward and computeLoss write only values, so grads still hold what backward computed.
  const read = (slot: SlotLayout, from = rt.values) => {
    const off = rt.offset(slot);
    return Array.from(from.subarray(off, off + rt.n * slot.width));
  };
  const planNode = (id: NodeId) => {
    const pn = plan.nodes.get(id);
    if (!pn) throw new Error(`no node ${id} in the plan`);
    return pn;
  };
  const buffer = (node: NodeId, name: string) => {
    const pn = planNode(node);
    const slot = pn.outputs[name] ?? pn.scratch[name];
    if (!slot) throw new Error(`node ${node} has no buffer "${name}"`);
    return slot;
  };
  return {
    plan,
    trainer,
    loss,
    thetaGrad,
    featureGrad,
    checked,
    failures,
    largest,
    valuesOf: (node, name) => read(buffer(node, name)),
    gradsOf: (node, name = 'out') => read(buffer(node, name), rt.grads),
    inputOf(node, port = 'in') {
      const input = planNode(node).inputs[port]?.[0];
      if (!input) throw new Error(`node ${node} has nothing at "${port}"`);
      return read(input.slot);
    },
  };
}

/**
 * Runs the check and throws a readable list of the mismatches; also refuses a vacuous pass where
 * every gradient is zero (unless `allowZero`).
 */
export function expectGradientsMatch(
  graph: Graph,
  options: GradCheckOptions & { allowZero?: boolean } = {},
): GradCheck {
  const result = gradCheck(graph, options);
  if (result.failures.length > 0) {
    const lines = result.failures
      .slice(0, 20)
      .map((f) => `  ${f.name}: backprop ${f.analytic}, finite difference ${f.numeric}`);
    const more = result.failures.length > 20 ? `\n  … and ${result.failures.length - 20} more` : '';
    throw new Error(
      `${result.failures.length} of ${result.checked} gradients disagree:\n${lines.join('\n')}${more}`,
    );
  }
  if (!options.allowZero && result.largest === 0)
    throw new Error('every gradient is zero: the check proves nothing');
  return result;
}
