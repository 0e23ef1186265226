/**
 * React Flow's minimap for a network of ordinary size (a big one has OverviewMinimap), shown only
 * while part of the network is out of view. With every node in view it tells nothing the canvas
 * does not, and it takes the corner where the labels of a wide network's last columns would go:
 * the fit (FitOnRequest) gives that corner to the network, and the minimap comes back as soon as
 * a zoom or a pan leaves a node outside.
 */
import { MiniMap, type ReactFlowState, useStore } from '@xyflow/react';
import { memo } from 'react';
import type { FlowNode } from './flow-elements';
import { nodesInView } from './whole-in-view';

const MINIMAP_STYLE = { width: 168, height: 112 };

const selectWholeInView = (s: ReactFlowState): boolean =>
  nodesInView(
    s.nodeLookup.values(),
    { width: s.width, height: s.height },
    { x: s.transform[0], y: s.transform[1], zoom: s.transform[2] },
  );

function SmallMinimapView({ nodeClassName }: { nodeClassName: (node: FlowNode) => string }) {
  const whole = useStore(selectWholeInView);
  if (whole) return null;
  return (
    <MiniMap<FlowNode>
      style={MINIMAP_STYLE}
      pannable
      zoomable
      position="bottom-right"
      nodeClassName={nodeClassName}
      nodeBorderRadius={4}
    />
  );
}

export const SmallMinimap = memo(SmallMinimapView);
