/**
 * A lesson's checks judged in the UI thread: the training worker holds the run, the UI holds its
 * numbers (the overlay, keyed by edge and node id, each block with its key in the layout) and the
 * compiled plan of the document (useCompiled). θ for the plan is put together from the overlay's
 * blocks, matched by block key; a block training has no numbers for (nothing loaded yet) gets its
 * seeded initial value, as a reset would give it. The engine's evaluateChecks then runs the plan
 * on the check inputs in a runtime of its own. No React here.
 */
import type { Plan } from '../engine/compiler/plan';
import { type CheckResult, evaluateChecks, expectationTex, type LessonCheck } from '../engine/lessons';
import { initialParameters } from '../engine/runtime/parameters';
import type { TrainingLayout } from '../engine/training';
import type { OverlayState, ParamOverlay } from './training-overlay';

export interface CheckRow extends CheckResult {
  /** The expectation as KaTeX ("= 0", "> 0", "\\ge 0.5"). */
  expectTex: string;
}

export interface LessonModel {
  plan: Plan;
  theta: Float64Array;
  /** Whether every block's numbers came from the training run (else some are initial values). */
  fromRun: boolean;
}

/** Every parameter block the overlay holds, by block key. */
function overlayBlocks(layout: TrainingLayout, overlay: OverlayState): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  const add = (p: ParamOverlay | null | undefined) => {
    const block = p ? layout.blocks[p.block] : undefined;
    if (p && block) out.set(block.key, p.value);
  };
  for (const e of overlay.edges.values()) add(e.param);
  for (const n of overlay.nodes.values()) for (const p of n.params) add(p);
  return out;
}

/**
 * θ for `plan` from what training shows: the overlay's numbers where the layout it belongs to has
 * the same block (key and size), the plan's initial values elsewhere.
 */
export function modelFromOverlay(
  plan: Plan,
  layout: TrainingLayout | null,
  overlay: OverlayState,
): LessonModel {
  const theta = initialParameters(plan);
  const usable = layout !== null && overlay.loadId !== 0 && overlay.loadId === layout.loadId;
  const blocks = usable ? overlayBlocks(layout, overlay) : new Map<string, readonly number[]>();
  let fromRun = usable;
  for (const b of plan.blocks) {
    const values = blocks.get(b.key);
    if (values && values.length === b.size) theta.set(values, b.offset);
    else fromRun = false;
  }
  return { plan, theta, fromRun };
}

/** The checks on a model, each with its expectation as KaTeX. */
export function judgeChecks(model: LessonModel, checks: readonly LessonCheck[]): CheckRow[] {
  const results = evaluateChecks(model, checks);
  return results.map((r, i) => ({ ...r, expectTex: expectationTex(checks[i].expect) }));
}

export interface ParameterValue {
  label: string;
  value: number;
}

/** The model's single-number parameters by label (w, b, a…), at most `limit`; none when there are more. */
export function scalarParameters(model: LessonModel, limit = 8): ParameterValue[] {
  const scalars = model.plan.blocks.filter((b) => b.size === 1);
  if (scalars.length > limit || scalars.length !== model.plan.blocks.length) return [];
  // Weights (on edges) before the parameters nodes own: w before b.
  const ordered = [...scalars.filter((b) => b.edgeId), ...scalars.filter((b) => !b.edgeId)];
  return ordered.map((b) => ({ label: b.label, value: model.theta[b.offset] }));
}
