/**
 * A compared run without a worker: the command line, the lessons' tests and the unit tests use it.
 * The app's runner (store/compare-runner.ts) does the same in one training worker per variant.
 */
import type { Graph } from '../graph';
import { TrainingSession } from '../training/session';
import { evaluationSteps } from './schedule';
import { type RunPoint, runPoint } from './summary';

export interface RunResult {
  points: RunPoint[];
  /** The step at which a number stopped being finite, when one did. */
  stoppedAt: number | null;
  /** Why the variant could not train at all (a diagnostic's message). */
  error?: string;
}

export function runVariant(graph: Graph, steps: number): RunResult {
  const session = new TrainingSession({ evaluateEvery: 0 });
  const loaded = session.load(graph);
  if (!loaded.ok) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    return { points: [], stoppedAt: null, error: first?.message ?? 'the network does not compile' };
  }
  const points: RunPoint[] = [];
  let at = 0;
  for (const step of evaluationSteps(steps)) {
    if (step > at) at += session.run({ steps: step - at });
    if (at < step || session.nonFinite) return { points, stoppedAt: at };
    const e = session.evaluate();
    if (e) points.push(runPoint(e));
  }
  return { points, stoppedAt: null };
}
