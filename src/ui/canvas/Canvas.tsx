import {
  Background,
  BackgroundVariant,
  type ColorMode,
  Controls,
  ReactFlow,
  SelectionMode,
} from '@xyflow/react';
import { type MouseEvent, useEffect, useRef } from 'react';
import { getKind } from '../../engine/registry';
import { GRID, nodeById, useDocument, usePrefs } from '../../store';
import { useTraining } from '../../store/training-app';
import { registerFlow, showViewport } from '../actions/flow';
import { ConnectMenu } from '../connect/LazyConnectMenu';
import { ContextMenuHost } from '../context-menu/ContextMenuHost';
import { onContextMenu, watchLongPress } from '../context-menu/open-menu';
import { whenIdle } from '../lazy/when-idle';
import { QuickAdd } from '../quick-add/LazyQuickAdd';
import { trackPointer, useQuickAdd } from '../quick-add/state';
import { isBigNetwork } from './big-network';
import { ConnectionHint } from './ConnectionHint';
import { EmptyState } from './EmptyState';
import { onEdgeEndTouchStart } from './edge-end-touch';
import { EdgeLabelLayer } from './edge-label-layer';
import { FileDrop } from './FileDrop';
import { FitOnRequest } from './FitOnRequest';
import { type FlowEdge, type FlowNode, useFlowEdges, useFlowNodes } from './flow-elements';
import * as on from './handlers';
import { OverviewNodes } from './LazyOverviewNodes';
import { OverviewEdges, OverviewMinimap, preloadOverviews } from './LazyOverviews';
import { selectFocus, useLabelSlots } from './label-slots';
import { PORT_HELP_ID } from './NodePort';
import { NumberScale } from './NumberScale';
import { edgeTypes, nodeTypes } from './node-types';
import { PlainCardsContext } from './plain-cards';
import { RevealProgress } from './RevealProgress';
import { SmallMinimap } from './SmallMinimap';
import { watchSharedEndTaps } from './shared-end-taps';
import { TitleChipsContext } from './TitleChip';
import { Toast } from './Toast';
import { selectBelowTitleZoom, useTitleZoom } from './title-chips';
import { drawsPlainCards, selectZoomBucket, useZoomDetail } from './zoom-detail';
import './canvas-perf.css';

const MULTI_SELECT_KEYS = ['Shift', 'Control', 'Meta'];
const CONNECTION_LINE_STYLE = { stroke: 'var(--accent)', strokeWidth: 2 };
const PRO_OPTIONS = { hideAttribution: true };
const SNAP_GRID: [number, number] = [GRID, GRID];
const NO_EDGES: FlowEdge[] = [];
const selectSnap = (s: { snapToGrid: boolean }) => s.snapToGrid;
const selectNodeCount = (s: { nodes: readonly unknown[] }) => s.nodes.length;
const selectRan = (s: { ran: boolean }) => s.ran;

/** A double-click on the empty canvas opens quick-add there. */
function onDoubleClick(e: MouseEvent): void {
  if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
  e.preventDefault();
  useQuickAdd.getState().show({ x: e.clientX, y: e.clientY });
}

function minimapClass(node: FlowNode): string {
  const n = nodeById(useDocument.getState().nodes, node.id);
  const kind = n && getKind(n.kind);
  return kind ? `family-${kind.family}` : '';
}

