/**
 * Writing a document: the same document always gives the same bytes (fixed key order, sorted
 * parameter names, a fixed layout), so saved files diff cleanly and export → import → export is
 * byte-identical. Fields the format does not know are not written.
 */
import type { Change, ComparedRuns } from '../engine/compare';
import type { GraphEdge, GraphNode } from '../engine/graph';
import { prettyJson } from './pretty-json';
import { CURRENT_VERSION, FORMAT_TAG, type NeurographDocument } from './schema';

export function exportDocument(doc: NeurographDocument): string {
  return `${prettyJson({
    format: FORMAT_TAG,
    version: CURRENT_VERSION,
    name: doc.name,
    description: doc.description,
    createdWith: doc.createdWith,
    seed: doc.seed,
    orderSeed: doc.orderSeed,
    nodes: doc.nodes.map(orderedNode),
    edges: doc.edges.map(orderedEdge),
    viewport: doc.viewport && { x: doc.viewport.x, y: doc.viewport.y, zoom: doc.viewport.zoom },
    comparison: doc.comparison && orderedComparison(doc.comparison),
  })}\n`;
}

function orderedNode(node: GraphNode) {
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    position: { x: node.position.x, y: node.position.y },
    params: sortedKeys(node.params),
    paramLabels: node.paramLabels && sortedKeys(node.paramLabels),
  };
}

function orderedEdge(edge: GraphEdge) {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: edge.targetHandle,
    weight: edge.weight,
    label: edge.label,
  };
}

function orderedComparison(runs: ComparedRuns) {
  return {
    steps: runs.steps,
    target: runs.target,
    variants: runs.variants.map((v) => ({ name: v.name, changes: v.changes.map(orderedChange) })),
    shown: runs.shown && { variant: runs.shown.variant, restore: runs.shown.restore.map(orderedChange) },
  };
}

/** `type` first, then the change's fields by name (parameters sorted too). */
function orderedChange(change: Change) {
  const { type, ...rest } = change;
  const fields = sortedKeys(rest as Record<string, unknown>);
  if ('params' in change && change.params) fields.params = sortedKeys(change.params);
  return { type, ...fields };
}

/** Sorted by name, so the order in which a learner happened to set parameters never shows in the file. */
function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const MAX_NAME_LENGTH = 80;
/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A file name safe on every system and in a shell: "Border at x = 3" → "border-at-x-3.neurograph.json".
 * Letters of any script are kept; everything else becomes a dash.
 */
export function documentFileName(name: string): string {
  let stem = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  stem = Array.from(stem).slice(0, MAX_NAME_LENGTH).join('').replace(/-+$/, '');
  if (stem === '') stem = 'untitled';
  if (RESERVED.test(stem)) stem = `${stem}-network`;
  return `${stem}.neurograph.json`;
}
