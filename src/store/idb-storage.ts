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
    // One readwrite transaction: IndexedDB runs those one at a time across tabs, so no other tab
    // saves between the check and the write. Plain request callbacks keep the transaction active.
    setIfUnchanged: (check, expected, entries) =>
      db()(
        'readwrite',
        (s) =>
          new Promise<boolean>((resolve, reject) => {
            const fail = () => reject(s.transaction.error);
            s.transaction.onerror = fail;
            s.transaction.onabort = fail;
            const read = s.get(check);
            read.onsuccess = () => {
              if ((typeof read.result === 'string' ? read.result : undefined) !== expected) {
                resolve(false);
                return;
              }
              try {
                for (const [key, value] of entries) s.put(value, key);
                s.transaction.oncomplete = () => resolve(true);
                s.transaction.commit?.();
              } catch (error) {
                reject(error);
              }
            };
          }),
      ),
  };
}
