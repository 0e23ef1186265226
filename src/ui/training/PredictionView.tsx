/**
 * What the network learned, drawn over the data: for 2 inputs a decision-boundary (or regression)
 * heatmap with the points, for 1 input the fitted curve through them. Hovering a neuron shows that
 * neuron's own output instead, as TensorFlow Playground does. Redrawn as it trains, throttled.
 */
import { useEffect, useRef, useState } from 'react';
import type { NodeId } from '../../engine/graph';
import type { DataLayout, GridPrediction } from '../../engine/training';
import type { TrainingState } from '../../store/training';
import { useTraining } from '../../store/training-app';
import { fitCanvasToDpr } from '../pictures/fit-canvas-to-dpr';
import { SavePngButton } from '../pictures/SavePngButton';
import { ConfusionView } from './ConfusionView';
import { currentPalette, diverging, fmt, type Palette, rgb } from './format';

const RESOLUTION = 48;
/** How strongly the background is coloured: the points, in full colour, stand out on it. */
const HEAT = 0.62;
const PLAYING_INTERVAL_MS = 400;

/** Categorical colours for more than two classes (Okabe–Ito, colour-blind safe). */
const CLASSES: readonly (readonly [number, number, number])[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [86, 180, 233],
  [213, 94, 0],
  [240, 228, 66],
];

function classOf(y: Float64Array, row: number, m: number): number {
  if (m === 1) return y[row] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < m; j++) if (y[row * m + j] > y[row * m + best]) best = j;
  return best;
}

function pointColor(data: DataLayout, y: Float64Array, row: number, palette: Palette, scale: number) {
  if (data.task === 'regression') return diverging(scale > 0 ? y[row * data.nTargets] / scale : 0, palette);
  const c = classOf(y, row, data.nTargets);
  if (data.nTargets === 1 || data.task === 'binary') return c === 1 ? palette.pos : palette.neg;
  return CLASSES[c % CLASSES.length];
}

function draw(canvas: HTMLCanvasElement, grid: GridPrediction, data: DataLayout, neuron: boolean): void {
  const fitted = fitCanvasToDpr(canvas);
  if (!fitted) return;
  const { ctx, width: w, height: h } = fitted;
  const palette = currentPalette();
  const styles = getComputedStyle(document.documentElement);
  const ink = styles.getPropertyValue('--text').trim() || '#222';
  const paper = styles.getPropertyValue('--panel').trim() || '#fff';
  const faint = styles.getPropertyValue('--border-strong').trim() || '#ccc';
  ctx.clearRect(0, 0, w, h);
  const n = grid.resolution;
  const { x: ax } = grid;
  const sx = (v: number) => ((v - ax.min) / (ax.max - ax.min)) * w;
  const d = data.nFeatures;
  const m = data.nTargets;
  let yScale = 0;
  if (data.task === 'regression') {
    for (const s of [data.train, data.test])
      for (let i = 0; i < s.count * m; i += m) yScale = Math.max(yScale, Math.abs(s.y[i]));
  }

  if (grid.dims === 2 && grid.y) {
    const ay = grid.y;
    const image = ctx.createImageData(n, n);
    const scale = Math.max(Math.abs(grid.min), Math.abs(grid.max)) || 1;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const v = grid.values[j * n + i];
        let c: readonly [number, number, number];
        if (grid.kind === 'probability') c = diverging((v - 0.5) * 2 * HEAT, palette);
        else if (grid.kind === 'class') {
          const k = CLASSES[(grid.classes?.[j * n + i] ?? 0) % CLASSES.length];
          const t = 0.25 + 0.45 * Math.max(0, Math.min(1, v));
          c = [
            Math.round(palette.mid[0] + (k[0] - palette.mid[0]) * t),
            Math.round(palette.mid[1] + (k[1] - palette.mid[1]) * t),
            Math.round(palette.mid[2] + (k[2] - palette.mid[2]) * t),
          ];
        } else c = diverging((v / scale) * HEAT, palette);
        // Row j is y_j from the bottom up.
        const p = ((n - 1 - j) * n + i) * 4;
        image.data[p] = c[0];
        image.data[p + 1] = c[1];
        image.data[p + 2] = c[2];
        image.data[p + 3] = 255;
      }
    }
    const off = document.createElement('canvas');
    off.width = n;
    off.height = n;
    off.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, w, h);
    const sy = (v: number) => h - ((v - ay.min) / (ay.max - ay.min)) * h;
    const r = Math.max(1.8, Math.min(3.2, 600 / Math.sqrt(data.train.count + data.test.count + 1) / 10));
    for (const [split, hollow] of [
      [data.train, false],
      [data.test, true],
    ] as const) {
      for (let row = 0; row < split.count; row++) {
        const px = sx(split.x[row * d]);
        const py = sy(split.x[row * d + 1]);
        ctx.beginPath();
        ctx.arc(px, py, r, 0, Math.PI * 2);
        const c = rgb(pointColor(data, split.y, row, palette, yScale));
        if (hollow) {
          ctx.fillStyle = paper;
          ctx.fill();
          ctx.strokeStyle = c;
          ctx.lineWidth = 1.4;
          ctx.stroke();
        } else {
          ctx.fillStyle = c;
          ctx.fill();
          ctx.strokeStyle = paper;
          ctx.lineWidth = 0.8;
          ctx.stroke();
        }
      }
    }
    return;
  }

  // One input: the curve over the points.
  let lo = grid.min;
  let hi = grid.max;
  for (const s of [data.train, data.test]) {
    for (let row = 0; row < s.count; row++) {
      const v = s.y[row * m];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = -1;
    hi = 1;
  }
  const pad = (hi - lo || 1) * 0.08;
  lo -= pad;
  hi += pad;
  const sy = (v: number) => h - ((v - lo) / (hi - lo)) * h;
  ctx.strokeStyle = faint;
  ctx.lineWidth = 1;
  if (lo < 0 && hi > 0) {
    ctx.beginPath();
    ctx.moveTo(0, sy(0));
    ctx.lineTo(w, sy(0));
    ctx.stroke();
  }
  for (const [split, hollow] of [
    [data.train, false],
    [data.test, true],
  ] as const) {
    for (let row = 0; row < split.count; row++) {
      const px = sx(split.x[row * d]);
      const py = sy(split.y[row * m]);
      ctx.beginPath();
      ctx.arc(px, py, 2.4, 0, Math.PI * 2);
      const c = rgb(neuron ? [128, 128, 140] : pointColor(data, split.y, row, palette, yScale), 0.85);
      if (hollow) {
        ctx.strokeStyle = c;
        ctx.lineWidth = 1.2;
        ctx.stroke();
      } else {
        ctx.fillStyle = c;
        ctx.fill();
      }
    }
  }
  ctx.strokeStyle = ink;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const x = ax.min + ((ax.max - ax.min) * i) / (n - 1);
    const v = grid.values[i];
    const py = Number.isFinite(v) ? Math.max(-h, Math.min(2 * h, sy(v))) : h;
    if (i === 0) ctx.moveTo(sx(x), py);
    else ctx.lineTo(sx(x), py);
  }
  ctx.stroke();
}

