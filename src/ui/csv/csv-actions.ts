/**
 * Getting a CSV file into a CSV data node: pick or drop a file → the CSV dialog (preview, columns,
 * bad rows) → applied to the node, or to a new one, as ONE undo entry.
 */

import { type CsvTask, csvSupport, formatSize, MAX_CSV_CHARS } from '../../engine/datasets/csv';
import type { Position } from '../../engine/graph';
import { CSV_KIND_ID } from '../../engine/kinds/csv-data';
import { getKind } from '../../engine/registry';
import {
  nodeById,
  nodeSpec,
  uniqueLabel,
  useDocument,
  useSelection,
  useSession,
  withLibraries,
} from '../../store';
import { viewCenter } from '../actions/flow';

export { CSV_KIND_ID };

/** What the CSV dialog applies. */
export interface CsvSettings {
  features: string[];
  target: string;
  task: CsvTask;
  standardize: boolean;
  skipBadRows: boolean;
}

/** Where a CSV goes: an existing CSV data node, or a new one at a canvas position (default: the middle). */
export interface CsvDestination {
  nodeId: string | null;
  at?: Position;
  /** Another data node the CSV node takes the place of: its connections move over, then it goes. */
  replaces?: string;
}

/** The data nodes (a graph takes one) other than `nodeId`: candidates to be replaced by the CSV. */
export function otherDataNodes(nodeId: string | null): { id: string; name: string; kind: string }[] {
  return useDocument
    .getState()
    .nodes.filter((n) => n.id !== nodeId && getKind(n.kind)?.role === 'data')
    .map((n) => ({ id: n.id, name: n.label || n.id, kind: getKind(n.kind)?.label ?? n.kind }));
}

/** A file read as text and shown in the CSV dialog; a file far too large is refused before reading. */
export async function loadCsvFile(file: File, to: CsvDestination): Promise<void> {
  const session = useSession.getState();
  // UTF-8 needs at most 4 bytes a character: beyond this the text cannot fit, whatever it holds.
  if (file.size > MAX_CSV_CHARS * 4) {
    session.showToast(
      `“${file.name}” is ${formatSize(file.size)}; a CSV data node holds at most 1 MB of text. Keep fewer rows or columns.`,
      { tone: 'error', duration: 8000 },
    );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    session.showToast(`“${file.name}” could not be read: ${(error as Error).message}`, { tone: 'error' });
    return;
  }
  // The dialog reads the CSV as it opens: papaparse (loaded on first use) comes first.
  await withLibraries([csvSupport], () =>
    useSession
      .getState()
      .openDialog({ type: 'csv', fileName: file.name, text, nodeId: to.nodeId, at: to.at }),
  );
}

/** Opens the system file picker for a CSV file. */
export function pickCsvFile(to: CsvDestination): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.csv,.tsv,text/csv,text/tab-separated-values,text/plain';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void loadCsvFile(file, to);
  });
  input.click();
}

/** "iris.csv" → "iris". */
export const fileStem = (name: string) => name.replace(/\.[^.]*$/, '').trim() || 'CSV data';

const DEFAULT_LABEL = /^CSV data( \d+)?$/;

/**
 * Puts the CSV and the chosen columns into the node (or a new node), as one undo entry. Edges from
 * a feature port follow their column to its new port, or go if the column is no longer a feature.
 * Returns the node's id.
 */
export function applyCsv(to: CsvDestination, fileName: string, text: string, s: CsvSettings): string | null {
  const doc = useDocument.getState();
  const params = {
    csv: text,
    features: s.features,
    target: s.target,
    task: s.task,
    standardize: s.standardize,
    skipBadRows: s.skipBadRows,
  };
  const existing = to.nodeId ? nodeById(doc.nodes, to.nodeId) : undefined;
  const labels = new Set(doc.nodes.filter((n) => n.id !== to.nodeId && n.label).map((n) => n.label!));
  const label = uniqueLabel(labels, fileStem(fileName));
  doc.beginGesture();
  let id: string | null;
  try {
    if (existing && existing.kind === CSV_KIND_ID) {
      id = existing.id;
      const before = (nodeSpec(existing)?.values.features as string[] | undefined) ?? [];
      for (const [key, value] of Object.entries(params)) doc.setParam(id, key, value);
      if (!existing.label || DEFAULT_LABEL.test(existing.label)) doc.setNodeLabel(id, label);
      followColumns(id, before, s.features);
    } else {
      const replaced = to.replaces ? nodeById(doc.nodes, to.replaces) : undefined;
      id = doc.addNode(CSV_KIND_ID, replaced?.position ?? to.at ?? viewCenter(), params);
      if (id) useDocument.getState().setNodeLabel(id, label);
    }
    if (id && to.replaces && to.replaces !== id) takeOver(to.replaces, id, s.features.length);
  } finally {
    useDocument.getState().endGesture();
  }
  if (id) useSelection.getState().select([id]);
  return id;
}

/** Edges from port x{i} (feature before[i]) move to the port of the same column, or are removed. */
function followColumns(nodeId: string, before: readonly string[], after: readonly string[]): void {
  const doc = useDocument.getState();
  const gone: string[] = [];
  const moves: { edgeId: string; port: string }[] = [];
  for (const e of doc.edges) {
    if (e.source !== nodeId) continue;
    const m = /^x(\d+)$/.exec(e.sourceHandle);
    if (!m) continue;
    const j = after.indexOf(before[Number(m[1])]);
    if (j < 0) gone.push(e.id);
    else if (`x${j}` !== e.sourceHandle) moves.push({ edgeId: e.id, port: `x${j}` });
  }
  for (const { edgeId, port } of moves) {
    const edge = useDocument.getState().edges.find((e) => e.id === edgeId)!;
    const check = useDocument.getState().reconnect(edge.id, {
      source: nodeId,
      sourceHandle: port,
      target: edge.target,
      targetHandle: edge.targetHandle,
    });
    if (!check.ok) gone.push(edgeId);
  }
  if (gone.length > 0) useDocument.getState().remove([], gone);
}

/**
 * The CSV node takes another data node's place: its connections move over (features and target as
 * they are, feature port x{i} to x{i} while the CSV has that many features), keeping their ids,
 * weights and labels; then the old node is removed with whatever could not move.
 */
function takeOver(oldId: string, newId: string, features: number): void {
  for (const e of useDocument.getState().edges) {
    if (e.source !== oldId) continue;
    const m = /^x(\d+)$/.exec(e.sourceHandle);
    if (m && Number(m[1]) >= features) continue;
    useDocument.getState().reconnect(e.id, {
      source: newId,
      sourceHandle: e.sourceHandle,
      target: e.target,
      targetHandle: e.targetHandle,
    });
  }
  useDocument.getState().remove([oldId]);
}
