/**
 * A tap on a grab circle that several edge ends share (shared-ends.ts) asks which connection's end
 * it is for: the menu lists them, and the one chosen is selected, so that its circle is the one
 * shown there, to drag. A drag on the circle moves the end it shows, as for any edge.
 */
import { useDocument } from '../../store';
import { HOLD_MS } from '../context-menu/long-press';
import { useContextMenu } from '../context-menu/state';
import { edgesSharingEnd } from './shared-ends';

/** Moved further than this (px), a press is a drag, not a tap. */
const TAP_SLOP = 6;

/** Watches `canvas` for taps on shared edge ends; returns the unsubscribe. */
export function watchSharedEndTaps(canvas: HTMLElement): () => void {
  const onDown = (e: PointerEvent) => {
    const circle = e.target instanceof Element ? e.target.closest('.react-flow__edgeupdater') : null;
    const edgeId = circle?.closest('.react-flow__edge')?.getAttribute('data-id');
    if (!circle || !edgeId || e.button !== 0) return;
    const end = circle.classList.contains('react-flow__edgeupdater-source') ? 'source' : 'target';
    const start = { x: e.clientX, y: e.clientY, id: e.pointerId, at: performance.now() };
    const up = (u: PointerEvent) => {
      if (u.pointerId !== start.id) return;
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
      // A drag, or a long press (which opened the node's own menu): no tap.
      if (
        u.type === 'pointercancel' ||
        performance.now() - start.at >= HOLD_MS ||
        Math.hypot(u.clientX - start.x, u.clientY - start.y) > TAP_SLOP
      )
        return;
      const crowded = canvas.hasAttribute('data-crowded-ports');
      const group = edgesSharingEnd(useDocument.getState().edges, edgeId, end, crowded);
      if (group.length < 2) return;
      useContextMenu
        .getState()
        .show({ kind: 'ends', ids: group.map((g) => g.id), end }, { x: u.clientX, y: u.clientY }, null);
    };
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
  };
  canvas.addEventListener('pointerdown', onDown, true);
  return () => canvas.removeEventListener('pointerdown', onDown, true);
}
