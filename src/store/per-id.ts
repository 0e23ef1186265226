/**
 * Per-id selector factories: `select(id)` makes the selector for `id` once and then hands back that
 * same function, so a node or an edge that passes it to a store hook on every render subscribes once,
 * to its own value, and re-renders only when that value changes.
 */
export function perId<S, T>(make: (id: string) => (s: S) => T): (id: string) => (s: S) => T {
  const made = new Map<string, (s: S) => T>();
  return (id) => {
    let sel = made.get(id);
    if (!sel) {
      sel = make(id);
      made.set(id, sel);
    }
    return sel;
  };
}
