/**
 * The canvas's React Flow instance, registered by the canvas when it starts, so plain functions
 * (toolbar actions, dialogs) can fit the view or place things in the middle of it.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Position } from '../../engine/graph';
import type { Viewport } from '../../format';
import { useSession } from '../../store';

let flow: ReactFlowInstance | null = null;
let pane: HTMLElement | null = null;
/** A viewport asked for before the canvas was ready (a restored document): applied when it is. */
let pendingViewport: Viewport | null = null;

export function registerFlow(instance: ReactFlowInstance | null, element: HTMLElement | null): void {
  flow = instance;
  pane = element;
  if (instance && pendingViewport) {
    const viewport = pendingViewport;
    pendingViewport = null;
    requestAnimationFrame(() => void flow?.setViewport(viewport));
  }
}

export const FIT_OPTIONS = { padding: 0.12, maxZoom: 1.25, duration: 250 } as const;

/** A saved view offered with the next fit: kept if it shows the whole network (canvas/FitOnRequest). */
let savedViewport: Viewport | null = null;

/**
 * Fits the view to the nodes once they are drawn and measured, clear of what covers the canvas
 * (see canvas/FitOnRequest).
 */
export function fitViewSoon(): void {
  savedViewport = null;
  useSession.getState().requestFit();
}

/**
 * Shows a document just opened: at its saved view if that shows the whole network, else fitted,
 * so an example, a lesson, an import or a share link always opens with every node in sight.
 */
export function showSavedOrFit(viewport: Viewport | undefined): void {
  fitViewSoon();
  savedViewport = viewport ?? null;
}

/** The saved view offered with the pending fit, once. */
export function takeSavedViewport(): Viewport | null {
  const saved = savedViewport;
  savedViewport = null;
  return saved;
}

export function showViewport(viewport: Viewport | undefined): void {
  if (viewport && flow) requestAnimationFrame(() => void flow?.setViewport(viewport));
  else if (viewport) pendingViewport = viewport;
  else fitViewSoon();
}

/** The canvas's React Flow instance (for drawing the canvas as a picture), once the canvas is ready. */
export function flowInstance(): ReactFlowInstance | null {
  return flow;
}

/** The canvas element (for placing popovers), once the canvas is ready. */
export function canvasElement(): HTMLElement | null {
  return pane;
}

/** The part of the flow the canvas shows now (flow units), once the canvas is ready. */
export function visibleFlowRect(): { x: number; y: number; width: number; height: number } | null {
  if (!flow || !pane) return null;
  const r = pane.getBoundingClientRect();
  const a = flow.screenToFlowPosition({ x: r.left, y: r.top });
  const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom });
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

/** The flow position at the middle of the visible canvas. */
export function viewCenter(): Position {
  if (!flow || !pane) return { x: 0, y: 0 };
  const r = pane.getBoundingClientRect();
  return flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

export function screenToFlow(point: Position): Position {
  return flow ? flow.screenToFlowPosition(point) : point;
}
