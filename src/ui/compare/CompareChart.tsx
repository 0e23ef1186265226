/**
 * One chart, every run: each variant's training loss (solid) and test loss (dashed) over the steps,
 * in its own colour, with a legend. The table under it has the same numbers to read. "PNG" saves
 * the chart and its legend as a picture (the picture code loads on first use).
 */
import { useRef } from 'react';
import type { RunPoint } from '../../engine/compare';
import { SavePngButton } from '../pictures/SavePngButton';
import { fmt } from '../training/format';
import { chartScale, lossPath } from './chart-geometry';

const BOX = { width: 420, height: 200, left: 52, right: 10, top: 8, bottom: 22 };

export interface ChartRun {
  name: string;
  points: readonly RunPoint[];
}

export function CompareChart({ runs, steps }: { runs: readonly ChartRun[]; steps: number }) {
  const scale = chartScale(
    runs.map((r) => r.points),
    steps,
    BOX,
  );
  const hasTest = runs.some((r) => r.points.some((p) => p.testLoss !== null));
  const figure = useRef<HTMLElement>(null);
  return (
    <figure ref={figure} className="compare-chart" data-testid="compare-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={`Training${hasTest ? ' and test' : ''} loss of ${runs.length} runs over ${steps} steps, log scale; the table below has the numbers`}
      >
        {scale && (
          <g className="compare-chart__axes">
            {scale.yTicks.map((t) => (
              <g key={t}>
                <line x1={BOX.left} x2={BOX.width - BOX.right} y1={scale.y(t)} y2={scale.y(t)} />
                <text x={BOX.left - 4} y={scale.y(t) + 4} textAnchor="end">
                  {fmt(t)}
                </text>
              </g>
            ))}
            {scale.xTicks.map((t, i) => (
              <text
                key={t}
                x={scale.x(t)}
                y={BOX.height - 6}
                textAnchor={i === 0 ? 'start' : i === scale.xTicks.length - 1 ? 'end' : 'middle'}
              >
                {i === scale.xTicks.length - 1 ? `step ${fmt(t)}` : fmt(t)}
              </text>
            ))}
          </g>
        )}
        {scale &&
          runs.map((r, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the comparison.
            <g key={k} className={`compare-chart__run compare-c${k}`} data-testid="compare-curve">
              <path d={lossPath(r.points, 'trainLoss', scale)} className="compare-chart__train" />
              {hasTest && <path d={lossPath(r.points, 'testLoss', scale)} className="compare-chart__test" />}
            </g>
          ))}
      </svg>
      <figcaption className="compare-chart__legend" data-testid="compare-legend">
        {runs.map((r, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the comparison.
          <span key={k} className={`compare-legend__item compare-c${k}`}>
            <span className="compare-swatch" aria-hidden="true" />
            {r.name}
          </span>
        ))}
        <SavePngButton target={() => figure.current} what="Runs compared" />
        <span className="compare-legend__key">
          solid: training loss{hasTest ? ', dashed: test loss' : ''} (whole set, log scale)
        </span>
      </figcaption>
    </figure>
  );
}
