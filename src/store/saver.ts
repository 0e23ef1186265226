/**
 * The saver, autosave's middle part: it writes the document when it changed (after a short quiet
 * time, see save-schedule.ts), one write at a time, checked against other tabs (tab-conflict.ts); a
 * failed write is reported once and tried again on a growing delay until the storage takes it.
 * persistence.ts decides when it starts (after the restore) and hooks it to the store and the page.
 */
import type { DocumentStorage, SaveStatus } from './autosave-types';
import { serializeForAutosave as serialize } from './autosave-types';
import type { DocumentStore } from './document';
import { rereadFailedMessage, retryDelay, saveFailedMessage, saveWait } from './save-schedule';
import { createRevisionProtocol, type RevisionProtocol, type SaverState } from './tab-conflict';
import type { TabSync } from './tab-sync';

export interface SaverOptions {
  storage: DocumentStorage;
  doc: DocumentStore;
  key: string;
  delay: number;
  maxWait: number;
  tabs?: TabSync;
  status(status: SaveStatus): void;
  onError?(message: string, error: unknown): void;
  onConflict?(conflict: boolean): void;
}

export interface Saver {
  state: SaverState;
  protocol: RevisionProtocol;
  /** Writes now if anything changed (`leaving`: the page is going away); resolves when written or failed. */
  write(leaving?: boolean): Promise<void>;
  /** The document changed: a write comes after the quiet time. */
  schedule(): void;
  /** Another tab announced a save of `revision`. */
  onForeignSave(revision: string): void;
  /** Runs a conflict-settling step in turn with the writes; a read that fails is reported. */
  settling<T>(step: () => Promise<T>): Promise<T>;
  /** Drops the write waiting for the quiet time. */
  cancelPending(): void;
  /** No more retries on a timer (a write still goes through when asked for). */
  stop(): void;
  /** Failed writes in a row, since the last that went through. */
  failures(): number;
}

export function createSaver(opts: SaverOptions): Saver {
  const { doc, delay, maxWait, status } = opts;
  const state: SaverState = { known: undefined, lastSaved: null, dirty: false, conflict: false, unheard: 0 };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let failing = false;
  /** Failed saves in a row; picks the delay before the next try. */
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const protocol = createRevisionProtocol({
    storage: opts.storage,
    key: opts.key,
    tabs: opts.tabs,
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

  return {
    state,
    protocol,
    write,
    schedule,
    onForeignSave,
    settling,
    cancelPending: clearTimer,
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
    failures: () => failures,
  };
}
