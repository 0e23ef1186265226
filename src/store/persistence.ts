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
 * untouched, and the save is tried again on a timer (RETRY_DELAYS) until the storage takes it, or
 * sooner at the next change. `unsaved()` says whether closing the page now would lose anything (the
 * app asks before closing then).
 *
 * With `tabs`, several tabs share the saved document (see tab-sync.ts): each save is checked against
 * the revision this tab last loaded or saved, and when another tab saved something else since, this
 * tab stops saving (status 'conflict') until the learner picks loadTheirs() or keepMine().
 */
import { create } from 'zustand';
import { CURRENT_VERSION, FORMAT_TAG, formatProblem, importDocument, type Problem } from '../format';
import { type DocumentData, type DocumentStore, sameTracked, toDocument, useDocument } from './document';
import { useSelection } from './selection';
import { newRevision, revisionKey, sameNetwork, type TabSync } from './tab-sync';

/** Where the document is kept: IndexedDB in the app (idb-storage.ts), a Map in tests. */
export interface DocumentStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<void>;
  /**
   * Writes `entries` only if the value under `check` is still `expected` (undefined: absent), in one
   * transaction, so no other tab can save in between; false when it was not. Without it, a read then
   * writes (a few milliseconds in which two tabs could both pass the check).
   */
  setIfUnchanged?(check: string, expected: string | undefined, entries: [string, string][]): Promise<boolean>;
}

export const AUTOSAVE_KEY = 'neurograph.autosave';
/** Where a saved document that can no longer be opened is kept aside instead of being overwritten. */
export const UNREADABLE_KEY = 'neurograph.autosave.unreadable';
export const AUTOSAVE_DELAY = 500;
/** Even while edits keep coming (a long drag), a save happens at least this often. */
export const AUTOSAVE_MAX_WAIT = 5000;
export const AUTOSAVE_LOAD_TIMEOUT = 8000;
/** After a failed save, the next try comes this long after (the last delay repeats until one succeeds). */
export const RETRY_DELAYS = [2000, 5000, 15_000, 30_000] as const;

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
export type SaveStatus = 'loading' | 'saved' | 'pending' | 'saving' | 'error' | 'off' | 'conflict';

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
  /** Share the saved document with other tabs: check revisions, announce saves. */
  tabs?: TabSync;
  /** Another tab saved over what this tab loaded (true: saving has stopped), or that was settled (false). */
  onConflict?(conflict: boolean): void;
}

