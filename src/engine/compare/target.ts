/**
 * The first step at a target loss. Runs are judged on the whole training set only at the compare
 * schedule's steps (schedule.ts); when the first judgement at or below the target comes more than
 * one step after the judgement before it, the runner goes back to that judgement (a rewind: runs
 * are reproducible bit for bit) and judges every step in between, so the step it reports is the
 * first at the target after the last judgement above it — not a judgement up to `every` steps late.
 */
import type { RunPoint } from './summary';

/** The first step at or below `target`, found for the target the run was made with. */
export interface FirstAtTarget {
  target: number;
  step: number;
}

export const atTarget = (loss: number | null, target: number): boolean =>
  loss !== null && Number.isFinite(loss) && loss <= target;

/**
 * When the newest point is the first at the target: the steps to judge one by one, after the
 * judgement before it (`from`, above the target) and before the point itself (`to`). Null when
 * there is nothing to search (not at the target yet, reached before, or no gap).
 */
export function targetGap(
  points: readonly RunPoint[],
  target: number | undefined,
): { from: number; to: number } | null {
  const last = points.at(-1);
  if (target === undefined || !last || !atTarget(last.trainLoss, target)) return null;
  const before = points.at(-2);
  if (!before || atTarget(before.trainLoss, target)) return null;
  if (points.slice(0, -2).some((p) => atTarget(p.trainLoss, target))) return null;
  return last.step - before.step > 1 ? { from: before.step, to: last.step } : null;
}
