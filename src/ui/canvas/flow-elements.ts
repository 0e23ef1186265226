/**
 * The document as React Flow nodes and edges. Each element object is reused while its node's
 * position, selection and measured size stay the same, so React Flow re-renders only what changed;
 * the array itself is kept while every element in it is (keepIfSame), so an edit that touches no edge
 * does not make React Flow rebuild its edge lookups.
 * Elements carry no data: node and edge components read their own from the stores by id.
 */
import type { Edge, Node } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { GraphEdge, GraphNode } from '../../engine/graph';
import { edgeName, nodeById, type Size, useDocument, useSelection, useView } from '../../store';
import { canvasElement, flowInstance, visibleFlowRect } from '../actions/flow';
import { isBigNetwork } from './big-network';
import { estimatedHandles, estimateNodeSize } from './estimated-handles';
import { fitPending } from './FitOnRequest';
import { compactNumber } from './format-value';
import { noteEstimatedPorts } from './port-measure';
import { afterNextPaint, createReveal, type HoldSource, selectWithheld } from './reveal-slices';
import { sharedEndClasses } from './shared-ends';
import { keepIfSame } from './stable-list';
import { drawsNodeOverview, useZoomDetail } from './zoom-detail';

export type FlowNode = Node<Record<string, never>, 'neuro'>;
export type FlowEdge = Edge<Record<string, never>, 'neuro'>;

const NO_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

const selectNodes = (s: { nodes: GraphNode[] }) => s.nodes;
const selectEdges = (s: { edges: GraphEdge[] }) => s.edges;
const selectSelectedNodes = (s: { nodes: ReadonlySet<string> }) => s.nodes;
const selectSelectedEdges = (s: { edges: ReadonlySet<string> }) => s.edges;
const selectSizes = (s: { sizes: ReadonlyMap<string, Size> }) => s.sizes;

/** The canvas's size as last read, and when (ms): see viewNow. */
let paneSize: { width: number; height: number; at: number } | null = null;
const PANE_SIZE_MS = 1000;

/**
 * The part of the flow the canvas shows, from React Flow's viewport and the canvas's size read at
 * most once a second: reading it (or asking React Flow to map a point) after each slice's commit
 * made the browser lay out the page again in that slice's task, a third of it for 5,000 nodes.
 */
function viewNow(): { x: number; y: number; width: number; height: number } | null {
  const flow = flowInstance();
  const pane = canvasElement();
  if (!flow || !pane) return visibleFlowRect();
  const now = performance.now();
  if (!paneSize || now - paneSize.at > PANE_SIZE_MS) {
    paneSize = { width: pane.clientWidth, height: pane.clientHeight, at: now };
  }
  const { x, y, zoom } = flow.getViewport();
  return { x: -x / zoom, y: -y / zoom, width: paneSize.width / zoom, height: paneSize.height / zoom };
}

/** Nodes outside the canvas's view now, at their measured or estimated size. */
function offScreen(): ((id: string) => boolean) | null {
  const view = viewNow();
  if (!view) return null;
  const sizes = useView.getState().sizes;
  const { nodes } = useDocument.getState();
  return (id) => {
    const n = nodeById(nodes, id);
    if (!n) return true;
    const size = sizes.get(id) ?? estimateNodeSize(n);
    return (
      n.position.x > view.x + view.width ||
      n.position.y > view.y + view.height ||
      n.position.x + size.width < view.x ||
      n.position.y + size.height < view.y
    );
  };
}

/**
 * A very big network zoomed out is drawn as an overview (OverviewNodes): React Flow holds none of
 * its nodes but the selected ones, until the view is zoomed in again.
 */
const nodeOverview: HoldSource = {
  held: () => drawsNodeOverview(useZoomDetail.getState().bucket, useDocument.getState().nodes.length),
  subscribe(listener) {
    const zoom = useZoomDetail.subscribe(listener);
    const doc = useDocument.subscribe(listener);
    return () => {
      zoom();
      doc();
    };
  },
};

/**
 * Which of the document's nodes React Flow has: a big burst of new ones comes in slices, and none
 * while a very big network is seen from far away.
 */
export const useReveal = createReveal(
  useDocument,
  afterNextPaint,
  undefined,
  offScreen,
  fitPending,
  nodeOverview,
);

interface NodeEntry {
  position: GraphNode['position'];
  selected: boolean;
  size: Size | undefined;
  /** The node's size before anything was measured (a big network's nodes start from it). */
  estimate: Size | undefined;
  node: FlowNode;
}

