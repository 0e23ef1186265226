/**
 * How the loss chart is drawn (uPlot's options): train loss, test loss, for classification
 * accuracy on a right-hand axis, and an L1/L2 penalty's own term when the loss has one; step ticks that stay legible over a million steps; y labels with
 * room measured for the widest; a dashed marker at the step shown while scrubbing. Colours come
 * from the theme's CSS variables when the chart is built (it is rebuilt when the theme changes).
 */
import type uPlot from 'uplot';
import { fmt, fmtStep, STEP_INCREMENTS } from './format';

/** uPlot's axis font. */
const AXIS_FONT =
  '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
let measure: CanvasRenderingContext2D | null | undefined;

/**
 * Room for a y axis: its widest label as the browser draws it, plus ticks and gap. Measured, not
 * guessed from a character count: "1.5e−12" has a wide minus and would lose its first digits.
 */
function axisWidth(values: readonly string[] | null): number {
  measure ??= document.createElement('canvas').getContext('2d');
  let widest = 3 * 7.2;
  for (const v of values ?? []) {
    if (!v) continue;
    let w = v.length * 7.2;
    if (measure) {
      measure.font = AXIS_FONT;
      w = measure.measureText(v).width;
    }
    widest = Math.max(widest, w);
  }
  return Math.ceil(widest + 22);
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function lossChartOptions(
  width: number,
  height: number,
  logScale: boolean,
  classification: boolean,
  /** The trained loss has a penalty: the train line is data + penalty, the penalty its own line. */
  penalized: boolean,
  /** The step to mark (the one shown while scrubbing), read at each draw; null: none. */
  marker: () => number | null,
): uPlot.Options {
  const text = cssVar('--muted');
  const grid = cssVar('--border');
  const axis = {
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    size: 40,
  };
  return {
    width: Math.floor(width),
    height: Math.floor(height),
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 5 } },
    scales: {
      x: { time: false },
      y: logScale ? { distr: 3 } : {},
      acc: { range: [0, 1] },
    },
    series: [
      { label: 'step' },
      {
        label: penalized ? 'train loss (data + penalty)' : 'train loss',
        stroke: cssVar('--accent'),
        width: 1.5,
        spanGaps: true,
        points: { show: false },
      },
      {
        label: 'test loss',
        stroke: cssVar('--train-neg'),
        width: 1.5,
        spanGaps: true,
        points: { show: true, size: 4, fill: cssVar('--train-neg') },
      },
      ...(classification
        ? [
            {
              label: 'accuracy',
              scale: 'acc',
              stroke: cssVar('--ok'),
              width: 1.2,
              dash: [4, 3],
              spanGaps: true,
              points: { show: false },
            },
          ]
        : []),
      ...(penalized
        ? [
            {
              label: 'penalty',
              stroke: cssVar('--text-2'),
              width: 1.5,
              dash: [2, 3],
              spanGaps: true,
              // Drawn at every point of the train loss (it is a term of it), so no dots.
              points: { show: false },
            },
          ]
        : []),
    ],
    axes: [
      // Steps: whole-number ticks, short labels (1k, 250k, 1M) and room for the widest of them,
      // so a run of a million steps labels its axis as legibly as one of ten.
      {
        ...axis,
        size: 28,
        space: 52,
        incrs: STEP_INCREMENTS as number[],
        values: (_u: uPlot, ticks: number[]) => ticks.map(fmtStep),
      },
      // On a log scale uPlot passes null for the ticks it leaves unlabelled. The axis is as wide
      // as its longest label (e.g. "2000", "1.5e-3"), which a fixed width used to clip.
      {
        ...axis,
        values: (_u, ticks) => ticks.map((t) => (t == null ? '' : fmt(t))),
        size: (_u: uPlot, values: string[] | null) => axisWidth(values),
      },
      ...(classification
        ? [
            {
              ...axis,
              scale: 'acc',
              side: 1 as const,
              grid: { show: false },
              size: 48,
              values: (_u: uPlot, ticks: number[]) => ticks.map((t) => `${Math.round(t * 100)}%`),
            },
          ]
        : []),
    ],
    hooks: {
      draw: [
        (u) => {
          const at = marker();
          if (at === null) return;
          const x = u.valToPos(at, 'x', true);
          const { top, height: h } = u.bbox;
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = cssVar('--text-2');
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + h);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
}
