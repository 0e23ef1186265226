/**
 * A big network's edges when zoomed out: drawn as one SVG path per style in the viewport (it pans
 * and zooms with the nodes) instead of one React Flow edge each. Far away an edge is a hairline
 * nobody clicks; what matters is that a drag or a pan stays smooth (see overview-paths.ts).
 *
 * The layer's first drawing (a big network opened or zoomed out) comes EDGE_SLICE edges a frame,
 * each slice in paths of its own that later frames leave alone: 4,000 edges drawn in one go were
 * one task of 150–350 ms on a loaded machine (their paths built, then painted). Once every edge is
 * drawn, a change (a drag, a new edge) redraws them all at once, as before.
 */
import { type InternalNode, type ReactFlowState, useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import type { GraphEdge, GraphNode } from '../../engine/graph';
import {
  type CompiledState,
  nodeById,
  outputPort,
  useCompiled,
  useDocument,
  useSelection,
} from '../../store';
import { ViewportPortal } from './edge-label-layer';
import { estimatedHandles, estimateNodeSize } from './estimated-handles';
import { type FlowNode, useReveal } from './flow-elements';
import { type NodeBox, overviewPaths } from './overview-paths';
import { afterNextPaint, type RevealState } from './reveal-slices';

const selectEdges = (s: { edges: GraphEdge[] }) => s.edges;
const selectNodes = (s: { nodes: GraphNode[] }) => s.nodes;
const selectByEdge = (s: CompiledState) => s.byEdge;
const selectSelectedEdges = (s: { edges: ReadonlySet<string> }) => s.edges;
/** Changes whenever React Flow re-adopts the nodes: a move, a measure. */
const selectFlowNodes = (s: ReactFlowState): readonly unknown[] | null => s.nodes;
const selectNothing = (_: ReactFlowState): readonly unknown[] | null => null;
const selectRevealing = (s: RevealState) => s.total > 0;

/** Edges drawn per frame while the layer draws for the first time. */
export const EDGE_SLICE = 500;

function nodeBox(n: InternalNode<FlowNode> | undefined): NodeBox | undefined {
  if (!n) return undefined;
  const { positionAbsolute, handleBounds } = n.internals;
  return {
    x: positionAbsolute.x,
    y: positionAbsolute.y,
    width: n.measured.width ?? 0,
    height: n.measured.height ?? 0,
    outputs: handleBounds?.source,
    inputs: handleBounds?.target,
  };
}

interface TypeEntry {
  edge: GraphEdge;
  source: GraphNode | undefined;
  type: string;
}

/** A node React Flow does not have yet (a big document coming in slices), where it will be. */
function estimatedBox(n: GraphNode | undefined): NodeBox | undefined {
  if (!n) return undefined;
  const size = estimateNodeSize(n);
  const handles = estimatedHandles(n, size);
  return {
    ...n.position,
    ...size,
    outputs: handles.filter((h) => h.type === 'source'),
    inputs: handles.filter((h) => h.type === 'target'),
  };
}

/**
 * Each node not in React Flow is estimated once while it stays the same object (a move makes a new
 * one), not once per edge end and per drawing: a slice of the first drawing redraws the slices before.
 */
const estimatedBoxes = new WeakMap<GraphNode, NodeBox | undefined>();

function estimatedBoxOf(n: GraphNode | undefined): NodeBox | undefined {
  if (!n) return undefined;
  if (!estimatedBoxes.has(n)) estimatedBoxes.set(n, estimatedBox(n));
  return estimatedBoxes.get(n);
}

function OverviewEdgesView() {
  const edges = useDocument(selectEdges);
  const nodes = useDocument(selectNodes);
  const problems = useCompiled(selectByEdge);
  const selected = useSelection(selectSelectedEdges);
  // While a big document comes in slices, drawn once from where its nodes will be, not per slice.
  const revealing = useReveal(selectRevealing);
  const flowNodes = useFlowStore(revealing ? selectNothing : selectFlowNodes);
  const flow = useStoreApi<FlowNode>();
  // An edge's type (its colour) follows its source node's kind and parameters, not its position.
  const types = useRef(new Map<string, TypeEntry>());
  const typeOf = (e: GraphEdge): string => {
    const source = nodeById(nodes, e.source);
    const hit = types.current.get(e.id);
    if (hit && hit.edge === e && (hit.source === source || sameKind(hit.source, source))) return hit.type;
    const type = (source && outputPort(source, e.sourceHandle)?.type) ?? 'unknown';
    types.current.set(e.id, { edge: e, source, type });
    return type;
  };
  const { nodeLookup } = flow.getState();
  const boxOf = (id: string) => nodeBox(nodeLookup.get(id)) ?? estimatedBoxOf(nodeById(nodes, id));
  const styleOf = (e: GraphEdge) =>
    `ng-edge ng-edge--${typeOf(e)}${selected.has(e.id) ? ' is-selected' : ''}${problems.get(e.id)?.some((d) => d.severity === 'error') ? ' has-error' : ''}`;
  // How many edges the first drawing has reached: a slice more after each paint.
  const [limit, setLimit] = useState(EDGE_SLICE);
  // The slice drawn last while more are to come (null: every edge is drawn).
  const reached = limit < edges.length ? limit : null;
  useEffect(() => {
    if (reached !== null) afterNextPaint(() => setLimit(reached + EDGE_SLICE));
  }, [reached]);
  // Slices drawn while nothing they read changed are kept: a frame of the first drawing builds one.
  const inputs = [edges, nodes, problems, selected, flowNodes];
  const kept = useRef<{ inputs: unknown[]; slices: Map<number, ReturnType<typeof overviewPaths>> }>(null);
  if (!kept.current || kept.current.inputs.some((x, i) => x !== inputs[i])) {
    kept.current = { inputs, slices: new Map() };
  }
  const slices: { key: number; paths: Map<string, string> }[] = [];
  let drawn = 0;
  for (let from = 0; from < Math.min(limit, edges.length); from += EDGE_SLICE) {
    let slice = kept.current.slices.get(from);
    if (!slice) {
      slice = overviewPaths(edges.slice(from, from + EDGE_SLICE), boxOf, styleOf);
      kept.current.slices.set(from, slice);
    }
    slices.push({ key: from, paths: slice.paths });
    drawn += slice.drawn;
  }
  return (
    <ViewportPortal>
      <svg
        className="ng-overview-edges"
        data-testid="overview-edges"
        data-drawn={drawn}
        data-slices={slices.length}
        aria-hidden="true"
      >
        {slices.map(({ key, paths }) =>
          [...paths].map(([style, d]) => (
            <path key={`${key}:${style}`} className={`ng-overview-edge ${style}`} d={d} />
          )),
        )}
      </svg>
    </ViewportPortal>
  );
}

function sameKind(a: GraphNode | undefined, b: GraphNode | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.params === b.params;
}

export const OverviewEdges = memo(OverviewEdgesView);
