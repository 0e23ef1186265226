/**
 * Lists grouped by node or edge id for per-id selectors: a list that reads the same as before keeps
 * its identity (its node or edge does not re-render), and so does the whole map when nothing changed.
 */
export function indexById<T>(
  entries: Iterable<readonly [id: string | undefined, item: T]>,
  previous: ReadonlyMap<string, readonly T[]>,
  same: (a: readonly T[], b: readonly T[]) => boolean,
): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const [id, item] of entries) {
    if (!id) continue;
    const list = map.get(id);
    if (list) list.push(item);
    else map.set(id, [item]);
  }
  let changed = map.size !== previous.size;
  const out = new Map<string, readonly T[]>();
  for (const [id, list] of map) {
    const old = previous.get(id);
    if (old && same(old, list)) out.set(id, old);
    else {
      out.set(id, list);
      changed = true;
    }
  }
  return changed ? out : previous;
}
