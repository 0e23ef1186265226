/**
 * Judging a lesson's checks: each check's input is fed to the Dataset node, as one example of a
 * batch, and the whole graph runs forward with the model's θ, so an input in the dataset's units
 * passes through any scaling the document does before the neuron. The value read is the node
 * feeding the trained loss's prediction (or the node the check names). Runs in a runtime of its
 * own: the training run's buffers and gradients are never touched.
 */
import type { Plan } from '../compiler/plan';
import { Runtime } from '../runtime/runtime';
import { findPrediction, type Model, nodeBuffer } from '../training/prediction';
import type { Approx, CheckExpectation, LessonCheck } from './types';

export interface CheckResult {
  label: string;
  input: number[];
  /** The value read; NaN when the check could not run (see `error`). */
  value: number;
  pass: boolean;
  /** Why the check could not run on this plan (wrong input size, unknown node). */
  error?: string;
}

/** Evaluates every check with the model's θ (a Trainer is a model). */
export function evaluateChecks(model: Model, checks: readonly LessonCheck[]): CheckResult[] {
  const { plan, theta } = model;
  const results: CheckResult[] = checks.map((c) => ({
    label: c.label,
    input: [...c.input],
    value: Number.NaN,
    pass: false,
  }));
  if (checks.length === 0) return results;
  const runtime = new Runtime(plan, theta, new Float64Array(plan.paramCount), checks.length);
  const reads = checks.map((c) => readerOf(plan, c));
  const features = plan.data?.table.nFeatures ?? 0;
  const featureOff = plan.data ? runtime.offset(plan.data.features) : 0;
  checks.forEach((check, b) => {
    if (check.input.length !== features) {
      results[b].error = plan.data
        ? `the input has ${check.input.length} number(s) but the dataset has ${features} feature(s)`
        : 'the document has no dataset, so the input must be []';
    } else {
      runtime.values.set(check.input, featureOff + b * features);
    }
    const read = reads[b];
    if (typeof read === 'string') results[b].error ??= read;
  });
  runtime.n = checks.length;
  runtime.forward();
  checks.forEach((check, b) => {
    const read = reads[b];
    if (results[b].error || typeof read === 'string') return;
    const value = runtime.values[runtime.offset(read.slot) + b * read.slot.width + read.index];
    results[b].value = value;
    results[b].pass = expectationHolds(check.expect, value);
  });
  return results;
}

/** Where a check reads its value, or why it cannot. */
function readerOf(plan: Plan, check: LessonCheck) {
  if (check.node === undefined) {
    const p = findPrediction(plan);
    if (!p) return 'the document has no trained loss reading a prediction';
    return { slot: p.slot, index: Math.min(check.index ?? 0, p.slot.width - 1) };
  }
  const node = plan.nodes.get(check.node as never);
  if (!node) return `no node has id "${check.node}"`;
  const port = check.port ?? Object.keys(node.outputs)[0];
  const slot = port === undefined ? undefined : nodeBuffer(node, port);
  if (!slot) return `node "${check.node}" has no output "${port}"`;
  const index = check.index ?? 0;
  if (index >= slot.width) return `output "${port}" of "${check.node}" has only ${slot.width} number(s)`;
  return { slot, index };
}

export function expectationHolds(expect: CheckExpectation, value: number): boolean {
  if (Number.isNaN(value)) return false;
  if (expect === 'zero') return value === 0;
  if (expect === 'positive') return value > 0;
  if (expect === 'negative') return value < 0;
  switch (expect.op) {
    case '<':
      return value < expect.value;
    case '<=':
      return value <= expect.value;
    case '>':
      return value > expect.value;
    case '>=':
      return value >= expect.value;
    case '=':
      return Math.abs(value - expect.value) <= (expect.tolerance ?? 0);
  }
}

/** The expectation as KaTeX, e.g. "= 0", "> 0", "\\ge 0.5": for a UI that shows it after the value. */
export function expectationTex(expect: CheckExpectation): string {
  if (expect === 'zero') return '= 0';
  if (expect === 'positive') return '> 0';
  if (expect === 'negative') return '< 0';
  const op = { '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge', '=': '=' }[expect.op];
  const tolerance = expect.op === '=' && expect.tolerance ? ` \\pm ${expect.tolerance}` : '';
  return `${op} ${expect.value}${tolerance}`;
}

/**
 * The difference a stated number allows: its own when given; for a bare number with decimals, half
 * a unit in the last decimal written (0.99961 → 5e-6, −98.8 → 0.05); a whole number is meant
 * exactly (4 → 4, up to floating-point rounding).
 */
export function approxTolerance(approx: Approx): number {
  if (typeof approx !== 'number') return approx.tolerance;
  const d = decimals(approx);
  return d === 0 ? 1e-9 * Math.max(1, Math.abs(approx)) : 0.5 * 10 ** -d * (1 + 1e-9);
}

export function approxValue(approx: Approx): number {
  return typeof approx === 'number' ? approx : approx.value;
}

/** Whether `actual` is the number a lesson states. */
export function matchesApprox(actual: number, approx: Approx): boolean {
  return Math.abs(actual - approxValue(approx)) <= approxTolerance(approx);
}

/** Decimals of the shortest form of x: 0.99961 → 5, 1e-7 → 7, 1.5e-7 → 8, 1200 → 0. */
function decimals(x: number): number {
  const [mantissa, exponent] = String(Math.abs(x)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}
