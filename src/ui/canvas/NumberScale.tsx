import { type ReactFlowState, useStore } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { showLabelZoom } from './label-slots';
import { numberScale } from './number-blocks';
import { showTitleZoom } from './title-chips';

const selectZoom = (s: ReactFlowState) => s.transform[2];
const selectDomNode = (s: ReactFlowState) => s.domNode;

/**
 * Mounted once inside <ReactFlow>: keeps the numbers on the canvas (edge labels, a node's numbers)
 * and the cards' name chips at their 100 % size on screen however far the view zooms out, through
 * one CSS variable (--ng-num-scale) that they scale by. Re-renders on a zoom, never on a pan.
 */
export function NumberScale(): null {
  const zoom = useStore(selectZoom);
  const dom = useStore(selectDomNode) as HTMLElement | null;
  useLayoutEffect(() => {
    dom?.style.setProperty('--ng-num-scale', String(numberScale(zoom)));
    showLabelZoom(zoom);
    showTitleZoom(zoom);
  }, [dom, zoom]);
  return null;
}
