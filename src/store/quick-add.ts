/**
 * Quick-add: the search box that opens on the canvas (double-click, Space, Shift+A, or a
 * connection dropped on empty canvas). Which kinds it offers, in what order, and the command that
 * adds the chosen node — connected to the port the connection came from, as one undo entry.
 */
import type { GraphNode, NodeId, Position } from '../engine/graph';
import { type AnyKind, FAMILY_LABELS } from '../engine/kind';
import { KINDS } from '../engine/registry';
import { type ConnectionStart, checkConnection, type GraphView, requestFrom } from './connect';
import { type DocumentStore, useDocument } from './document';
import { nodeSpec } from './ports';
import { useSelection } from './selection';

export interface KindChoice {
  kind: AnyKind;
  /** With a connection: the new node's port it ends on, and that port's row among its side's ports. */
  port?: { id: string; label: string; row: number };
}

const PROBE_PREFIX = '\u0000quick-add:';

/** Every kind, in palette order. */
export function allKindChoices(): KindChoice[] {
  return KINDS.map((kind) => ({ kind }));
}

/**
 * The kinds a connection started at `from` can end on, each with the first port of a new node of
 * that kind (default parameters) that accepts it. A new node has no edges, so only the port types
 * and the `from` port's own state (an input that already has its one connection) decide.
 */
export function kindsFitting(graph: GraphView, from: ConnectionStart): KindChoice[] {
  const probes: GraphNode[] = KINDS.map((kind) => ({
    id: `${PROBE_PREFIX}${kind.id}` as NodeId,
    kind: kind.id,
    params: {},
    position: { x: 0, y: 0 },
  }));
  const probed: GraphView = { nodes: [...graph.nodes, ...probes], edges: graph.edges };
  const result: KindChoice[] = [];
  for (const probe of probes) {
    const spec = nodeSpec(probe);
    if (!spec) continue;
    const ports = from.type === 'source' ? spec.ports.inputs : spec.ports.outputs;
    const row = ports.findIndex((p) => checkConnection(probed, requestFrom(from, probe.id, p.id)).ok);
    if (row >= 0) result.push({ kind: spec.kind, port: { id: ports[row].id, label: ports[row].label, row } });
  }
  return result;
}

/**
 * The choices matching every word of `query`, best first: a label that starts with the query, then
 * a word of the label that does, then a match anywhere (id, family, description); registry order
 * within each.
 */
export function rankKinds(choices: readonly KindChoice[], query: string): KindChoice[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...choices];
  const words = q.split(/\s+/);
  const scored: { choice: KindChoice; score: number; index: number }[] = [];
  choices.forEach((choice, index) => {
    const { kind } = choice;
    const label = kind.label.toLowerCase();
    const haystack =
      `${label} ${kind.id} ${FAMILY_LABELS[kind.family]} ${kind.description} ${choice.port?.label ?? ''}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return;
    let score = 3;
    if (label.startsWith(q) || kind.id.toLowerCase().startsWith(q)) score = 0;
    else if (label.split(/[\s()/-]+/).some((w) => w.startsWith(words[0]))) score = 1;
    else if (label.includes(q)) score = 2;
    scored.push({ choice, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.map((s) => s.choice);
}

/**
 * Adds a node of `kind` at `position` and, with `from`, connects it through `portId` — one undo
 * entry for both. Selects the new node. Returns its id, or null if the kind is unknown or the
 * connection was refused (then nothing changes).
 */
export function addConnectedNode(
  kind: string,
  position: Position,
  from?: ConnectionStart,
  portId?: string,
  doc: DocumentStore = useDocument,
): string | null {
  const d = doc.getState();
  if (!from || !portId) {
    const id = d.addNode(kind, position);
    if (id) useSelection.getState().select([id]);
    return id;
  }
  const before = { nodes: d.nodes, edges: d.edges };
  d.beginGesture();
  let id: string | null = null;
  try {
    id = d.addNode(kind, position);
    if (id && !doc.getState().connect(requestFrom(from, id, portId)).ok) {
      doc.setState(before);
      id = null;
    }
  } finally {
    doc.getState().endGesture();
  }
  if (id) useSelection.getState().select([id]);
  return id;
}
