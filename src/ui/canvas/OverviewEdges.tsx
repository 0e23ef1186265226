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
import type { FlowNode } from './flow-elements';
import { type NodeBox, overviewPaths } from './overview-paths';

const selectEdges = (s: { edges: GraphEdge[] }) => s.edges;
const selectNodes = (s: { nodes: GraphNode[] }) => s.nodes;
const selectByEdge = (s: CompiledState) => s.byEdge;
const selectSelectedEdges = (s: { edges: ReadonlySet<string> }) => s.edges;
/** Changes whenever React Flow re-adopts the nodes: a move, a measure. */
const selectFlowNodes = (s: ReactFlowState) => s.nodes;

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

function OverviewEdgesView() {
  const edges = useDocument(selectEdges);
  const nodes = useDocument(selectNodes);
  const problems = useCompiled(selectByEdge);
  const selected = useSelection(selectSelectedEdges);
  useFlowStore(selectFlowNodes);
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
  const { paths, drawn } = overviewPaths(
    edges,
    (id) => nodeBox(nodeLookup.get(id)),
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
