/**
 * Import and export of .neurograph.json files. Export downloads the document; import reads a file,
 * opens it if valid, and otherwise lists each problem with its path, leaving the current graph untouched.
 * An .onnx file is read as an MLP (code/onnx-import.ts).
 */

import { formatSize } from '../../engine/datasets/csv';
import {
  documentFileName,
  exportDocument,
  formatProblem,
  type ImportResult,
  importDocument,
  type NeurographDocument,
  type Problem,
} from '../../format';
import { toDocument, useDocument, useSession } from '../../store';
import { warmUpNodes } from '../canvas/warm-up';
import { importOnnxFile } from '../code/onnx-import';
import { openAndShow } from './documents';
import { importOffThread } from './import-off-thread';

export function exportCurrentDocument(): void {
  const state = useDocument.getState();
  const text = exportDocument({ ...toDocument(state), createdWith: 'neurograph' });
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = documentFileName(state.name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Files above this size say they are being opened (reading them takes a moment, off the page). */
const ANNOUNCE_BYTES = 200_000;

/**
 * Reads a file and opens it, or shows why it cannot be opened (the current network is untouched).
 * The file is read and checked in a worker (import-off-thread.ts), so even a big one never freezes
 * the page; a big one says it is being opened meanwhile.
 */
export async function importFile(file: File): Promise<boolean> {
  if (/\.onnx$/i.test(file.name)) return importOnnxFile(file);
  const session = useSession.getState();
  if (file.size > ANNOUNCE_BYTES) {
    session.showToast(`Opening “${file.name}” (${formatSize(file.size)})…`, {
      tone: 'info',
      duration: 60_000,
    });
  }
  const result = await importOffThread(file);
  if (result.ok) await warmUpNodes(result.document.nodes);
  return showImported(result, file.name);
}

/** Opens document text (a file's, or pasted); `source` names it in messages. */
export function importText(text: string, source: string): boolean {
  return showImported(importDocument(text), source);
}

function showImported(result: ImportResult, source: string): boolean {
  if (!result.ok) {
    const session = useSession.getState();
    if (session.toast?.message.startsWith('Opening “')) session.dismissToast();
    session.openDialog({ type: 'import-problems', fileName: source, problems: result.problems });
    return false;
  }
  openImported(result.document, result.warnings, source);
  return true;
}

/** Opens an imported document, saying what happened (and any warning); the previous one stays a click away. */
export function openImported(doc: NeurographDocument, warnings: readonly Problem[], source: string): void {
  const { createdWith: _app, ...document } = doc;
  const warning =
    warnings.length === 0
      ? ''
      : ` ${warnings.length === 1 ? 'Note' : `${warnings.length} notes`}: ${formatProblem(warnings[0])}.`;
  openAndShow(document, `Opened “${source}”.${warning}`);
}

/** Opens the system file picker and imports the chosen file. */
export function pickFileToImport(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,.neurograph.json,application/json,.onnx';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void importFile(file);
  });
  input.click();
}
