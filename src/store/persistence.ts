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
import { decodeSavedWith, restoreSaved } from './autosave-restore';
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
import { readFailedMessage } from './save-schedule';
import { createSaver } from './saver';
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

  const saver = createSaver({
    storage,
    doc,
    key,
    delay,
    maxWait,
    tabs,
    status,
    onError: opts.onError,
    onConflict: opts.onConflict,
  });
  const { state, protocol, write, schedule } = saver;
  let stopped = false;
  let detach: (() => void) | null = null;
  /** Autosave is off (the storage could not be read): nothing is ever saved. */
  let off = false;

  const attach = () => {
    const unsubscribe = doc.subscribe((now, previous) => {
      if (!savedFieldsSame(now, previous)) schedule();
    });
    const unlisten = tabs?.channel?.listen((m) => {
      if (m.key === key) saver.onForeignSave(m.revision);
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
      readText: opts.readText,
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

  const settled = () => {
    state.conflict = false;
    opts.onConflict?.(false);
  };

  return {
    ready: load(),
    flush: () => write(),
    unsaved() {
      if (off) return !sameTracked(doc.getState(), atStart);
      return state.conflict || saver.failures() > 0;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      saver.stop();
      if (detach) {
        void write();
        detach();
        detach = null;
      }
    },
    loadTheirs(open = (document) => doc.getState().loadDocument(document)) {
      const done = saver.settling(async () => {
        if (!state.conflict) return true;
        const stored = await protocol.read();
        const decoded = await decodeSavedWith(stored.raw, opts.readText);
        if (!decoded.ok) {
          opts.onError?.('The network saved by the other tab could not be opened.', decoded.problems);
          return false;
        }
        saver.cancelPending();
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
      const done = saver.settling(async () => {
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
