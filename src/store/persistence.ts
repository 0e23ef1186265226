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
 * The parts, by idea: autosave-types.ts (the vocabulary), autosave-restore.ts (reading and opening
 * the saved document), save-schedule.ts (when to write, when to retry, the messages), tab-conflict.ts
 * (the revision check shared with other tabs). This file wires them to the store and the page.
 *
 * With `tabs`, several tabs share the saved document (see tab-sync.ts): each save is checked against
 * the revision this tab last loaded or saved, and when another tab saved something else since, this
 * tab stops saving (status 'conflict') until the learner picks loadTheirs() or keepMine().
 */
import { create } from 'zustand';
import { decodeSaved, restoreSaved } from './autosave-restore';
import {
  AUTOSAVE_DELAY,
  AUTOSAVE_KEY,
  AUTOSAVE_LOAD_TIMEOUT,
  AUTOSAVE_MAX_WAIT,
  type Autosave,
  type AutosaveOptions,
  type RestoreOutcome,
  type SaveStatus,
  serializeForAutosave as serialize,
} from './autosave-types';
import { type DocumentData, sameTracked, useDocument } from './document';
import {
  readFailedMessage,
  rereadFailedMessage,
  retryDelay,
  saveFailedMessage,
  saveWait,
} from './save-schedule';
import { createRevisionProtocol, type SaverState } from './tab-conflict';
import { sameNetwork } from './tab-sync';

export {
  AUTOSAVE_DELAY,
  AUTOSAVE_KEY,
  AUTOSAVE_LOAD_TIMEOUT,
  AUTOSAVE_MAX_WAIT,
  type Autosave,
  type AutosaveOptions,
  type DocumentStorage,
  type PageEvents,
  RETRY_DELAYS,
  type RestoreOutcome,
  type SaveStatus,
  serializeForAutosave,
  UNREADABLE_KEY,
} from './autosave-types';

const savedFieldsSame = (a: DocumentData, b: DocumentData) => sameTracked(a, b) && a.viewport === b.viewport;

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

  const state: SaverState = { known: undefined, lastSaved: null, dirty: false, conflict: false, unheard: 0 };
  let stopped = false;
  let detach: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let failing = false;
  /** Failed saves in a row; picks the delay before the next try. */
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Autosave is off (the storage could not be read): nothing is ever saved. */
  let off = false;
  let writing: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const protocol = createRevisionProtocol({
    storage,
    key,
    tabs,
    state,
    onConflict() {
      clearTimer();
      status('conflict');
      opts.onConflict?.(true);
    },
    onAdopted() {
      if (!state.dirty) status('saved');
    },
  });

  const failed = (error: unknown) => {
    // Still to be saved: tried again on a timer (or sooner, at the next change or on leaving).
    if (!state.dirty) firstPending = Date.now();
    state.dirty = true;
    if (!stopped && !retryTimer && !timer) retryTimer = setTimeout(() => void write(), retryDelay(failures));
    failures++;
    status('error');
    if (!failing) {
      failing = true;
      opts.onError?.(saveFailedMessage(error), error);
    }
  };

  const write = (leaving = false): Promise<void> => {
    clearTimer();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (!state.dirty || state.conflict) return writing;
    state.dirty = false;
    const text = serialize(doc.getState());
    if (text === state.lastSaved) {
      failures = 0;
      status('saved');
      return writing;
    }
    status('saving');
    writing = writing.then(async () => {
      // A save queued before a conflict showed up must not go through either.
      if (state.conflict) {
        state.dirty = true;
        return;
      }
      try {
        await protocol.save(text, leaving);
        failing = false;
        failures = 0;
        if (!state.dirty && !state.conflict) status('saved');
      } catch (error) {
        failed(error);
      }
    });
    return writing;
  };

  const schedule = () => {
    const now = Date.now();
    if (!state.dirty) firstPending = now;
    state.dirty = true;
    if (state.conflict) return;
    status('pending');
    clearTimer();
    timer = setTimeout(() => void write(), saveWait(now, firstPending, delay, maxWait));
  };

  /** Another tab announced a save: checked in turn with this tab's own writes. */
  const onForeignSave = (revision: string) => {
    if (state.conflict || revision === state.known) return;
    state.unheard++;
    writing = writing
      .then(async () => {
        if (!state.conflict) await protocol.settleForeign(serialize(doc.getState()));
      })
      .catch(() => {
        // Unreadable now: the check before the next save still guards the stored document.
      })
      .finally(() => {
        state.unheard--;
      });
  };

  const attach = () => {
    const unsubscribe = doc.subscribe((now, previous) => {
      if (!savedFieldsSame(now, previous)) schedule();
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
    const restored = await restoreSaved({
      storage,
      doc,
      atStart,
      read: protocol.read,
      loadTimeout,
      stopped: () => stopped,
      onError: opts.onError,
    });
    const { outcome } = restored;
    if (outcome.status === 'failed') {
      off = true;
      status('off');
      opts.onError?.(readFailedMessage(outcome.error), outcome.error);
      return outcome;
    }
    if (outcome.status === 'stopped' || stopped) return { status: 'stopped' };
    state.known = restored.revision;
    state.lastSaved = restored.lastSaved;
    attach();
    // Edits made while reading (status 'kept') are saved now.
    if (outcome.status === 'kept') schedule();
    else status('saved');
    return outcome;
  };

  /** Runs a conflict-settling step in turn with the writes; a read that fails is reported. */
  const settling = <T>(step: () => Promise<T>): Promise<T> => {
    const done = writing.then(step);
    writing = done.then(
      () => undefined,
      (error) => {
        opts.onError?.(rereadFailedMessage(error), error);
      },
    );
    return done;
  };

  const settled = () => {
    state.conflict = false;
    opts.onConflict?.(false);
  };

  return {
    ready: load(),
    flush: () => write(),
    unsaved() {
      if (off) return !sameTracked(doc.getState(), atStart);
      return state.conflict || failures > 0;
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
      const done = settling(async () => {
        if (!state.conflict) return true;
        const stored = await protocol.read();
        const decoded = decodeSaved(stored.raw);
        if (!decoded.ok) {
          opts.onError?.('The network saved by the other tab could not be opened.', decoded.problems);
          return false;
        }
        clearTimer();
        state.dirty = false;
        state.known = stored.revision;
        state.lastSaved = stored.raw as string;
        settled();
        status('saved');
        // Opening changes the document: the saver sees theirs, identical to what is stored, or
        // saves it again in this tab's words (same network, a newer revision).
        open(decoded.document);
        const now = serialize(doc.getState());
        if (sameNetwork(now, stored.raw)) state.lastSaved = now;
        return true;
      });
      return done.catch(() => false);
    },
    keepMine() {
      const done = settling(async () => {
        if (!state.conflict) return false;
        // Overwrite exactly the revision read here: a tab saving after that is a new conflict.
        state.known = (await protocol.read()).revision;
        state.lastSaved = null;
        settled();
        return true;
      });
      return done.then(
        (kept) => {
          if (!kept) return;
          state.dirty = true;
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
