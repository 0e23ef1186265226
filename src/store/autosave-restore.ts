/**
 * Restoring the saved document, the first half of autosave: read what is stored (a stuck storage
 * counts as failed after a while), open it through the file format (validated, upgraded), and put it
 * in the store, unless the learner already edited the document while the read was under way (their
 * edits win). What cannot be opened is kept aside under UNREADABLE_KEY instead of being overwritten.
 */
import { type ImportResult, importDocument, type Problem } from '../format';
import { type DocumentStorage, type RestoreOutcome, UNREADABLE_KEY } from './autosave-types';
import { type DocumentData, type DocumentStore, sameTracked } from './document';
import { unreadableMessage } from './save-schedule';
import { useSelection } from './selection';
import type { Stored } from './tab-conflict';

export type Decoded =
  | { ok: true; document: DocumentData; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Reads document text (validated, upgraded): importDocument by default; the app reads a big saved
 * document in a worker, as a big file (ui/actions/import-off-thread.ts), since reading 5,000 nodes
 * on the page took one task of a second on reload.
 */
export type ReadText = (text: string) => ImportResult | Promise<ImportResult>;

/** A stored value opened as a document (without its createdWith stamp), or why it cannot be. */
export function decodeSaved(raw: unknown): Decoded {
  return decodedFrom(typeof raw === 'string' ? importDocument(raw) : null);
}

/** decodeSaved, reading the text with `read`. */
export async function decodeSavedWith(raw: unknown, read: ReadText = importDocument): Promise<Decoded> {
  return decodedFrom(typeof raw === 'string' ? await read(raw) : null);
}

/** What reading gave (null: the stored value was not text), as Decoded. */
function decodedFrom(result: ImportResult | null): Decoded {
  if (result?.ok) {
    const { createdWith: _ignored, ...document } = result.document;
    return { ok: true, document, warnings: result.warnings };
  }
  return {
    ok: false,
    problems: result ? result.problems : [{ path: '', message: 'the saved value is not text' }],
  };
}

/** `pending`, or a rejection once it has not settled after `ms`. */
export async function withTimeout<T>(pending: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      pending,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface RestoreContext {
  storage: DocumentStorage;
  doc: DocumentStore;
  /** The document as it was when autosave started: anything else means the learner edited it. */
  atStart: DocumentData;
  read(): Promise<Stored>;
  loadTimeout: number;
  /** Whether autosave was stopped meanwhile (then nothing is touched). */
  stopped(): boolean;
  /** Reads the stored text (default importDocument, here). */
  readText?: ReadText;
  onError?(message: string, error: unknown): void;
}

/** How a restore ended, and what the saver starts from: the stored revision and text. */
export interface Restored {
  outcome: RestoreOutcome;
  revision?: string;
  /** The stored text when it is exactly the document now open (nothing to save yet). */
  lastSaved: string | null;
}

export async function restoreSaved(ctx: RestoreContext): Promise<Restored> {
  const { storage, doc } = ctx;
  let stored: Stored;
  try {
    stored = await withTimeout(ctx.read(), ctx.loadTimeout, 'the storage did not answer');
  } catch (error) {
    if (ctx.stopped()) return { outcome: { status: 'stopped' }, lastSaved: null };
    // The caller turns autosave off and says so (readFailedMessage).
    return { outcome: { status: 'failed', error }, lastSaved: null };
  }
  if (ctx.stopped()) return { outcome: { status: 'stopped' }, lastSaved: null };
  const { raw, revision } = stored;
  if (raw === undefined || raw === null) return { outcome: { status: 'empty' }, revision, lastSaved: null };
  if (!sameTracked(doc.getState(), ctx.atStart))
    return { outcome: { status: 'kept' }, revision, lastSaved: null };

  const decoded = await decodeSavedWith(raw, ctx.readText);
  // Read elsewhere (a worker) it took a while: the same checks again.
  if (ctx.stopped()) return { outcome: { status: 'stopped' }, lastSaved: null };
  if (!sameTracked(doc.getState(), ctx.atStart))
    return { outcome: { status: 'kept' }, revision, lastSaved: null };
  if (decoded.ok) {
    doc.getState().loadDocument(decoded.document, { resetHistory: true });
    useSelection.getState().clear();
    const outcome: RestoreOutcome = {
      status: 'restored',
      document: decoded.document,
      warnings: decoded.warnings,
    };
    return { outcome, revision, lastSaved: typeof raw === 'string' ? raw : null };
  }
  try {
    await storage.set(UNREADABLE_KEY, typeof raw === 'string' ? raw : JSON.stringify(raw));
  } catch {
    // Keeping it aside failed too: still better to go on saving what the learner does now.
  }
  ctx.onError?.(unreadableMessage(decoded.problems), decoded.problems);
  return { outcome: { status: 'unreadable', problems: decoded.problems }, revision, lastSaved: null };
}
