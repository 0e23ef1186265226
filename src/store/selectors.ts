/**
 * Module-level selector factories over the document: one selector per id, created once, each
 * returning a value whose identity changes only when that value changes. A node subscribes to its
 * own kind, parameters and label, so moving one node re-renders that node alone.
 */
import type { GraphEdge, GraphNode } from '../engine/graph';
import type { PortType } from '../engine/ports';
import type { DocumentState } from './document';
import { edgeById, nodeById } from './lookup';
import { perId as perIdOf } from './per-id';
import { outputPort } from './ports';

/** A per-id selector factory over the document's state. */
const perId = <T>(make: (id: string) => (s: DocumentState) => T) => perIdOf(make);

export const selectNodeKind = perId((id) => (s) => nodeById(s.nodes, id)?.kind);
export const selectNodeParams = perId((id) => (s) => nodeById(s.nodes, id)?.params);
export const selectNodeLabel = perId((id) => (s) => nodeById(s.nodes, id)?.label);
export const selectNodeExists = perId((id) => (s) => nodeById(s.nodes, id) !== undefined);

export const selectEdge = perId(
  (id) =>
    (s): GraphEdge | undefined =>
      edgeById(s.edges, id),
);
export const selectEdgeWeight = perId((id) => (s) => edgeById(s.edges, id)?.weight);
export const selectEdgeLabel = perId((id) => (s) => edgeById(s.edges, id)?.label);

/** The kind of the node an edge ends at (e.g. "neuron": its edges show weights). */
export const selectEdgeTargetKind = perId((id) => (s) => {
  const e = edgeById(s.edges, id);
  return e ? nodeById(s.nodes, e.target)?.kind : undefined;
});

/** The type of the output port an edge starts from: edges are coloured by it. */
export const selectEdgeType = perId((id) => (s): PortType | undefined => {
  const e = edgeById(s.edges, id);
  const source = e && nodeById(s.nodes, e.source);
  return source ? outputPort(source, e.sourceHandle)?.type : undefined;
});

/** A node as the inspector shows it; changes identity when it moves (use the field selectors on the canvas). */
export const selectNode = perId(
  (id) =>
    (s): GraphNode | undefined =>
      nodeById(s.nodes, id),
);
