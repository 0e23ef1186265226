/**
 * A finger can move an edge's end, as the mouse can. React Flow's edge-end anchors start a
 * reconnection on `mousedown` only; its connection code then follows both mouse and touch moves
 * (it listens for touchmove and touchend too). So a touch that starts on an anchor is handed to it
 * as a left-button mousedown at the same point, and the finger carries the end from there.
 */
import type { TouchEvent } from 'react';

export function onEdgeEndTouchStart(e: TouchEvent): void {
  if (e.touches.length !== 1 || !(e.target instanceof Element)) return;
  const anchor = e.target.closest('.react-flow__edgeupdater');
  const touch = e.touches[0];
  if (!anchor || !touch) return;
  anchor.dispatchEvent(
    new MouseEvent('mousedown', {
      bubbles: true,
      cancelable: true,
      button: 0,
      clientX: touch.clientX,
      clientY: touch.clientY,
      view: window,
    }),
  );
}