/** The React Flow canvas: nodes and edges come from the document; every change goes back to a store. */
export function Canvas({ className, colorMode }: { className?: string; colorMode: ColorMode }) {
  const nodes = useFlowNodes();
  const edges = useFlowEdges();
  const pane = useRef<HTMLDivElement>(null);
  const snap = usePrefs(selectSnap);
  const bucket = useZoomDetail(selectZoomBucket);
  // The document's count, not React Flow's: a big document's nodes come to the canvas in slices.
  const big = isBigNetwork(useDocument(selectNodeCount));
  const far = drawsPlainCards(bucket, big);
  const overview = big && far;
  // Names at a size one can read while the cards' titles are too small (title-chips.ts).
  const zoomedOut = useTitleZoom(selectBelowTitleZoom);
  const chips = zoomedOut && !big;
  // A hovered or selected neuron, once there are numbers: the rest of the labels fade (training.css).
  const focus = useLabelSlots(selectFocus);
  const ran = useTraining(selectRan);
  // A document already there at start (restored by persistence) is shown where it was saved, or fitted.
  useEffect(() => {
    const { nodes: initial, viewport } = useDocument.getState();
    if (initial.length > 0) showViewport(viewport);
  }, []);
  useEffect(on.watchArrowKeys, []);
  useEffect(() => whenIdle(preloadOverviews), []);
  // A big network opened before the page was idle: its overviews are needed now.
  useEffect(() => {
    if (big) preloadOverviews();
  }, [big]);
  useEffect(() => (pane.current ? watchLongPress(pane.current) : undefined), []);
  useEffect(() => (pane.current ? watchSharedEndTaps(pane.current) : undefined), []);
  return (
    <section
      className={`canvas ${className ?? ''}`}
      ref={pane}
      onDragOver={on.onDragOver}
      onDrop={on.onDrop}
      onDoubleClick={onDoubleClick}
      onPointerMove={trackPointer}
      onPointerDown={on.onPointerDown}
      onMouseDown={on.onMouseDown}
      onTouchStart={onEdgeEndTouchStart}
      onContextMenu={onContextMenu}
      data-testid="canvas"
      data-far={far || undefined}
      data-overview={overview || undefined}
      data-focus={(ran && focus) || undefined}
      aria-label="Network canvas"
    >
      <PlainCardsContext value={far}>
        <TitleChipsContext value={chips}>
          <ReactFlow<FlowNode, FlowEdge>
            nodes={nodes}
            edges={overview ? NO_EDGES : edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            colorMode={colorMode}
            onInit={(instance) => registerFlow(instance as never, pane.current)}
            onNodesChange={on.onNodesChange}
            onEdgesChange={on.onEdgesChange}
            onNodeDragStart={on.beginGesture}
            onNodeDragStop={on.endGesture}
            onSelectionDragStart={on.beginGesture}
            onSelectionDragStop={on.endGesture}
            isValidConnection={on.isValidConnection}
            onConnect={on.onConnect}
            onConnectStart={on.onConnectStart}
            onConnectEnd={on.onConnectEnd}
            onReconnect={on.onReconnect}
            onReconnectStart={on.onReconnectStart}
            onReconnectEnd={on.onReconnectEnd}
            onMoveStart={on.onMoveStart}
            onMove={on.onMove}
            onMoveEnd={on.onMoveEnd}
            deleteKeyCode={null}
            zoomOnDoubleClick={false}
            panActivationKeyCode={null}
            snapToGrid={snap}
            onlyRenderVisibleElements={big}
            snapGrid={SNAP_GRID}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            connectionRadius={28}
            reconnectRadius={12}
            connectionLineStyle={CONNECTION_LINE_STYLE}
            minZoom={0.1}
            maxZoom={2.5}
            selectionMode={SelectionMode.Partial}
            proOptions={PRO_OPTIONS}
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="var(--canvas-dots)" />
            <Controls showInteractive={false} position="bottom-left" />
            {big ? <OverviewMinimap /> : <SmallMinimap nodeClassName={minimapClass} />}
            <ConnectionHint />
            <FitOnRequest />
            <EdgeLabelLayer />
            <NumberScale />
            {overview && <OverviewEdges />}
            <OverviewNodes />
          </ReactFlow>
        </TitleChipsContext>
      </PlainCardsContext>
      <EmptyState />
      <Toast />
      <RevealProgress />
      <FileDrop />
      <QuickAdd />
      <ConnectMenu />
      <ContextMenuHost />
      <p id={PORT_HELP_ID} className="visually-hidden">
        Press Enter to connect this port: a list of the ports that fit opens.
      </p>
    </section>
  );
}
