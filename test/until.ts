/** Waits until `check()` holds, polling every 5 ms; rejects after `ms` (for stores fed by a worker). */
export const until = (check: () => boolean, ms = 10_000) =>
  new Promise<void>((resolve, reject) => {
    const start = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - start > ms) reject(new Error('timed out'));
      else setTimeout(poll, 5);
    };
    poll();
  });
