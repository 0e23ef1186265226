/**
 * Ports keep a 24 × 24 px target on screen at any zoom (node.css sizes their hit area by
 * --ng-zoom): the canvas carries the zoom as a CSS variable, rewritten only when it changed by
 * more than 2 %, so a pan (same zoom) restyles nothing.
 */
import { canvasElement } from '../actions/flow';

let shown = 0;

/** A row of ports, in the graph's units (node.css), and the target size on screen (px). */
const PORT_ROW = 22;
const TARGET = 24.5;

export function followZoom(zoom: number): void {
  if (shown > 0 && Math.abs(zoom - shown) / shown < 0.02) return;
  const el = canvasElement();
  if (!el) return;
  shown = zoom;
  el.style.setProperty('--ng-zoom', zoom.toFixed(3));
  // Rows of ports are 22 px apart at zoom 1: under 24 px on screen a column of two or more is
  // one target (PortColumn), as its ports' own would cover one another.
  el.toggleAttribute('data-crowded-ports', zoom * PORT_ROW < TARGET);
}
