/**
 * One target for a column of two or more ports while its rows are closer than 24 px on screen
 * (zoomed out, touch-targets.ts): their own targets cannot all be 24 × 24 px there without
 * covering one another or reaching far into what is around the card (WCAG 2.5.8), so the column
 * is one, centred on it. A press that drags starts a connection
 * from the port nearest to it, as a press on that port would; a tap offers the column's ports in a
 * menu of 32 px rows ("Connect output x1…"), each opening the list of the ports that fit it.
 */
import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import { useSelection } from '../../store';
import { useContextMenu } from '../context-menu/state';
import { whenTapped } from '../context-menu/tap';

/** The handle of this node and side whose centre is nearest to y on screen. */
function nearestHandle(column: Element, side: 'target' | 'source', y: number): HTMLElement | null {
  const ports = column.parentElement;
  if (!ports) return null;
  let best: HTMLElement | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const handle of ports.querySelectorAll<HTMLElement>(`.react-flow__handle.${side}`)) {
    const box = handle.getBoundingClientRect();
    const distance = Math.abs(box.top + box.height / 2 - y);
    if (distance < bestDistance) {
      best = handle;
      bestDistance = distance;
    }
  }
  return best;
}

function onPointerDown(e: ReactPointerEvent<HTMLDivElement>, nodeId: string, side: 'target' | 'source') {
  if (e.button !== 0) return;
  const column = e.currentTarget;
  const handle = nearestHandle(column, side, e.clientY);
  if (!handle) return;
  // React Flow starts a connection on its handle's mousedown and then follows mouse and touch moves
  // alike (as an edge's end does for a finger, edge-end-touch.ts).
  handle.dispatchEvent(
    new MouseEvent('mousedown', {
      bubbles: true,
      cancelable: true,
      button: 0,
      clientX: e.clientX,
      clientY: e.clientY,
      view: window,
    }),
  );
  // A tap (not a drag, nor a long press, which opened the node's own menu): which of the column's
  // ports? The menu asks.
  whenTapped(e.nativeEvent, (u) => {
    if (!useSelection.getState().nodes.has(nodeId)) useSelection.getState().select([nodeId], []);
    useContextMenu.getState().show({ kind: 'ports', id: nodeId, side }, { x: u.clientX, y: u.clientY }, null);
  });
}

export const PortColumn = memo(function PortColumn({
  nodeId,
  side,
  count,
}: {
  nodeId: string;
  side: 'target' | 'source';
  count: number;
}) {
  return (
    <div
      className={`ng-port-column ng-port-column--${side} nodrag nopan`}
      style={{ '--ng-ports': count } as React.CSSProperties}
      data-testid={`port-column-${side === 'target' ? 'in' : 'out'}`}
      aria-hidden="true"
      onPointerDown={(e) => onPointerDown(e, nodeId, side)}
    />
  );
});
