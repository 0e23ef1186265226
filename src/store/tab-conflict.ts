/**
 * The tab-conflict protocol of autosave (with `tabs`, see tab-sync.ts): each save is checked against
 * the revision this tab last loaded or saved, in one transaction where the storage allows it, and
 * announced to the other tabs. When another tab saved a different network since, this tab enters a
 * conflict and writes nothing until the learner settles it (persistence.ts: loadTheirs, keepMine).
 * Without `tabs`, a save is a plain write.
 */
import type { DocumentStorage } from './autosave-types';
import { newRevision, revisionKey, sameNetwork, type TabSync } from './tab-sync';

/** The stored document and its revision (undefined: none stored, or no `tabs`). */
export interface Stored {
  raw: unknown;
  revision: string | undefined;
}

/** What the saver and the protocol both keep track of; shared, changed by both. */
export interface SaverState {
  /** The revision this tab last loaded or saved (with `tabs`); undefined: none stored. */
  known: string | undefined;
  /** The text last written or read back: the same text is not written again. */
  lastSaved: string | null;
  /** The document changed since the last save began. */
  dirty: boolean;
  /** Another tab saved a different document since: nothing is written until the learner chooses. */
  conflict: boolean;
  /** Other tabs' saves heard on the channel and not yet checked. */
  unheard: number;
}

export interface RevisionProtocolOptions {
  storage: DocumentStorage;
  key: string;
  tabs?: TabSync;
  state: SaverState;
  /** Another tab saved a different network: the saver stops (state.conflict is set already). */
  onConflict(): void;
  /** Another tab's save holds this tab's network: nothing is left to save. */
  onAdopted(): void;
}

export interface RevisionProtocol {
  read(): Promise<Stored>;
  /** Writes `text`, checked against state.known (unless `leaving` with nothing unheard); throws when it cannot. */
  save(text: string, leaving: boolean): Promise<void>;
  /** Settles a stored revision that is not state.known (see below); 'retry': save this tab's text over it. */
  settleForeign(ours: string): Promise<'retry' | 'done'>;
}

const asRevision = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function createRevisionProtocol(opts: RevisionProtocolOptions): RevisionProtocol {
  const { storage, key, tabs, state } = opts;
  const revKey = revisionKey(key);

  /** The revision first, so a save in between looks newer, never older. */
  const read = async (): Promise<Stored> => {
    if (!tabs) return { raw: await storage.get(key), revision: undefined };
    const revision = asRevision(await storage.get(revKey));
    return { raw: await storage.get(key), revision };
  };

  const setIfUnchanged = async (text: string, revision: string): Promise<boolean> => {
    const entries: [string, string][] = [
      [key, text],
      [revKey, revision],
    ];
    if (storage.setIfUnchanged) return storage.setIfUnchanged(revKey, state.known, entries);
    if (asRevision(await storage.get(revKey)) !== state.known) return false;
    for (const [k, v] of entries) await storage.set(k, v);
    return true;
  };

  const saved = (text: string, revision: string) => {
    state.known = revision;
    state.lastSaved = text;
    tabs?.channel?.post({ type: 'saved', key, revision });
  };

  /**
   * The stored revision is not the one this tab knows: another tab saved. It is a conflict only if
   * that tab changed the network (not just its viewport, which every tab saves on opening) from the
   * one this tab last loaded or saved, into something else than this tab has now. Otherwise the
   * stored revision is adopted: 'retry' when this tab still has its own change to save over it.
   */
  const settleForeign = async (ours: string): Promise<'retry' | 'done'> => {
    const stored = await read();
    if (stored.revision === state.known) return 'retry';
    if (sameNetwork(stored.raw, ours)) {
      state.known = stored.revision;
      state.lastSaved = ours;
      opts.onAdopted();
      return 'done';
    }
    if (state.lastSaved !== null && sameNetwork(stored.raw, state.lastSaved)) {
      state.known = stored.revision;
      return 'retry';
    }
    state.conflict = true;
    opts.onConflict();
    return 'done';
  };

  const save = async (text: string, leaving: boolean): Promise<void> => {
    if (!tabs) {
      await storage.set(key, text);
      state.lastSaved = text;
      return;
    }
    // The page is going away: a check first (a read, then the write) would not finish. The channel
    // has told of every other save so far, so writing straight away overwrites none unheard. Both
    // writes start now; the revision's first, so a half-done pair looks newer to others, never older.
    if (leaving && state.unheard === 0) {
      const revision = newRevision(tabs.id);
      await Promise.all([storage.set(revKey, revision), storage.set(key, text)]);
      saved(text, revision);
      return;
    }
    // A few tries: other tabs may keep saving their viewports in between.
    for (let attempt = 0; attempt < 5; attempt++) {
      const revision = newRevision(tabs.id);
      if (await setIfUnchanged(text, revision)) {
        saved(text, revision);
        return;
      }
      if ((await settleForeign(text)) === 'done') return;
    }
    throw new Error('other tabs keep saving this network');
  };

  return { read, save, settleForeign };
}
