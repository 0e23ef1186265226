/**
 * Autosave: the document is kept in the browser and restored on reload, exactly (viewport
 * included); the undo history starts fresh.
 *
 * The one rule that matters: nothing is saved before the saved document has been read, or the
 * empty document the app starts with would overwrite it. `startAutosave` makes that structural: it
 * reads first, and only once the read has settled does it subscribe the saver to the store.
 *
 * The document is stored in the file format (as compact JSON), so restoring goes through the format
 * module: it is validated, and a document saved by an older version is upgraded.
 * A storage failure (quota, private mode) is reported, never thrown: the document in memory is
 * untouched and the next change tries again.
 */
import { create } from 'zustand';
import { CURRENT_VERSION, FORMAT_TAG, formatProblem, importDocument, type Problem } from '../format';
import { type DocumentData, type DocumentStore, sameTracked, toDocument, useDocument } from './document';
import { useSelection } from './selection';

/** Where the document is kept: IndexedDB in the app (idb-storage.ts), a Map in tests. */
export interface DocumentStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<void>;
}

export const AUTOSAVE_KEY = 'neurograph.autosave';
/** Where a saved document that can no longer be opened is kept aside instead of being overwritten. */
export const UNREADABLE_KEY = 'neurograph.autosave.unreadable';
export const AUTOSAVE_DELAY = 500;
/** Even while edits keep coming (a long drag), a save happens at least this often. */
export const AUTOSAVE_MAX_WAIT = 5000;
export const AUTOSAVE_LOAD_TIMEOUT = 8000;

export type RestoreOutcome =
  /** The saved document is open. */
  | { status: 'restored'; document: DocumentData; warnings: Problem[] }
  /** Nothing was saved yet. */
  | { status: 'empty' }
  /** The document was edited before the read finished: the edits win, and will be saved. */
  | { status: 'kept' }
  /** What was saved cannot be opened; it was kept aside under UNREADABLE_KEY. */
  | { status: 'unreadable'; problems: Problem[] }
  /** The storage could not be read: autosave stays off, so nothing saved can be overwritten. */
  | { status: 'failed'; error: unknown }
  /** stop() was called before the read finished. */
  | { status: 'stopped' };

/** What the save indicator shows. */
export type SaveStatus = 'loading' | 'saved' | 'pending' | 'saving' | 'error' | 'off';

/** Something that fires pagehide and visibilitychange: the window, or nothing in tests. */
export interface PageEvents {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
  /** Whether the page is hidden now (document.visibilityState === 'hidden'). */
  hidden?(): boolean;
}

export interface AutosaveOptions {
  storage: DocumentStorage;
  doc?: DocumentStore;
  key?: string;
  delay?: number;
  maxWait?: number;
  /** A read that has not answered after this long (a stuck IndexedDB) counts as failed. */
  loadTimeout?: number;
  page?: PageEvents;
  onStatus?(status: SaveStatus): void;
  /** A failure to read or write, in a sentence for the learner. Once per run of failures. */
  onError?(message: string, error: unknown): void;
}

export interface Autosave {
  /** Settles once the saved document was read (and restored); the saver is attached from then on. */
  ready: Promise<RestoreOutcome>;
  /** Saves now if anything changed; resolves when written (or failed). */
  flush(): Promise<void>;
  /** Detaches everything; a pending save is written first. */
  stop(): void;
}

const savedFieldsSame = (a: DocumentData, b: DocumentData) => sameTracked(a, b) && a.viewport === b.viewport;

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError') return 'the browser’s storage is full';
    return error.message || error.name;
  }
  return String(error);
}

/**
 * The document as saved: the file format's JSON, compact. Not exportDocument's pretty, sorted text:
 * for a 1,000-node network that takes ~40 ms of the main thread, JSON.stringify a few.
 */
export function serializeForAutosave(state: DocumentData): string {
  return JSON.stringify({ format: FORMAT_TAG, version: CURRENT_VERSION, ...toDocument(state) });
}

const serialize = serializeForAutosave;

