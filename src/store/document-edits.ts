/**
 * The document's edits of the graph: nodes (add, remove, move, parameters, labels, pasted
 * fragments) and edges (connect, reconnect, weights, labels). Each makes new arrays and values, so
 * undo (zundo) and autosave see a change by identity; an edit that changes nothing sets nothing.
 */
import type { GraphEdge, GraphNode, NodeId } from '../engine/graph';
import { getKind } from '../engine/registry';
import { checkConnection } from './connect';
import type { DocumentActions, DocumentState } from './document';
import { cloneFragment, labelsOf, removeFromGraph, uniqueLabel } from './graph-ops';
import { newEdgeId, newNodeId } from './ids';
import { checkParam } from './param-edit';

export type SetDocument = (partial: Partial<Omit<DocumentState, keyof DocumentActions>>) => void;
export type GetDocument = () => DocumentState;

type NodeEdits = Pick<
  DocumentActions,
  'addNode' | 'remove' | 'moveNodes' | 'setParam' | 'setNodeLabel' | 'insertFragment' | 'setPositions'
>;
type EdgeEdits = Pick<DocumentActions, 'connect' | 'reconnect' | 'setEdgeWeight' | 'setEdgeLabel'>;

/** Replaces node `id` by `update(node)`, unless it returns the node itself. */
function nodeUpdater(set: SetDocument, get: GetDocument) {
  return (id: string, update: (n: GraphNode) => GraphNode) => {
    const { nodes } = get();
    const i = nodes.findIndex((n) => n.id === id);
    if (i < 0) return;
    const next = update(nodes[i]);
    if (next === nodes[i]) return;
    set({ nodes: nodes.with(i, next) });
  };
}

export function nodeEdits(set: SetDocument, get: GetDocument): NodeEdits {
  const updateNode = nodeUpdater(set, get);
  return {
    addNode(kindId, position, params = {}) {
      const kind = getKind(kindId);
      if (!kind) return null;
      const { nodes } = get();
      const node: GraphNode = {
        id: newNodeId(),
        kind: kind.id,
        params: { ...params },
        position: { x: position.x, y: position.y },
        label: uniqueLabel(labelsOf(nodes), `${kind.label} 1`),
      };
      set({ nodes: [...nodes, node] });
      return node.id;
    },

    remove(nodeIds, edgeIds = []) {
      const n = new Set<string>(nodeIds);
      const e = new Set<string>(edgeIds);
      if (n.size === 0 && e.size === 0) return;
      const { nodes, edges } = get();
      const next = removeFromGraph(nodes, edges, n, e);
      if (next.nodes.length === nodes.length && next.edges.length === edges.length) return;
      set({
        nodes: next.nodes.length === nodes.length ? nodes : next.nodes,
        edges: next.edges.length === edges.length ? edges : next.edges,
      });
    },

    moveNodes(moves) {
      if (moves.length === 0) return;
      const byId = new Map(moves.map((m) => [m.id, m.position]));
      let changed = false;
      const nodes = get().nodes.map((n) => {
        const p = byId.get(n.id);
        if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
        changed = true;
        return { ...n, position: { x: p.x, y: p.y } };
      });
      if (changed) set({ nodes });
    },

    setParam(nodeId, key, value) {
      const node = get().nodes.find((n) => n.id === nodeId);
      const kind = node && getKind(node.kind);
      if (!node || !kind) return 'That node no longer exists.';
      if (value === undefined) {
        if (!(key in node.params)) return null;
        const { [key]: _dropped, ...rest } = node.params;
        updateNode(nodeId, (n) => ({ ...n, params: rest }));
        return null;
      }
      const problem = checkParam(kind, node.params, key, value);
      if (problem) return problem;
      if (Object.is(node.params[key], value)) return null;
      // Parameters that follow this one (a dataset's noise), in the same undo entry.
      const follow = kind.follow?.(key, value) ?? {};
      updateNode(nodeId, (n) => ({ ...n, params: { ...n.params, [key]: value, ...follow } }));
      return null;
    },

    setNodeLabel(nodeId, label) {
      const trimmed = label.trim();
      updateNode(nodeId, (n) => {
        if ((n.label ?? '') === trimmed) return n;
        const { label: _old, ...rest } = n;
        return trimmed ? { ...rest, label: trimmed } : rest;
      });
    },

    insertFragment(fragment, offset) {
      const { nodes, edges } = get();
      const copy = cloneFragment(fragment, nodes, offset);
      if (copy.nodes.length === 0) return { nodeIds: [], edgeIds: [] };
      set({ nodes: [...nodes, ...copy.nodes], edges: [...edges, ...copy.edges] });
      return { nodeIds: copy.nodes.map((n) => n.id), edgeIds: copy.edges.map((e) => e.id) };
    },

    setPositions(positions) {
      get().moveNodes([...positions].map(([id, position]) => ({ id, position })));
    },
  };
}

export function edgeEdits(set: SetDocument, get: GetDocument): EdgeEdits {
  const updateEdge = (id: string, update: (e: GraphEdge) => GraphEdge) => {
    const { edges } = get();
    const i = edges.findIndex((e) => e.id === id);
    if (i < 0) return;
    set({ edges: edges.with(i, update(edges[i])) });
  };
  return {
    connect(c) {
      const check = checkConnection(get(), c);
      if (!check.ok) return check;
      const edge: GraphEdge = {
        id: newEdgeId(),
        source: c.source as NodeId,
        sourceHandle: c.sourceHandle ?? '',
        target: c.target as NodeId,
        targetHandle: c.targetHandle ?? '',
      };
      set({ edges: [...get().edges, edge] });
      return { ok: true, edgeId: edge.id };
    },

    reconnect(edgeId, c) {
      const check = checkConnection(get(), c, edgeId);
      if (!check.ok) return check;
      updateEdge(edgeId, (e) => ({
        ...e,
        source: c.source as NodeId,
        sourceHandle: c.sourceHandle ?? '',
        target: c.target as NodeId,
        targetHandle: c.targetHandle ?? '',
      }));
      return check;
    },

    setEdgeWeight(edgeId, weight) {
      updateEdge(edgeId, (e) => {
        const { weight: _old, ...rest } = e;
        return weight === undefined ? rest : { ...rest, weight };
      });
    },

    setEdgeLabel(edgeId, label) {
      const trimmed = label.trim();
      updateEdge(edgeId, (e) => {
        const { label: _old, ...rest } = e;
        return trimmed ? { ...rest, label: trimmed } : rest;
      });
    },
  };
}
