/**
 * `compare <graph> --variant SPEC … [--steps N] [--target L] [--json]`: the network as it is and
 * each variant (variant-spec.ts), trained one after another by the engine's headless runner from
 * their seeded starts over the same order of examples, judged on the whole training and test sets
 * at the compare schedule's steps, as the app's "Runs compared" panel does. Prints a table (final
 * losses, accuracy, the first judged step at the target) or, with --json, one object.
 */
import {
  applyChanges,
  ChangeError,
  type ComparedRuns,
  describeChange,
  evaluationSteps,
  MAX_VARIANTS,
  type RunPoint,
  type RunSummary,
  runVariant,
  summarizeRun,
  variantGraph,
} from '../../engine/compare';
import { formatNumber } from '../../engine/text/number';
import { UsageError } from '../args';
import { InputError, loadDocument } from '../load';
import { compileOrFail } from '../plan';
import { parseVariant } from '../variant-spec';

export interface CompareOptions {
  variants: readonly string[];
  steps: number;
  target?: number;
  json: boolean;
}

/** One run as --json prints it. */
export interface CompareRunJson extends Omit<RunSummary, 'step'> {
  name: string;
  changes: ComparedRuns['variants'][number]['changes'];
  /** The last step judged (fewer than --steps when a number stopped being finite). */
  step: number | null;
  /** The step at which a number stopped being finite, else null. */
  stoppedAt: number | null;
  /** Why the run could not train at all. */
  error?: string;
  points: RunPoint[];
}

export const AS_IT_IS = 'as it is';

export function compare(source: string | undefined, options: CompareOptions): number {
  if (options.variants.length === 0)
    throw new UsageError('give at least one --variant, e.g. --variant "optimizer=adam"');
  if (options.variants.length > MAX_VARIANTS - 1)
    throw new UsageError(
      `at most ${MAX_VARIANTS - 1} --variant (${MAX_VARIANTS} runs with the network as it is), not ${options.variants.length}`,
    );
  if (options.target !== undefined && !(Number.isFinite(options.target) && options.target >= 0))
    throw new UsageError(`--target must be a loss of at least 0, not ${options.target}`);
  const doc = loadDocument(source);
  compileOrFail(doc);
  const specs = options.variants.map(parseVariant);
  const runs: ComparedRuns = {
    steps: options.steps,
    target: options.target,
    variants: [
      { name: AS_IT_IS, changes: [] },
      ...specs.map((s) => ({
        name: s.name || s.changes.map((c) => describeChange(c, doc)).join(', '),
        changes: s.changes,
      })),
    ],
  };
  runs.variants.forEach((v, k) => {
    try {
      applyChanges(doc, v.changes);
    } catch (e) {
      if (e instanceof ChangeError) throw new InputError(`--variant ${k}: ${e.message}`);
      throw e;
    }
  });
  const results: CompareRunJson[] = runs.variants.map((v, k) => {
    const result = runVariant(variantGraph(doc, runs, k), runs.steps);
    const summary = summarizeRun(result.points, runs.target);
    return {
      name: v.name,
      changes: v.changes,
      step: summary?.step ?? null,
      trainLoss: summary?.trainLoss ?? null,
      testLoss: summary?.testLoss ?? null,
      accuracy: summary?.accuracy ?? null,
      accuracyOn: summary?.accuracyOn ?? null,
      stepsToTarget: summary?.stepsToTarget ?? null,
      stoppedAt: result.stoppedAt,
      ...(result.error === undefined ? {} : { error: result.error }),
      points: result.points,
    };
  });
  const every = judgedEvery(runs.steps);
  if (options.json) {
    const out = { steps: runs.steps, target: runs.target ?? null, judgedEvery: every, runs: results };
    process.stdout.write(`${JSON.stringify(out, nonFiniteAsNull)}\n`);
  } else {
    process.stdout.write(compareTable(results, runs.steps, runs.target));
  }
  return 0;
}

/** Steps between two judgements (the compare schedule: step 0, then about a hundred up to the last). */
export function judgedEvery(steps: number): number {
  const judged = evaluationSteps(steps);
  return judged.length > 1 ? judged[1] - judged[0] : 1;
}

const nonFiniteAsNull = (_: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

const num = (x: number | null) => (x === null ? '—' : formatNumber(x, { digits: 4 }));

/** The runs as a text table, with what each column measures under it. */
export function compareTable(results: readonly CompareRunJson[], steps: number, target?: number): string {
  const every = judgedEvery(steps);
  const header = [
    'run',
    'training loss',
    'test loss',
    'accuracy',
    target === undefined ? '' : `loss ≤ ${num(target)} at`,
  ];
  const rows = results.map((r) => [
    r.name,
    num(r.trainLoss),
    num(r.testLoss),
    r.accuracy === null ? '—' : `${formatNumber(r.accuracy * 100, { digits: 4 })} % (${r.accuracyOn})`,
    target === undefined ? '' : targetCell(r, every),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  const notes = results.flatMap((r) =>
    r.error !== undefined
      ? [`${r.name}: cannot train: ${r.error}`]
      : r.stoppedAt !== null
        ? [`${r.name}: stopped at step ${r.stoppedAt}: a number is not finite`]
        : [],
  );
  const judged =
    every === 1
      ? `Judged on the whole training (and test) set at every step of ${steps}.`
      : `Judged on the whole training (and test) set at step 0 and every ${every} steps up to ${steps}${
          target === undefined ? '' : '; "by step s": the first judged step at the target'
        }.`;
  return `${[line(header), ...rows.map(line), '', judged, ...notes].join('\n')}\n`;
}

function targetCell(r: CompareRunJson, every: number): string {
  if (r.stepsToTarget === null) return r.step === null ? '—' : 'not reached';
  return every === 1 || r.stepsToTarget === 0 ? `step ${r.stepsToTarget}` : `by step ${r.stepsToTarget}`;
}
