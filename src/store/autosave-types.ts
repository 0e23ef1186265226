/**
 * Autosave's vocabulary: where a document is kept, the keys and delays, what a restore can end in,
 * what the save indicator shows, and how startAutosave (persistence.ts) is set up and driven.
 */
import { CURRENT_VERSION, FORMAT_TAG, type ImportResult, type Problem } from '../format';
import { type DocumentData, type DocumentStore, toDocument } from './document';
import type { TabSync } from './tab-sync';

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
  /**
   * Reads the stored text into a document (validated, upgraded); default importDocument, on the
   * spot. The app passes one that reads a big document in a worker.
   */
  readText?(text: string): ImportResult | Promise<ImportResult>;
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

/**
 * The document as saved: the file format's JSON, compact. Not exportDocument's pretty, sorted text:
 * for a 1,000-node network that takes ~40 ms of the main thread, JSON.stringify a few.
 */
export function serializeForAutosave(state: DocumentData): string {
  return JSON.stringify({ format: FORMAT_TAG, version: CURRENT_VERSION, ...toDocument(state) });
}
