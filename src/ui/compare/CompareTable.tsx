/**
 * Each run's row: its final training and test loss, accuracy and the first judged step at which its
 * training-set loss was at or below the target. Runs are judged at step 0 and every `every` steps
 * (evaluationSteps), not at every step: with more than one step between judgements the cell says
 * "by step s" and the note under the table says how often the runs were judged.
 */
import { evaluationSteps, type RunSummary, type Variant } from '../../engine/compare';
import type { VariantRun } from '../../store/compare';
import { fmt } from '../training/format';

interface Props {
  variants: readonly Variant[];
  runs: readonly (VariantRun | null)[];
  rows: readonly (RunSummary | null)[];
  fresh: readonly boolean[];
  target?: number;
  /** The steps each run takes (how often it is judged follows from it). */
  steps: number;
}

export function CompareTable({ variants, runs, rows, fresh, target, steps }: Props) {
  const judged = evaluationSteps(steps);
  const every = judged.length > 1 ? judged[1] - judged[0] : 1;
  return (
    <>
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">Each run’s result</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Training loss</th>
            <th scope="col">Test loss</th>
            <th scope="col">Accuracy</th>
            <th scope="col">{target === undefined ? 'Target' : `Loss ≤ ${fmt(target)} at`}</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((v, k) => {
            const run = runs[k] ?? null;
            const row = rows[k] ?? null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the comparison.
              <tr key={k} data-testid="compare-row" className={fresh[k] ? undefined : 'is-stale'}>
                <th scope="row" className={`compare-c${k}`}>
                  <span className="compare-swatch" aria-hidden="true" />
                  {v.name}
                  <span className="compare-table__status">{statusText(run, fresh[k] ?? false)}</span>
                </th>
                <td>{row?.trainLoss == null ? '—' : fmt(row.trainLoss)}</td>
                <td>{row?.testLoss == null ? '—' : fmt(row.testLoss)}</td>
                <td>
                  {row?.accuracy == null ? '—' : `${fmt(row.accuracy * 100)} %`}
                  {row?.accuracyOn === 'train' && (
                    <span className="compare-table__note"> (training set)</span>
                  )}
                </td>
                <td>{targetText(row, target, every)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {target !== undefined && (
        <p className="compare-table__foot" data-testid="compare-target-note">
          {every === 1
            ? `The step is the first at which the loss over the whole training set was at most ${fmt(target)}.`
            : `Runs are judged on the whole training set at step 0 and every ${every} steps: “by step s” is the first judged step with a loss of at most ${fmt(target)} (at the judgement before, it was above).`}
        </p>
      )}
    </>
  );
}

function statusText(run: VariantRun | null, fresh: boolean): string {
  if (!run) return 'not run yet';
  if (run.status === 'error') return `cannot train: ${run.error}`;
  if (run.status === 'diverged') return `stopped at step ${run.stoppedAt}: a number is not finite`;
  if (!fresh && run.status !== 'running') return 'changed since this run';
  if (run.status === 'running') return `step ${run.points.at(-1)?.step ?? 0}…`;
  if (run.status === 'stopped') return `stopped at step ${run.points.at(-1)?.step ?? 0}`;
  return `after ${run.points.at(-1)?.step ?? 0} steps`;
}

function targetText(row: RunSummary | null, target: number | undefined, every: number): string {
  if (target === undefined) return '—';
  if (!row) return '—';
  if (row.stepsToTarget === null) return 'not reached';
  // Step 0 is judged itself; a later first judgement only says the target came within `every` steps.
  return every === 1 || row.stepsToTarget === 0
    ? `step ${row.stepsToTarget}`
    : `by step ${row.stepsToTarget}`;
}
