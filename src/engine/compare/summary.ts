/**
 * A compared run's points and the row of the table made from them. Numbers only: the panel prints
 * them with the one number formatter.
 */
import type { Evaluation } from '../training/evaluate';
import { atTarget, type FirstAtTarget } from './target';

export interface RunPoint {
  step: number;
  /** Mean loss over the whole training set (null when it has no examples). */
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

export interface RunSummary {
  /** The last step judged. */
  step: number;
  trainLoss: number | null;
  testLoss: number | null;
  /** Test accuracy when there is a test set, else training accuracy; null for regression. */
  accuracy: number | null;
  accuracyOn: 'test' | 'train' | null;
  /**
   * The first step whose training loss is at or below the target; null: not reached. Exact when the
   * run searched for this target (target.ts) or judged every step up to it; else the first judged one.
   */
  stepsToTarget: number | null;
  /** False when stepsToTarget is only the first judged step at the target (it may be earlier). */
  stepsToTargetExact: boolean;
}

export function runPoint(e: Evaluation): RunPoint {
  return {
    step: e.step,
    trainLoss: e.train.loss,
    testLoss: e.test.count > 0 ? e.test.loss : null,
    trainAccuracy: e.train.accuracy,
    testAccuracy: e.test.count > 0 ? e.test.accuracy : null,
  };
}

export function summarizeRun(
  points: readonly RunPoint[],
  target?: number,
  firstAtTarget?: FirstAtTarget,
): RunSummary | null {
  const last = points.at(-1);
  if (!last) return null;
  const k = target === undefined ? -1 : points.findIndex((p) => atTarget(p.trainLoss, target));
  const reached = k < 0 ? undefined : points[k];
  // The step before was judged too (or this is step 0): nothing in between could have been earlier.
  const judgedUpTo = k === 0 || (k > 0 && points[k].step - points[k - 1].step === 1);
  const searched = firstAtTarget !== undefined && firstAtTarget.target === target;
  const onTest = last.testAccuracy !== null;
  const accuracy = onTest ? last.testAccuracy : last.trainAccuracy;
  return {
    step: last.step,
    trainLoss: last.trainLoss,
    testLoss: last.testLoss,
    accuracy,
    accuracyOn: accuracy === null ? null : onTest ? 'test' : 'train',
    stepsToTarget: searched ? firstAtTarget.step : reached ? reached.step : null,
    stepsToTargetExact: searched || judgedUpTo,
  };
}
