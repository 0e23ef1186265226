/**
 * An edge too short on screen for its grab circles: each end's circle takes 24 px beyond its
 * port's own 24 px target (canvas.css), so the two ends need about 78 px across between the ports
 * (the far column's ports, on other rows, are as close), one end 52.
 * Shorter, the start's circle (and then the end's) is not drawn, rather than cover the far port or
 * the other circle (WCAG 2.5.8): zoom in to move that end, or select the edge and connect anew.
 */
import { useStore } from '@xyflow/react';

/**
 * Room (px on screen) for both ends' circles, and for the end's alone: a circle's centre is 27 px
 * out from its port's, its radius 12.25, and the far port's own target reaches 12.25 px.
 */
const BOTH = 2 * (27 + 12.25);
const ONE = 27 + 2 * 12.25;

/**
 * ' has-no-start-circle', ' has-no-end-circles' or '' for an edge between ends at these x (graph
 * units). Re-renders only when the answer changes, not with every zoom.
 */
export function useShortEdgeClass(sourceX: number, targetX: number): string {
  return useStore((s) => {
    // Across, whatever the rows: in a layered network the ports on the far end's row are as far.
    const dx = (targetX - sourceX) * s.transform[2];
    // An edge that runs back: its circles point away from each other.
    if (dx < 0) return '';
    if (dx < ONE) return ' has-no-end-circles';
    return dx < BOTH ? ' has-no-start-circle' : '';
  });
}