const selectRedraw = (s: TrainingState) => s.curveVersion;

export function PredictionView() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = useTraining((s) => s.layout?.data ?? null);
  const hover = useTraining((s) => s.hover);
  const hoverLabel = useTraining((s) =>
    s.hover ? (s.layout?.nodes.find((n) => n.id === s.hover!.nodeId)?.label ?? null) : null,
  );
  const [shown, setShown] = useState<{ kind: string; min: number; max: number; neuron: boolean } | null>(
    null,
  );
  const drawable = data !== null && data.nFeatures >= 1 && data.nFeatures <= 2;

  useEffect(() => {
    if (!drawable || !data) return;
    let inflight = false;
    let again = false;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let alive = true;

    const request = async () => {
      timer = null;
      if (inflight) {
        again = true;
        return;
      }
      inflight = true;
      last = performance.now();
      const s = useTraining.getState();
      const h = s.hover;
      try {
        let grid = await s.predictGrid(
          h
            ? { nodeId: h.nodeId as NodeId, index: h.index, resolution: RESOLUTION }
            : { resolution: RESOLUTION },
        );
        // A node not computed from the inputs (a loss): show the prediction.
        if (!grid && h) grid = await s.predictGrid({ resolution: RESOLUTION });
        if (alive && grid && canvas.current) {
          draw(canvas.current, grid, data, grid.kind === 'value' && h !== null);
          setShown({ kind: grid.kind, min: grid.min, max: grid.max, neuron: h !== null });
        }
      } catch {
        // The graph changed under the request; the next snapshot asks again.
      } finally {
        inflight = false;
        if (again && alive) {
          again = false;
          schedule();
        }
      }
    };

    const schedule = () => {
      if (timer || !alive) return;
      const playing = useTraining.getState().playing;
      const wait = playing ? Math.max(0, PLAYING_INTERVAL_MS - (performance.now() - last)) : 0;
      timer = setTimeout(() => void request(), wait);
    };

    schedule();
    const unsubscribe = useTraining.subscribe((s, prev) => {
      if (selectRedraw(s) !== selectRedraw(prev) || s.hover !== prev.hover || s.loadId !== prev.loadId)
        schedule();
    });
    const theme = new MutationObserver(schedule);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      alive = false;
      unsubscribe();
      theme.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [data, drawable]);

  if (!data)
    return <div className="train-prediction train-prediction--empty">No dataset: nothing to draw.</div>;
  if (data.image && data.task === 'multiclass')
    return <ConfusionView data={{ ...data, image: data.image }} />;
  if (!drawable)
    return (
      <div className="train-prediction train-prediction--empty">
        {data.nFeatures} inputs: the prediction can be drawn for 1 or 2.
      </div>
    );
  const caption = hover
    ? `Output of “${hoverLabel ?? hover.nodeId}”${hover.index > 0 ? ` unit ${hover.index + 1}` : ''}`
    : data.nFeatures === 2
      ? data.task === 'regression'
        ? 'Prediction over the inputs'
        : 'Decision boundary'
      : 'Fitted curve';
  return (
    <figure className="train-prediction" data-testid="prediction-view" data-hover={hover?.nodeId ?? ''}>
      <figcaption className="train-prediction__caption">
        <span className="train-label" title={caption}>
          {caption}
        </span>
        <SavePngButton target={() => canvas.current} what={caption} />
      </figcaption>
      <canvas ref={canvas} className="train-prediction__canvas" data-testid="prediction-canvas" />
      {shown && shown.kind === 'value' && data.nFeatures === 2 && (
        <span className="train-prediction__range">
          <span className="train-prediction__swatch" />
          {fmt(shown.min)} … {fmt(shown.max)}
        </span>
      )}
    </figure>
  );
}