export function startAutosave(opts: AutosaveOptions): Autosave {
  const {
    storage,
    doc = useDocument,
    key = AUTOSAVE_KEY,
    delay = AUTOSAVE_DELAY,
    maxWait = AUTOSAVE_MAX_WAIT,
    loadTimeout = AUTOSAVE_LOAD_TIMEOUT,
    page,
  } = opts;
  const status = (s: SaveStatus) => opts.onStatus?.(s);
  const atStart = doc.getState();

  let stopped = false;
  let detach: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let lastSaved: string | null = null;
  let failing = false;
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return writing;
    dirty = false;
    const text = serialize(doc.getState());
    if (text === lastSaved) {
      status('saved');
      return writing;
    }
    status('saving');
    writing = writing.then(async () => {
      try {
        await storage.set(key, text);
        lastSaved = text;
        failing = false;
        if (!dirty) status('saved');
      } catch (error) {
        status('error');
        if (!failing) {
          failing = true;
          opts.onError?.(
            `Your network could not be saved in this browser (${describeError(error)}). It is still open here: export it to keep a copy.`,
            error,
          );
        }
      }
    });
    return writing;
  };

  const schedule = () => {
    const now = Date.now();
    if (!dirty) firstPending = now;
    dirty = true;
    status('pending');
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(delay, firstPending + maxWait - now));
    timer = setTimeout(() => void write(), wait);
  };

  const attach = () => {
    const unsubscribe = doc.subscribe((state, previous) => {
      if (!savedFieldsSame(state, previous)) schedule();
    });
    const onPageHide = () => void write();
    const onVisibility = () => {
      if (!page?.hidden || page.hidden()) void write();
    };
    page?.addEventListener('pagehide', onPageHide);
    page?.addEventListener('visibilitychange', onVisibility);
    detach = () => {
      unsubscribe();
      page?.removeEventListener('pagehide', onPageHide);
      page?.removeEventListener('visibilitychange', onVisibility);
    };
  };

  const load = async (): Promise<RestoreOutcome> => {
    status('loading');
    let raw: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      raw = await Promise.race([
        storage.get(key),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('the storage did not answer')), loadTimeout);
        }),
      ]);
    } catch (error) {
      if (stopped) return { status: 'stopped' };
      status('off');
      opts.onError?.(
        `Autosave is off: this browser’s storage cannot be read (${describeError(error)}). Export your network to keep it.`,
        error,
      );
      return { status: 'failed', error };
    } finally {
      clearTimeout(timer);
    }
    if (stopped) return { status: 'stopped' };

    const edited = !sameTracked(doc.getState(), atStart);
    let outcome: RestoreOutcome;
    if (raw === undefined || raw === null) {
      outcome = { status: 'empty' };
    } else if (edited) {
      outcome = { status: 'kept' };
    } else {
      const result = typeof raw === 'string' ? importDocument(raw) : null;
      if (result?.ok) {
        const { createdWith: _ignored, ...document } = result.document;
        doc.getState().loadDocument(document, { resetHistory: true });
        useSelection.getState().clear();
        lastSaved = typeof raw === 'string' ? raw : null;
        outcome = { status: 'restored', document, warnings: result.warnings };
      } else {
        const problems = result ? result.problems : [{ path: '', message: 'the saved value is not text' }];
        try {
          await storage.set(UNREADABLE_KEY, typeof raw === 'string' ? raw : JSON.stringify(raw));
        } catch {
          // Keeping it aside failed too: still better to go on saving what the learner does now.
        }
        opts.onError?.(
          `The network saved in this browser could not be opened (${formatProblem(problems[0])}); it was kept aside.`,
          problems,
        );
        outcome = { status: 'unreadable', problems };
      }
    }
    if (stopped) return { status: 'stopped' };
    attach();
    // Edits made while reading (status 'kept') are saved now.
    if (outcome.status === 'kept') schedule();
    else status('saved');
    return outcome;
  };

  const ready = load();

  return {
    ready,
    flush: () => write(),
    stop() {
      if (stopped) return;
      stopped = true;
      if (detach) {
        void write();
        detach();
        detach = null;
      }
    },
  };
}

/** The save indicator's state, for the toolbar. */
export const useSaveStatus = create<{ status: SaveStatus; set(status: SaveStatus): void }>()((set) => ({
  status: 'loading',
  set(status) {
    set({ status });
  },
}));
