/**
 * Document following, the timing half: after an edit the graph is reloaded in the worker once the
 * edits settle (a debounce); a load asked for while one waits replaces it; `flush` waits for
 * whatever load is waiting or running. What a load does is the training store's (training.ts).
 */
export interface LoadScheduler {
  /** A load after the quiet time (replacing one already waiting). */
  schedule(): void;
  /** Loads now (dropping one waiting); resolves when done. */
  run(): Promise<void>;
  /** Drops a waiting load; true if there was one. */
  cancel(): boolean;
  /** Resolves once the load waiting or running (if any) is done. */
  flush(): Promise<void>;
}

export function createLoadScheduler(load: () => Promise<void>, debounceMs: number): LoadScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  const cancel = () => {
    if (!timer) return false;
    clearTimeout(timer);
    timer = null;
    return true;
  };
  const run = (): Promise<void> => {
    cancel();
    const p = load();
    running = p;
    void p.finally(() => {
      if (running === p) running = null;
    });
    return p;
  };
  return {
    schedule() {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, debounceMs);
    },
    run,
    cancel,
    async flush() {
      if (timer) await run();
      else if (running) await running;
    },
  };
}
