import { computeLandscape, type Landscape, planeFor, trainPath } from '../../engine';
import { UsageError } from '../args';
import { loadDocument } from '../load';
import { compileOrFail } from '../plan';

export interface LandscapeOptions {
  steps: number;
  size: number;
  directions: 'random' | 'pca';
  json: boolean;
}

/** Largest grid the command draws (K² evaluations of the whole training set). */
export const MAX_SIZE = 201;

/**
 * `landscape <graph> [--steps N] [--size K] [--directions random|pca] [--json]`: trains N steps,
 * then evaluates the training-set loss over a K×K grid of a plane through the last θ and prints it
 * with the path (θ at steps 0…N in plane coordinates). A two-parameter network's axes are its two
 * parameters. The path stops early at a step whose numbers are not finite.
 */
export function landscape(source: string | undefined, options: LandscapeOptions): number {
  if (options.size < 2 || options.size > MAX_SIZE)
    throw new UsageError(`--size must be between 2 and ${MAX_SIZE}, not ${options.size}`);
  const plan = compileOrFail(loadDocument(source));
  const path = trainPath(plan, options.steps);
  const plane = planeFor(plan, path[path.length - 1], path, { directions: options.directions });
  const land = computeLandscape(plan, plane, path, options.size);
  if (path.length < options.steps + 1)
    process.stderr.write(
      `neurograph: training stopped at step ${path.length}: a number was not finite; the path ends at step ${path.length - 1}\n`,
    );
  process.stdout.write(options.json ? `${JSON.stringify(toJson(land))}\n` : textHeatmap(land));
  return 0;
}

/** The landscape as plain JSON; a loss that is not finite is null. */
export function toJson(land: Landscape) {
  const k = land.size;
  return {
    axes: land.axes.map((a) => ({ name: a.name, values: a.values })),
    loss: Array.from({ length: k }, (_, i) =>
      Array.from(land.loss.subarray(i * k, i * k + k), (l) => (Number.isFinite(l) ? l : null)),
    ),
    path: land.path,
  };
}

const RAMP = ' .:-=+*#%@';

/**
 * A character per grid point, darker for more loss on a log scale; the first axis runs left to
 * right, the second bottom to top. The path's points are o, its start S and its end X.
 */
export function textHeatmap(land: Landscape): string {
  const k = land.size;
  const [a0, a1] = land.axes;
  const lo = Math.log(Math.max(land.min, Number.MIN_VALUE));
  const hi = Math.log(Math.max(land.max, Number.MIN_VALUE));
  const cells = Array.from({ length: k }, (_, j) =>
    Array.from({ length: k }, (_, i) => {
      const l = land.loss[i * k + j];
      if (!Number.isFinite(l)) return '?';
      const t = hi > lo ? (Math.log(Math.max(l, Number.MIN_VALUE)) - lo) / (hi - lo) : 0;
      return RAMP[Math.min(RAMP.length - 1, Math.floor(t * RAMP.length))];
    }),
  );
  const cell = (v: number, values: number[]) =>
    Math.round(((v - values[0]) / (values[k - 1] - values[0])) * (k - 1));
  const mark = ([x, y]: [number, number], c: string) => {
    const i = cell(x, a0.values);
    const j = cell(y, a1.values);
    if (i >= 0 && i < k && j >= 0 && j < k) cells[j][i] = c;
  };
  // The start and the current point are drawn last, so steps on the same cell never hide them.
  for (const p of land.path) mark(p, 'o');
  mark(land.path[0], 'S');
  mark(land.path[land.path.length - 1], 'X');
  const fmt = (v: number) => Number(v.toPrecision(4)).toString();
  const lines = [
    `loss over ${a0.name} (→, ${fmt(a0.values[0])} … ${fmt(a0.values[k - 1])}) and ${a1.name} (↑, ${fmt(a1.values[0])} … ${fmt(a1.values[k - 1])})`,
    ...cells.reverse().map((row) => `|${row.join('')}|`),
    `log scale: "${RAMP[0]}" ${fmt(land.min)} … "${RAMP[RAMP.length - 1]}" ${fmt(land.max)}; path: S start, o steps, X now`,
  ];
  return `${lines.join('\n')}\n`;
}