export interface Autosave {
  /** Settles once the saved document was read (and restored); the saver is attached from then on. */
  ready: Promise<RestoreOutcome>;
  /** Saves now if anything changed; resolves when written (or failed). */
  flush(): Promise<void>;
  /** Detaches everything; a pending save is written first. */
  stop(): void;
  /**
   * Settles a conflict by opening what the other tab saved (`open`, by default straight into the
   * store) and saving again from there. False when it could not be read (the conflict stays).
   */
  loadTheirs(open?: (document: DocumentData) => void): Promise<boolean>;
  /** Settles a conflict by saving this tab's document over the other tab's. */
  keepMine(): Promise<void>;
  /**
   * Whether closing the page now would lose something the learner did: the last save failed and
   * nothing has succeeded since, or a conflict holds saving back, or autosave is off and the
   * network was changed. (A save merely pending on a working storage is written as the page goes.)
   */
  unsaved(): boolean;
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
    tabs,
  } = opts;
  const status = (s: SaveStatus) => opts.onStatus?.(s);
  const atStart = doc.getState();
  const revKey = revisionKey(key);

  let stopped = false;
  let detach: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let lastSaved: string | null = null;
  let failing = false;
  /** Failed saves in a row; picks the delay before the next try. */
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Autosave is off (the storage could not be read): nothing is ever saved. */
  let off = false;
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;
  /** The revision this tab last loaded or saved (with `tabs`); undefined: none stored. */
  let known: string | undefined;
  /** Another tab saved a different document since: nothing is written until the learner chooses. */
  let conflict = false;
  /** Other tabs' saves heard on the channel and not yet checked. */
  let unheard = 0;

  /** The stored document and its revision; the revision first, so a save in between looks newer, never older. */
  const readStored = async (): Promise<{ raw: unknown; revision: string | undefined }> => {
    if (!tabs) return { raw: await storage.get(key), revision: undefined };
    const revision = await storage.get(revKey);
    return { raw: await storage.get(key), revision: typeof revision === 'string' ? revision : undefined };
  };

  const setIfUnchanged = async (text: string, revision: string): Promise<boolean> => {
    const entries: [string, string][] = [
      [key, text],
      [revKey, revision],
    ];
    if (storage.setIfUnchanged) return storage.setIfUnchanged(revKey, known, entries);
    const stored = await storage.get(revKey);
    if ((typeof stored === 'string' ? stored : undefined) !== known) return false;
    for (const [k, v] of entries) await storage.set(k, v);
    return true;
  };

  const enterConflict = () => {
    conflict = true;
    if (timer) clearTimeout(timer);
    timer = null;
    status('conflict');
    opts.onConflict?.(true);
  };

  /**
   * The stored revision is not the one this tab knows: another tab saved. It is a conflict only if
   * that tab changed the network (not just its viewport, which every tab saves on opening) from the
   * one this tab last loaded or saved, into something else than this tab has now. Otherwise the
   * stored revision is adopted: 'retry' when this tab still has its own change to save over it.
   */
  const settleForeign = async (ours: string): Promise<'retry' | 'done'> => {
    const stored = await readStored();
    if (stored.revision === known) return 'retry';
    if (sameNetwork(stored.raw, ours)) {
      known = stored.revision;
      lastSaved = ours;
      if (!dirty) status('saved');
      return 'done';
    }
    if (lastSaved !== null && sameNetwork(stored.raw, lastSaved)) {
      known = stored.revision;
      return 'retry';
    }
    enterConflict();
    return 'done';
  };

  const save = async (text: string, leaving: boolean): Promise<void> => {
    if (!tabs) {
      await storage.set(key, text);
      lastSaved = text;
      return;
    }
    // The page is going away: a check first (a read, then the write) would not finish. The channel
    // has told of every other save so far, so writing straight away overwrites none unheard. Both
    // writes start now; the revision's first, so a half-done pair looks newer to others, never older.
    if (leaving && unheard === 0) {
      const revision = newRevision(tabs.id);
      await Promise.all([storage.set(revKey, revision), storage.set(key, text)]);
      known = revision;
      lastSaved = text;
      tabs.channel?.post({ type: 'saved', key, revision });
      return;
    }
    // A few tries: other tabs may keep saving their viewports in between.
    for (let attempt = 0; attempt < 5; attempt++) {
      const revision = newRevision(tabs.id);
      if (await setIfUnchanged(text, revision)) {
        known = revision;
        lastSaved = text;
        tabs.channel?.post({ type: 'saved', key, revision });
        return;
      }
      if ((await settleForeign(text)) === 'done') return;
    }
    throw new Error('other tabs keep saving this network');
  };

  const write = (leaving = false): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (!dirty || conflict) return writing;
    dirty = false;
    const text = serialize(doc.getState());
    if (text === lastSaved) {
      failures = 0;
      status('saved');
      return writing;
    }
    status('saving');
    writing = writing.then(async () => {
      // A save queued before a conflict showed up must not go through either.
      if (conflict) {
        dirty = true;
        return;
      }
      try {
        await save(text, leaving);
        failing = false;
        failures = 0;
        if (!dirty && !conflict) status('saved');
      } catch (error) {
        // Still to be saved: tried again on a timer (or sooner, at the next change or on leaving).
        if (!dirty) firstPending = Date.now();
        dirty = true;
        if (!stopped && !retryTimer && !timer) {
          const wait = RETRY_DELAYS[Math.min(failures, RETRY_DELAYS.length - 1)];
          retryTimer = setTimeout(() => void write(), wait);
        }
        failures++;
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
    if (conflict) return;
    status('pending');
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(delay, firstPending + maxWait - now));
    timer = setTimeout(() => void write(), wait);
  };

  /** Another tab announced a save: checked in turn with this tab's own writes. */
  const onForeignSave = (revision: string) => {
    if (conflict || revision === known) return;
    unheard++;
    writing = writing
      .then(async () => {
        if (!conflict) await settleForeign(serialize(doc.getState()));
      })
      .catch(() => {
        // Unreadable now: the check before the next save still guards the stored document.
      })
      .finally(() => {
        unheard--;
      });
  };

  const attach = () => {
    const unsubscribe = doc.subscribe((state, previous) => {
      if (!savedFieldsSame(state, previous)) schedule();
    });
    const unlisten = tabs?.channel?.listen((m) => {
      if (m.key === key) onForeignSave(m.revision);
    });
    const onPageHide = () => void write(true);
    const onVisibility = () => {
      if (!page?.hidden || page.hidden()) void write();
    };
    page?.addEventListener('pagehide', onPageHide);
    page?.addEventListener('visibilitychange', onVisibility);
    detach = () => {
      unsubscribe();
      unlisten?.();
      page?.removeEventListener('pagehide', onPageHide);
      page?.removeEventListener('visibilitychange', onVisibility);
    };
  };

  const load = async (): Promise<RestoreOutcome> => {
    status('loading');
    let stored: { raw: unknown; revision: string | undefined };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      stored = await Promise.race([
        readStored(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('the storage did not answer')), loadTimeout);
        }),
      ]);
    } catch (error) {
      if (stopped) return { status: 'stopped' };
      off = true;
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
    const { raw } = stored;
    known = stored.revision;

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

  const settled = () => {
    conflict = false;
    opts.onConflict?.(false);
  };

  return {
    ready,
    flush: () => write(),
    unsaved() {
      if (off) return !sameTracked(doc.getState(), atStart);
      return conflict || failures > 0;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (detach) {
        void write();
        detach();
        detach = null;
      }
    },
    loadTheirs(open = (document) => doc.getState().loadDocument(document)) {
      const done = writing.then(async () => {
        if (!conflict) return true;
        const stored = await readStored();
        const result = typeof stored.raw === 'string' ? importDocument(stored.raw) : null;
        if (!result?.ok) {
          opts.onError?.('The network saved by the other tab could not be opened.', result?.problems);
          return false;
        }
        if (timer) clearTimeout(timer);
        timer = null;
        dirty = false;
        known = stored.revision;
        lastSaved = stored.raw as string;
        settled();
        status('saved');
        const { createdWith: _ignored, ...document } = result.document;
        // Opening changes the document: the saver sees theirs, identical to what is stored, or
        // saves it again in this tab's words (same network, a newer revision).
        open(document);
        const now = serialize(doc.getState());
        if (sameNetwork(now, stored.raw)) lastSaved = now;
        return true;
      });
      writing = done.then(
        () => undefined,
        (error) => {
          opts.onError?.(`The saved network could not be read (${describeError(error)}).`, error);
        },
      );
      return done.catch(() => false);
    },
    keepMine() {
      const done = writing.then(async () => {
        if (!conflict) return false;
        // Overwrite exactly the revision read here: a tab saving after that is a new conflict.
        known = (await readStored()).revision;
        lastSaved = null;
        settled();
        return true;
      });
      writing = done.then(
        () => undefined,
        (error) => {
          opts.onError?.(`The saved network could not be read (${describeError(error)}).`, error);
        },
      );
      return done.then(
        (kept) => {
          if (!kept) return;
          dirty = true;
          return write();
        },
        () => undefined,
      );
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
