/**
 * A library loaded on first use (a dynamic import), so the first page load stays small: the formula
 * compiler (mathjs), the CSV reader, the layout engine, KaTeX, the lesson text renderer, the picture
 * exporter. One shape for all of them, used by the engine, the store, the worker and the UI:
 *
 * - `current()` is the module once it has loaded (synchronous code checks it and says "still loading");
 * - `load()` starts the import once and shares the promise; a failed import is forgotten, so the next
 *   `load()` tries again (a Retry button, or the next edit), and rejects with a LazyLoadError that says
 *   what could not be loaded;
 * - `subscribe()` tells a waiting view that the state changed.
 *
 * Pure TypeScript: it works the same in the browser, the worker and Node.
 */

export type LazyState = 'idle' | 'loading' | 'ready' | 'failed';

export interface Lazy<T> {
  /** What is loaded, for messages: "the formula compiler". */
  readonly what: string;
  current(): T | undefined;
  state(): LazyState;
  /** Why the last load failed (state 'failed'). */
  error(): LazyLoadError | undefined;
  load(): Promise<T>;
  subscribe(listener: () => void): () => void;
}

/** A chunk that did not arrive: offline before it was ever cached, a deployment gone, a flaky network. */
export class LazyLoadError extends Error {
  constructor(
    readonly what: string,
    readonly reason: string,
  ) {
    super(`Could not load ${what}: ${reason}`);
    this.name = 'LazyLoadError';
  }
}

export function lazy<T>(what: string, importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let loaded = false;
  let pending: Promise<T> | undefined;
  let failure: LazyLoadError | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    what,
    current: () => value,
    state: () => (loaded ? 'ready' : pending ? 'loading' : failure ? 'failed' : 'idle'),
    error: () => failure,
    load() {
      if (loaded) return Promise.resolve(value as T);
      if (pending) return pending;
      failure = undefined;
      pending = importer().then(
        (module) => {
          value = module;
          loaded = true;
          pending = undefined;
          notify();
          return module;
        },
        (error: unknown) => {
          pending = undefined;
          failure = new LazyLoadError(what, reasonOf(error));
          notify();
          throw failure;
        },
      );
      notify();
      return pending;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Loads every library in `libs` that has not loaded yet; resolves at once when all are ready. */
export async function loadAll(libs: readonly Lazy<unknown>[]): Promise<void> {
  const missing = libs.filter((lib) => lib.state() !== 'ready');
  if (missing.length > 0) await Promise.all(missing.map((lib) => lib.load()));
}

/**
 * Browsers word a failed dynamic import differently ("Failed to fetch dynamically imported module: …/x.js");
 * the learner needs to know it was the network, not the URL.
 */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message)
  ) {
    return 'the download failed (are you offline?)';
  }
  return message;
}
