/** How training numbers look on the canvas and in the panel: short numbers, signs, colours, widths. */
import { formatNumber } from '../../engine/text/number';

/**
 * A number as the canvas and the panels print it: the app's one formatter, 4 significant digits,
 * real minus signs (−0.001131 → "−1.131e−3").
 */
export const fmt = (x: number | undefined): string => formatNumber(x);

/** Numbers as a short list: one number, two in brackets, more as "[a, b, …] (n)". */
export function fmtList(xs: readonly number[]): string {
  if (xs.length === 0) return '—';
  if (xs.length === 1) return fmt(xs[0]);
  if (xs.length <= 3) return `[${xs.map(fmt).join(', ')}]`;
  return `[${fmt(xs[0])}, ${fmt(xs[1])}, …] (${xs.length})`;
}

/** Euclidean norm, for a block of many numbers. */
export function norm(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x * x;
  return Math.sqrt(s);
}

export type Sign = 'pos' | 'neg' | 'zero' | 'bad';

export function signOf(x: number | undefined): Sign {
  if (x === undefined || x === 0) return 'zero';
  if (!Number.isFinite(x)) return 'bad';
  return x > 0 ? 'pos' : 'neg';
}

/**
 * Stroke width for a magnitude, on a log scale: 0.01 → 1 px, 1 → 3.4 px, 100 and more → 5.8 px
 * (in half pixels, so a weight creeping along does not redraw its edge at every snapshot).
 */
export function magnitudeWidth(x: number | undefined): number {
  if (x === undefined || !Number.isFinite(x) || x === 0) return 1;
  const t = Math.min(4, Math.max(0, Math.log10(Math.abs(x)) + 2));
  return Math.round((1 + 1.2 * t) * 2) / 2;
}

type RGB = readonly [number, number, number];

/** A colour-blind-safe diverging palette: orange for negative, blue for positive (PuOr-like). */
export interface Palette {
  neg: RGB;
  mid: RGB;
  pos: RGB;
}

export const LIGHT: Palette = { neg: [230, 97, 1], mid: [247, 247, 247], pos: [33, 102, 172] };
export const DARK: Palette = { neg: [245, 155, 66], mid: [40, 40, 46], pos: [90, 169, 230] };

export function currentPalette(): Palette {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? DARK : LIGHT;
}

/** t in [−1, 1] → the palette's colour (orange … neutral … blue). */
export function diverging(t: number, palette: Palette): RGB {
  const u = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  const end = u < 0 ? palette.neg : palette.pos;
  const k = Math.abs(u);
  return [
    Math.round(palette.mid[0] + (end[0] - palette.mid[0]) * k),
    Math.round(palette.mid[1] + (end[1] - palette.mid[1]) * k),
    Math.round(palette.mid[2] + (end[2] - palette.mid[2]) * k),
  ];
}

export const rgb = (c: RGB, alpha = 1) =>
  alpha === 1 ? `rgb(${c[0]}, ${c[1]}, ${c[2]})` : `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;

/** A cell colour for a heat strip: the value against the largest magnitude of its strip, as a CSS colour. */
export function cellColor(x: number, scale: number): string {
  if (!Number.isFinite(x)) return 'var(--error)';
  const t = scale > 0 ? x / scale : 0;
  const u = Math.max(-1, Math.min(1, t));
  const pct = Math.round(Math.abs(u) * 100);
  return `color-mix(in srgb, ${u < 0 ? 'var(--train-neg)' : 'var(--train-pos)'} ${pct}%, var(--train-mid))`;
}

export function maxAbs(xs: readonly number[]): number {
  let m = 0;
  for (const x of xs) if (Number.isFinite(x) && Math.abs(x) > m) m = Math.abs(x);
  return m;
}

/** A number with 8 significant digits, to compare two computations of it. */
export const fmtPrecise = (x: number): string => formatNumber(x, { digits: 8 });

/**
 * A step count as an axis label, short enough that ticks never crowd: 950, 1k, 1.5k, 12k, 250k,
 * 1M, 2.5M, 1.2B. At most 3 significant digits, so a label is at most 5 characters wide.
 */
export function fmtStep(n: number): string {
  if (!Number.isFinite(n)) return '';
  const a = Math.abs(n);
  const sign = n < 0 ? '−' : '';
  for (const [size, suffix] of [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    // 999,999 rounds to 1000k: call it 1M instead.
    if (a >= size * 0.9995) {
      return `${sign}${Number((a / size).toPrecision(3))}${suffix}`;
    }
  }
  return `${sign}${Number(a.toPrecision(3))}`;
}

/** Tick steps for a step axis: whole numbers 1, 2, 5, 10, 20, 50, … (never half a step). */
export const STEP_INCREMENTS: readonly number[] = Array.from(
  { length: 30 },
  (_, i) => [1, 2, 5][i % 3] * 10 ** Math.floor(i / 3),
);
