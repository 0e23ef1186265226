/**
 * A compared run without a worker: the command line, the lessons' tests and the unit tests use it.
 * The app's runner (store/compare-runner.ts) does the same in one training worker per variant.
 */
import type { Graph } from '../graph';
import { TrainingSession } from '../training/session';
import { evaluationSteps } from './schedule';
import { type RunPoint, runPoint } from './summary';
import { atTarget, type FirstAtTarget, targetGap } from './target';

export interface RunResult {
  points: RunPoint[];
  /** With a target: the first step at it, searched step by step between judgements (target.ts). */
  firstAtTarget?: FirstAtTarget;
  /** The step at which a number stopped being finite, when one did. */
  stoppedAt: number | null;
  /** Why the variant could not train at all (a diagnostic's message). */
  error?: string;
}

export function runVariant(graph: Graph, steps: number, target?: number): RunResult {
  const session = new TrainingSession({ evaluateEvery: 0 });
  const loaded = session.load(graph);
  if (!loaded.ok) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    return { points: [], stoppedAt: null, error: first?.message ?? 'the network does not compile' };
  }
  const points: RunPoint[] = [];
  let firstAtTarget: FirstAtTarget | undefined;
  const result = (stoppedAt: number | null): RunResult =>
    firstAtTarget ? { points, stoppedAt, firstAtTarget } : { points, stoppedAt };
  let at = 0;
  for (const step of evaluationSteps(steps)) {
    if (step > at) at += session.run({ steps: step - at });
    if (at < step || session.nonFinite) return result(at);
    const e = session.evaluate();
    if (!e) continue;
    points.push(runPoint(e));
    if (target === undefined || firstAtTarget) continue;
    const gap = targetGap(points, target);
    if (gap) firstAtTarget = { target, step: searchGap(session, gap, target) };
    else if (atTarget(e.train.loss, target)) firstAtTarget = { target, step };
  }
  return result(null);
}

/** Back to `from`, then one step at a time: the first step at the target (at most `to`), and on to `to`. */
function searchGap(session: TrainingSession, gap: { from: number; to: number }, target: number): number {
  session.rewind(gap.from);
  let found = gap.to;
  for (let t = gap.from + 1; t < gap.to; t++) {
    session.run({ steps: 1 });
    if (atTarget(session.evaluate()?.train.loss ?? null, target)) {
      found = t;
      break;
    }
  }
  session.run({ until: gap.to });
  return found;
}
