/**
 * Copy and paste through the system clipboard: the clipboard holds a Neurograph document of the
 * selection (the same JSON as a saved file), so a copy in one tab pastes in another, and pasting a
 * saved file's text inserts its nodes.
 */
import {
  exportDocument,
  type ImportResult,
  importDocument,
  type NeurographDocument,
  type Problem,
} from '../format';
import { type DocumentStore, useDocument } from './document';
import { type Fragment, fragmentOf, topLeft } from './graph-ops';
import { type SelectionState, useSelection } from './selection';

/** The selected nodes (and the edges between them) as document JSON; null if nothing is selected. */
export function copyText(
  doc: DocumentStore = useDocument,
  selection: SelectionState = useSelection.getState(),
): string | null {
  if (selection.nodes.size === 0) return null;
  const { nodes, edges, seed } = doc.getState();
  const fragment = fragmentOf(nodes, edges, selection.nodes);
  if (fragment.nodes.length === 0) return null;
  return exportDocument({
    name: COPIED_NAME,
    createdWith: CLIPBOARD_MARK,
    seed,
    nodes: fragment.nodes,
    edges: fragment.edges,
  });
}

/** Marks the JSON copyText writes: pasting it inserts nodes, where a whole saved network offers to open. */
export const CLIPBOARD_MARK = 'neurograph clipboard';
const COPIED_NAME = 'Copied nodes';

export type ClipboardContent =
  /** Nodes copied in the editor: pasted into the current network. */
  | { type: 'fragment'; fragment: Fragment }
  /** A whole network (a saved file's text): offered to open. */
  | { type: 'document'; document: NeurographDocument; warnings: Problem[] }
  /** A Neurograph document that cannot be opened, with why. */
  | { type: 'invalid'; problems: Problem[] }
  /** Anything else: not ours, ignored. */
  | { type: 'other' };

/** Whether pasted text may be ours (then it is read: see classifyClipboard). Cheap. */
export function mayBeOurs(text: string): boolean {
  return text.includes('"neurograph"');
}

/** What pasted text is; `parsed`: importDocument's result for it, if read already (off the page). */
export function classifyClipboard(text: string, parsed?: ImportResult): ClipboardContent {
  if (!mayBeOurs(text)) return { type: 'other' };
  const result = parsed ?? importDocument(text);
  if (!result.ok) {
    let tagged = false;
    try {
      const json: unknown = JSON.parse(text);
      tagged =
        typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'neurograph';
    } catch {
      // Not JSON: a cut-off or hand-edited document still says what it is meant to be (then the
      // problems, with the syntax error's place, are worth showing); other text merely mentions us.
      tagged = /^\s*\{[\s\S]*"format"\s*:\s*"neurograph"/.test(text);
    }
    return tagged ? { type: 'invalid', problems: result.problems } : { type: 'other' };
  }
  const d = result.document;
  if (d.createdWith === CLIPBOARD_MARK || (d.name === COPIED_NAME && d.createdWith === undefined)) {
    return { type: 'fragment', fragment: { nodes: d.nodes, edges: d.edges } };
  }
  return { type: 'document', document: d, warnings: result.warnings };
}

/** Reads document JSON back into a fragment; null when the text is not a Neurograph document. */
export function parseClipboard(text: string): Fragment | null {
  if (!text.includes('"neurograph"')) return null;
  const result = importDocument(text);
  if (!result.ok) return null;
  return { nodes: result.document.nodes, edges: result.document.edges };
}

const PASTE_STEP = 32;
let lastPaste: { text: string; count: number } | null = null;

/**
 * Inserts the clipboard's nodes with new ids and selects them. Pasting the same text again shifts
 * each copy a little further, so copies never hide each other. `at`: where the top-left node lands;
 * `fragment`: the text's nodes and edges, if it was read already.
 */
export function pasteText(
  text: string,
  opts: { at?: { x: number; y: number }; doc?: DocumentStore; fragment?: Fragment } = {},
): { nodeIds: string[]; edgeIds: string[] } | null {
  // Read already (classifyClipboard) or read now.
  const fragment = opts.fragment ?? parseClipboard(text);
  if (!fragment || fragment.nodes.length === 0) return null;
  const count = lastPaste?.text === text ? lastPaste.count + 1 : 1;
  lastPaste = { text, count };
  const corner = topLeft(fragment.nodes);
  const offset = opts.at
    ? {
        x: opts.at.x - corner.x + (count - 1) * PASTE_STEP,
        y: opts.at.y - corner.y + (count - 1) * PASTE_STEP,
      }
    : { x: count * PASTE_STEP, y: count * PASTE_STEP };
  const ids = (opts.doc ?? useDocument).getState().insertFragment(fragment, offset);
  useSelection.getState().select(ids.nodeIds, ids.edgeIds);
  return ids;
}

/** Ctrl+D: copies of the selected nodes next to them, selected. */
export function duplicateSelection(
  doc: DocumentStore = useDocument,
): { nodeIds: string[]; edgeIds: string[] } | null {
  const selection = useSelection.getState();
  if (selection.nodes.size === 0) return null;
  const { nodes, edges } = doc.getState();
  const fragment = fragmentOf(nodes, edges, selection.nodes);
  const ids = doc.getState().insertFragment(fragment, { x: PASTE_STEP, y: PASTE_STEP });
  useSelection.getState().select(ids.nodeIds, ids.edgeIds);
  return ids;
}
