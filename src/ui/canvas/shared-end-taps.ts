/**
 * A tap on a grab circle that several edge ends share (shared-ends.ts) asks which connection's end
 * it is for: the menu lists them, and the one chosen is selected, so that its circle is the one
 * shown there, to drag. A drag on the circle moves the end it shows, as for any edge.
 */
import { useDocument } from '../../store';
import { useContextMenu } from '../context-menu/state';
import { whenTapped } from '../context-menu/tap';
import { edgesSharingEnd } from './shared-ends';

/** Watches `canvas` for taps on shared edge ends; returns the unsubscribe. */
export function watchSharedEndTaps(canvas: HTMLElement): () => void {
  const onDown = (e: PointerEvent) => {
    const circle = e.target instanceof Element ? e.target.closest('.react-flow__edgeupdater') : null;
    const edgeId = circle?.closest('.react-flow__edge')?.getAttribute('data-id');
    if (!circle || !edgeId || e.button !== 0) return;
    const end = circle.classList.contains('react-flow__edgeupdater-source') ? 'source' : 'target';
    whenTapped(e, (u) => {
      const crowded = canvas.hasAttribute('data-crowded-ports');
      const group = edgesSharingEnd(useDocument.getState().edges, edgeId, end, crowded);
      if (group.length < 2) return;
      useContextMenu
        .getState()
        .show({ kind: 'ends', ids: group.map((g) => g.id), end }, { x: u.clientX, y: u.clientY }, null);
    });
  };
  canvas.addEventListener('pointerdown', onDown, true);
  return () => canvas.removeEventListener('pointerdown', onDown, true);
}