/**
 * A node new to a big network's canvas gets its estimated size and ports, so React Flow draws it
 * only once it is on screen (estimated-handles.ts); its full card is measured when drawn.
 */
function estimateFor(n: GraphNode, entry: NodeEntry | undefined): Size {
  if (entry?.estimate) return entry.estimate;
  noteEstimatedPorts(n.id);
  return estimateNodeSize(n);
}

export function useFlowNodes(): FlowNode[] {
  const nodes = useDocument(selectNodes);
  const selected = useSelection(selectSelectedNodes);
  const sizes = useView(selectSizes);
  const withheld = useReveal(selectWithheld);
  const cache = useRef(new Map<string, NodeEntry>());
  const last = useRef<FlowNode[]>(undefined);
  return useMemo(() => {
    const big = isBigNetwork(nodes.length);
    const next = new Map<string, NodeEntry>();
    const result: FlowNode[] = [];
    for (const n of nodes) {
      const isSelected = selected.has(n.id);
      // A selected node is React Flow's even while the rest are withheld: it is dragged and edited as a card.
      if (!isSelected && withheld.has(n.id)) continue;
      const size = sizes.get(n.id);
      const hit = cache.current.get(n.id);
      if (hit && hit.position === n.position && hit.selected === isSelected && hit.size === size) {
        next.set(n.id, hit);
        result.push(hit.node);
        continue;
      }
      const node: FlowNode = {
        id: n.id,
        type: 'neuro',
        position: n.position,
        data: NO_DATA,
        selected: isSelected,
      };
      const estimate = big && !size ? estimateFor(n, hit) : undefined;
      if (size) node.measured = size;
      else if (estimate) {
        node.measured = estimate;
        // Only with its first element: later ones keep what React Flow has measured since.
        if (!hit) node.handles = estimatedHandles(n, estimate);
      }
      next.set(n.id, { position: n.position, selected: isSelected, size, estimate, node });
      result.push(node);
    }
    cache.current = next;
    last.current = keepIfSame(last.current, result);
    return last.current;
  }, [nodes, selected, sizes, withheld]);
}

/** A weight in an edge's accessible name, as the canvas prints it. */
function weightForName(w: number | number[]): string {
  if (typeof w === 'number') return compactNumber(w);
  return w.length <= 3 ? w.map(compactNumber).join(', ') : `${w.length} values`;
}

interface EdgeEntry {
  edge: GraphEdge;
  selected: boolean;
  flow: FlowEdge;
}

export function useFlowEdges(): FlowEdge[] {
  const edges = useDocument(selectEdges);
  const selected = useSelection(selectSelectedEdges);
  // An edge comes with its two nodes (reveal-slices.ts): React Flow indexes every edge it is given.
  const withheld = useReveal(selectWithheld);
  const cache = useRef(new Map<string, EdgeEntry>());
  const last = useRef<FlowEdge[]>(undefined);
  return useMemo(() => {
    const next = new Map<string, EdgeEntry>();
    // Names read the nodes as they are when the edges change (a renamed node is read with the next edit of an edge).
    const names = useDocument.getState().nodes;
    const result: FlowEdge[] = [];
    const given =
      withheld.size === 0 ? edges : edges.filter((e) => !withheld.has(e.source) && !withheld.has(e.target));
    // Ends that meet share one grab circle (shared-ends.ts), among the edges React Flow draws.
    const shared = sharedEndClasses(given, selected);
    for (const e of given) {
      const isSelected = selected.has(e.id);
      const className = shared.get(e.id);
      const hit = cache.current.get(e.id);
      const ariaLabel = hit?.edge === e ? hit.flow.ariaLabel : edgeName(names, e, weightForName);
      const same =
        hit &&
        hit.selected === isSelected &&
        hit.flow.ariaLabel === ariaLabel &&
        hit.flow.className === className &&
        hit.edge.source === e.source &&
        hit.edge.target === e.target &&
        hit.edge.sourceHandle === e.sourceHandle &&
        hit.edge.targetHandle === e.targetHandle;
      if (hit && same) {
        next.set(e.id, { ...hit, edge: e });
        result.push(hit.flow);
        continue;
      }
      const flow: FlowEdge = {
        id: e.id,
        type: 'neuro',
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle,
        targetHandle: e.targetHandle,
        selected: isSelected,
        data: NO_DATA,
        ariaLabel,
        className,
      };
      next.set(e.id, { edge: e, selected: isSelected, flow });
      result.push(flow);
    }
    cache.current = next;
    last.current = keepIfSame(last.current, result);
    return last.current;
  }, [edges, selected, withheld]);
}
