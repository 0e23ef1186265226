/**
 * A lesson's operations run one after another (a step's training finishes before Next replays);
 * `busy` is true while any waits or runs, and a failed one sets `error` without stopping the rest.
 */
export type Enqueue = (what: () => Promise<void>) => Promise<void>;

export function serialQueue(set: (state: { busy?: boolean; error?: string }) => void): Enqueue {
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  return (what) => {
    pending++;
    set({ busy: true });
    const p = queue.then(what).catch((e: unknown) => {
      set({ error: e instanceof Error ? e.message : String(e) });
    });
    queue = p.finally(() => {
      pending--;
      if (pending === 0) set({ busy: false });
    });
    return queue;
  };
}
