/**
 * Draws a landscape on a canvas: the loss as a heatmap on a log colour scale, contour lines, the
 * path so far and the current point. Coordinates come from the worker; nothing is computed here
 * but where things go on screen.
 */
import { contourSegments, logLevels } from '../../engine/landscape/contours';
import type { LandscapeGrid } from '../../worker/landscape-protocol';
import { fitCanvasToDpr } from '../pictures/fit-canvas-to-dpr';

/** Viridis at five stops: sequential, colour-blind safe, readable in light and dark. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

export function colourAt(t: number): [number, number, number] {
  const u = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - k;
  const a = STOPS[k];
  const b = STOPS[k + 1];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f)) as [number, number, number];
}

/** Where a loss sits on the log colour scale, 0 (min) … 1 (max). */
export function logPosition(loss: number, min: number, max: number): number {
  if (!(min > 0) || !(max > min)) return 0;
  return (Math.log(Math.max(loss, min)) - Math.log(min)) / (Math.log(max) - Math.log(min));
}

export const CONTOURS = 8;

/** Draws into a canvas of css size w×h; returns the current point in css pixels (or null). */
export function drawLandscape(
  canvas: HTMLCanvasElement,
  grid: LandscapeGrid,
  path: readonly [number, number][],
): { x: number; y: number } | null {
  const fitted = fitCanvasToDpr(canvas);
  if (!fitted) return null;
  const { ctx, width: w, height: h } = fitted;
  const k = grid.size;
  const min = grid.min > 0 ? grid.min : Math.max(grid.min, 1e-12);
  // Heatmap: grid point (i, j) at the centre of its cell; j (the second axis) runs upwards.
  const image = document.createElement('canvas');
  image.width = k;
  image.height = k;
  const ictx = image.getContext('2d')!;
  const pixels = ictx.createImageData(k, k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const l = grid.loss[i * k + j];
      const p = ((k - 1 - j) * k + i) * 4;
      const c = Number.isFinite(l) ? colourAt(logPosition(l, min, grid.max)) : [128, 128, 128];
      pixels.data.set([c[0], c[1], c[2], 255], p);
    }
  ictx.putImageData(pixels, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(image, 0, 0, w, h);
  const [xs, ys] = grid.values;
  const sx = (a: number) => ((a - xs[0]) / (xs[k - 1] - xs[0])) * (w - w / k) + w / (2 * k);
  const sy = (b: number) => h - (((b - ys[0]) / (ys[k - 1] - ys[0])) * (h - h / k) + h / (2 * k));
  const gx = (i: number) => (i / (k - 1)) * (w - w / k) + w / (2 * k);
  const gy = (j: number) => h - ((j / (k - 1)) * (h - h / k) + h / (2 * k));
  // Contour lines at even steps of log(loss).
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.55)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const level of logLevels(min, grid.max, CONTOURS))
    for (const [x0, y0, x1, y1] of contourSegments(grid.loss, k, level)) {
      ctx.moveTo(gx(x0), gy(y0));
      ctx.lineTo(gx(x1), gy(y1));
    }
  ctx.stroke();
  if (path.length === 0) return null;
  // The path: a white line under a dark one reads on every colour of the scale.
  const line = (style: string, width: number) => {
    ctx.strokeStyle = style;
    ctx.lineWidth = width;
    ctx.beginPath();
    path.forEach(([a, b], s) => {
      if (s === 0) ctx.moveTo(sx(a), sy(b));
      else ctx.lineTo(sx(a), sy(b));
    });
    ctx.stroke();
  };
  line('#fff', 3.5);
  line('#111', 1.5);
  ctx.fillStyle = '#fff';
  for (const [a, b] of path) ctx.fillRect(sx(a) - 1.5, sy(b) - 1.5, 3, 3);
  const [ca, cb] = path[path.length - 1];
  const x = sx(ca);
  const y = sy(cb);
  ctx.beginPath();
  ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.fillStyle = '#e8524a';
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  return { x, y };
}
