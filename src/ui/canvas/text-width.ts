/**
 * How wide a short text is drawn in a given font, in CSS px: for the room a node's name and its
 * numbers take on the canvas, worked out before they are drawn (label placement decides where they
 * go, and reading the size of drawn elements would lay out the canvas once per node).
 *
 * Measured with a canvas's 2D context, the same font engine the page draws with. Where there is none
 * (unit tests under jsdom) it is estimated from the text's length at a generous average glyph width.
 */

/** Average glyph width as a share of the font size, on the wide side (a monospace digit is 0.6). */
const ESTIMATE_EM = 0.68;
/** Kept measures; the cache is emptied when it grows past this (numbers change every step). */
const MAX_CACHED = 4000;

let context: OffscreenCanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();
const families = new Map<string, string>();

function canvasContext(): OffscreenCanvasRenderingContext2D | null {
  if (context === undefined)
    context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  return context;
}

/** A font family given as a CSS variable of the document (`var(--mono)`), as its value. */
export function fontFamily(cssVariable: string, fallback: string): string {
  let family = families.get(cssVariable);
  if (family === undefined) {
    family =
      typeof document === 'undefined'
        ? ''
        : getComputedStyle(document.documentElement).getPropertyValue(cssVariable).trim();
    family = family || fallback;
    families.set(cssVariable, family);
  }
  return family;
}

/**
 * The width of `text` in `font` (a CSS font shorthand with its size in px, e.g.
 * "600 12px Inter, sans-serif").
 */
export function textWidth(text: string, font: string): number {
  if (text === '') return 0;
  const key = `${font}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const ctx = canvasContext();
  let width: number;
  if (ctx) {
    ctx.font = font;
    width = ctx.measureText(text).width;
  } else {
    const size = Number.parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '12');
    width = [...text].length * size * ESTIMATE_EM;
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, width);
  return width;
}
