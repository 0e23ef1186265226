/** Runs `work` when the page has nothing else to do (or after `timeout` ms at the latest); returns a cancel. */
export function whenIdle(work: () => void, timeout = 3000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, timeout);
  return () => clearTimeout(id);
}
