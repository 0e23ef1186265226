/**
 * A <canvas> drawn sharp on any screen: its backing store is sized to its CSS box times the
 * device pixel ratio, and the context scaled so that drawing code works in CSS pixels.
 */

/** Sizes `canvas` for the screen and returns its context (scaled to CSS pixels) and CSS size; null without 2D. */
export function fitCanvasToDpr(
  canvas: HTMLCanvasElement,
): { ctx: CanvasRenderingContext2D; width: number; height: number } | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const pixelWidth = Math.round(width * dpr);
  const pixelHeight = Math.round(height * dpr);
  // Resizing clears the canvas and costs a new backing store: only when the size really changed.
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, width, height };
}
