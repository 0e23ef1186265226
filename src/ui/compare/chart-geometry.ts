/**
 * Where the compare chart draws: steps → x, loss → y on a log scale (losses of different runs span
 * decades: the border example's from 125,000 down to 0.5). Pixels only; the numbers come from the
 * runs.
 */
import type { RunPoint } from '../../engine/compare';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartScale {
  x(step: number): number;
  y(loss: number): number;
  /** Losses at which to draw a tick: powers of ten in range, or the ends. */
  yTicks: number[];
  xTicks: number[];
}

export function chartScale(
  series: readonly (readonly RunPoint[])[],
  steps: number,
  box: ChartBox,
): ChartScale | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const points of series)
    for (const p of points)
      for (const v of [p.trainLoss, p.testLoss])
        if (v !== null && Number.isFinite(v) && v > 0) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
  if (!(hi > 0)) return null;
  if (hi / lo < 1.0001) {
    lo /= 2;
    hi *= 2;
  }
  const l0 = Math.log10(lo);
  const l1 = Math.log10(hi);
  const plotH = box.height - box.top - box.bottom;
  const plotW = box.width - box.left - box.right;
  const y = (loss: number) => {
    const v = Math.log10(Math.max(loss, lo));
    return box.top + (1 - (v - l0) / (l1 - l0)) * plotH;
  };
  const x = (step: number) => box.left + (steps > 0 ? step / steps : 0) * plotW;
  const yTicks: number[] = [];
  for (let e = Math.ceil(l0); e <= Math.floor(l1); e++) yTicks.push(10 ** e);
  if (yTicks.length < 2) yTicks.splice(0, yTicks.length, lo, hi);
  const xTicks = [0, Math.round(steps / 2), steps];
  return { x, y, yTicks: thin(yTicks, 6), xTicks };
}

/** At most `n` ticks, keeping the ends. */
function thin(ticks: number[], n: number): number[] {
  if (ticks.length <= n) return ticks;
  const every = Math.ceil(ticks.length / n);
  return ticks.filter((_, i) => i % every === 0 || i === ticks.length - 1);
}

/** An SVG path through the points' `key` loss; a gap where a loss is missing or not finite. */
export function lossPath(
  points: readonly RunPoint[],
  key: 'trainLoss' | 'testLoss',
  scale: ChartScale,
): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    const v = p[key];
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${scale.x(p.step).toFixed(1)},${scale.y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}
