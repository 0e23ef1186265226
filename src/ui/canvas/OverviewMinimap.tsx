/**
 * The minimap of a big network (over BIG_NETWORK_FROM nodes). React Flow's <MiniMap> draws each node
 * as its own component with its own store selector, and recomputes the bounds of all nodes on every
 * change of its store: with 1,000 nodes that is 1,000 selectors on each frame of a drag or pan and on
 * each edit. This one draws the document's nodes as one path per family (minimap-shapes.ts), rebuilt
 * only when the nodes or their sizes change; the view's rectangle follows React Flow's transform.
 * Press or drag on it to move the view there (no wheel zoom: the canvas zooms).
 */
import { Panel, type ReactFlowState, useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { memo, type PointerEvent, useMemo } from 'react';
import type { GraphNode } from '../../engine/graph';
import { type Size, useDocument, useView } from '../../store';
import { minimapFrame, minimapShapes, viewInFlow } from './minimap-shapes';
import { nodeBox } from './node-boxes';

const WIDTH = 168;
const HEIGHT = 112;
const STYLE = { width: WIDTH, height: HEIGHT };

const selectNodes = (s: { nodes: GraphNode[] }) => s.nodes;
const selectSizes = (s: { sizes: ReadonlyMap<string, Size> }) => s.sizes;
const selectTransform = (s: ReactFlowState) => s.transform;
const selectPaneWidth = (s: ReactFlowState) => s.width;
const selectPaneHeight = (s: ReactFlowState) => s.height;

function OverviewMinimapView() {
  const nodes = useDocument(selectNodes);
  const sizes = useView(selectSizes);
  const transform = useFlowStore(selectTransform);
  const paneWidth = useFlowStore(selectPaneWidth);
  const paneHeight = useFlowStore(selectPaneHeight);
  const flow = useReactFlow();
  const shapes = useMemo(() => minimapShapes(nodes.map((n) => nodeBox(n, sizes.get(n.id)))), [nodes, sizes]);
  const view = viewInFlow(transform, paneWidth, paneHeight);
  const frame = minimapFrame(shapes.bounds, view, WIDTH, HEIGHT);

  /** Centres the view on the flow point under the pointer, at the same zoom. */
  const moveTo = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = frame.x + ((e.clientX - rect.left) / rect.width) * frame.width;
    const y = frame.y + ((e.clientY - rect.top) / rect.height) * frame.height;
    flow.setCenter(x, y, { zoom: transform[2] });
  };
  const outer = `M${frame.x} ${frame.y}h${frame.width}v${frame.height}h${-frame.width}z`;
  const inner = `M${view.x} ${view.y}h${view.width}v${view.height}h${-view.width}z`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap ng-light-minimap" style={STYLE}>
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${frame.x} ${frame.y} ${frame.width} ${frame.height}`}
        role="img"
        aria-label="Mini map"
        data-testid="overview-minimap"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
        }}
      >
        {shapes.paths.map(({ group, d }) => (
          <path key={group} className={`react-flow__minimap-node family-${group}`} d={d} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`${outer}${inner}`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

export const OverviewMinimap = memo(OverviewMinimapView);
