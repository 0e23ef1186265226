/**
 * A compared run's points and the row of the table made from them. Numbers only: the panel prints
 * them with the one number formatter.
 */
import type { Evaluation } from '../training/evaluate';

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
  /** The first judged step whose training loss is at or below the target; null: not reached. */
  stepsToTarget: number | null;
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

export function summarizeRun(points: readonly RunPoint[], target?: number): RunSummary | null {
  const last = points.at(-1);
  if (!last) return null;
  const reached =
    target === undefined
      ? undefined
      : points.find((p) => p.trainLoss !== null && Number.isFinite(p.trainLoss) && p.trainLoss <= target);
  const onTest = last.testAccuracy !== null;
  const accuracy = onTest ? last.testAccuracy : last.trainAccuracy;
  return {
    step: last.step,
    trainLoss: last.trainLoss,
    testLoss: last.testLoss,
    accuracy,
    accuracyOn: accuracy === null ? null : onTest ? 'test' : 'train',
    stepsToTarget: reached ? reached.step : null,
  };
}
