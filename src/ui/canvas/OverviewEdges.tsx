/**
 * A big network's edges when zoomed out: drawn as one SVG path per style in the viewport (it pans
 * and zooms with the nodes) instead of one React Flow edge each. Far away an edge is a hairline
 * nobody clicks; what matters is that a drag or a pan stays smooth (see overview-paths.ts).
 */
import { type InternalNode, type ReactFlowState, useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { memo, useRef } from 'react';
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
import type { RevealState } from './reveal-slices';

const selectEdges = (s: { edges: GraphEdge[] }) => s.edges;
const selectNodes = (s: { nodes: GraphNode[] }) => s.nodes;
const selectByEdge = (s: CompiledState) => s.byEdge;
const selectSelectedEdges = (s: { edges: ReadonlySet<string> }) => s.edges;
/** Changes whenever React Flow re-adopts the nodes: a move, a measure. */
const selectFlowNodes = (s: ReactFlowState): readonly unknown[] | null => s.nodes;
const selectNothing = (_: ReactFlowState): readonly unknown[] | null => null;
const selectRevealing = (s: RevealState) => s.total > 0;

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

function OverviewEdgesView() {
  const edges = useDocument(selectEdges);
  const nodes = useDocument(selectNodes);
  const problems = useCompiled(selectByEdge);
  const selected = useSelection(selectSelectedEdges);
  // While a big document comes in slices, drawn once from where its nodes will be, not per slice.
  const revealing = useReveal(selectRevealing);
  useFlowStore(revealing ? selectNothing : selectFlowNodes);
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
  // Each node not in React Flow yet is estimated once, not once per edge end.
  const estimated = new Map<string, NodeBox | undefined>();
  const boxOf = (id: string) => {
    const measured = nodeBox(nodeLookup.get(id));
    if (measured) return measured;
    if (!estimated.has(id)) estimated.set(id, estimatedBox(nodeById(nodes, id)));
    return estimated.get(id);
  };
  const { paths, drawn } = overviewPaths(
    edges,
    boxOf,
    (e) =>
      `ng-edge ng-edge--${typeOf(e)}${selected.has(e.id) ? ' is-selected' : ''}${problems.get(e.id)?.some((d) => d.severity === 'error') ? ' has-error' : ''}`,
  );
  return (
    <ViewportPortal>
      <svg className="ng-overview-edges" data-testid="overview-edges" data-drawn={drawn} aria-hidden="true">
        {[...paths].map(([style, d]) => (
          <path key={style} className={`ng-overview-edge ${style}`} d={d} />
        ))}
      </svg>
    </ViewportPortal>
  );
}

function sameKind(a: GraphNode | undefined, b: GraphNode | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.params === b.params;
}

export const OverviewEdges = memo(OverviewEdgesView);
