/**
 * Several tabs, one saved network. Every autosave writes, next to the document, a revision naming
 * the tab that wrote it; a tab remembers the revision it last loaded or saved. A different revision
 * in storage (checked before each save) or announced on the channel (BroadcastChannel, after each
 * save) means another tab saved since: this tab stops saving and asks which version to keep, rather
 * than letting the last writer silently win.
 */
import { create } from 'zustand';

/** Announced after every save, so the other tabs learn of it at once rather than at their next save. */
export interface SavedMessage {
  type: 'saved';
  key: string;
  revision: string;
}

/** How tabs talk: a BroadcastChannel in the app, a fake in tests. */
export interface TabChannel {
  post(message: SavedMessage): void;
  /** Returns a function that stops listening. */
  listen(listener: (message: SavedMessage) => void): () => void;
  close?(): void;
}

export interface TabSync {
  /** This tab's id, written into each revision it saves. */
  id: string;
  channel?: TabChannel;
}

/** Where the revision of the document saved under `key` is kept. */
export const revisionKey = (key: string) => `${key}.revision`;

/** A new revision: the tab's id and a random part, so two tabs (or two runs of one) never collide. */
export const newRevision = (tabId: string) => `${tabId}:${crypto.randomUUID()}`;

/** JSON values equal whatever the order of keys: one tab's save and another's re-save of it differ only so. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

/**
 * Whether two autosaved texts hold the same network. The viewport does not count: every tab saves
 * its own as soon as it shows the network, and where a tab looks is no edit to protect.
 */
export function sameNetwork(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  try {
    const { viewport: _a, ...left } = JSON.parse(a);
    const { viewport: _b, ...right } = JSON.parse(b);
    return sameJson(left, right);
  } catch {
    return false;
  }
}

export function isSavedMessage(value: unknown): value is SavedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<SavedMessage>;
  return m.type === 'saved' && typeof m.key === 'string' && typeof m.revision === 'string';
}

/** The app's channel; none when the browser has no BroadcastChannel (the check on save still holds). */
export function broadcastChannel(name = 'neurograph.autosave'): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        if (isSavedMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/** The two ways out of a conflict, offered by the notice. */
export interface TabConflict {
  /** Replaces this tab's network with the one saved by the other tab. */
  loadTheirs(): void;
  /** Saves this tab's network over the other tab's. */
  keepMine(): void;
}

/** The conflict the notice shows; null when this tab is saving normally. */
export const useTabConflict = create<{
  conflict: TabConflict | null;
  set(conflict: TabConflict | null): void;
}>()((set) => ({
  conflict: null,
  set(conflict) {
    set({ conflict });
  },
}));
