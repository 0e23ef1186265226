/** The browser's IndexedDB as autosave storage (idb-keyval, in a database of its own). */
import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import type { DocumentStorage } from './persistence';

let store: UseStore | null = null;

/** Opens the database lazily: in private mode opening may fail, and that is reported by the first call. */
export function idbStorage(): DocumentStorage {
  const db = () => {
    store ??= createStore('neurograph', 'documents');
    return store;
  };
  return {
    get: (key) => get(key, db()),
    // Committed at once rather than when the task ends: a save started as the page goes away gets through.
    set: (key, value) =>
      db()('readwrite', (s) => {
        s.put(value, key);
        s.transaction.commit?.();
        return promisifyRequest(s.transaction);
      }),
  };
}
