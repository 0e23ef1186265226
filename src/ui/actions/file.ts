/**
 * Import and export of .neurograph.json files. Export downloads the document; import reads a file,
 * opens it if valid, and otherwise lists each problem with its path, leaving the current graph untouched.
 */
import { documentFileName, exportDocument, formatProblem, importDocument } from '../../format';
import { toDocument, useDocument, useSession } from '../../store';
import { openAndShow } from './documents';

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

/** Reads a file and opens it, or shows why it cannot be opened. */
export async function importFile(file: File): Promise<boolean> {
  const text = await file.text();
  const result = importDocument(text);
  const session = useSession.getState();
  if (!result.ok) {
    session.openDialog({ type: 'import-problems', fileName: file.name, problems: result.problems });
    return false;
  }
  openAndShow(result.document);
  if (result.warnings.length > 0) {
    session.showToast(
      `Opened “${file.name}” with ${result.warnings.length} warning(s): ${formatProblem(result.warnings[0])}`,
      {
        tone: 'info',
      },
    );
  }
  return true;
}

/** Opens the system file picker and imports the chosen file. */
export function pickFileToImport(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,.neurograph.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void importFile(file);
  });
  input.click();
}
