/**
 * Ports keep a 24 × 24 px target on screen at any zoom (node.css sizes their hit area by
 * --ng-zoom): the canvas carries the zoom as a CSS variable, rewritten only when it changed by
 * more than 2 %, so a pan (same zoom) restyles nothing.
 */
import { canvasElement } from '../actions/flow';

let shown = 0;

export function followZoom(zoom: number): void {
  if (shown > 0 && Math.abs(zoom - shown) / shown < 0.02) return;
  const el = canvasElement();
  if (!el) return;
  shown = zoom;
  el.style.setProperty('--ng-zoom', zoom.toFixed(3));
}
