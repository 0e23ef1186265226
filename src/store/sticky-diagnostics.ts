/**
 * Sticky diagnostics: while playing, a diagnostic that comes and goes (a gradient spike) would
 * flicker. Each stays listed at least STICKY_MS after it was last seen, and its sentence changes at
 * most once a second. Stepping shows exactly the run's own list.
 */
import type { WatchDiagnostic } from '../engine/training';

/** How long a diagnostic stays listed after it was last seen, while playing. */
export const STICKY_MS = 2500;
/** While playing, a diagnostic's sentence changes at most this often. */
const REWORD_MS = 1000;

/** The list to show for each list the run reports, at `now()`. */
export type StickyDiagnostics = (
  list: readonly WatchDiagnostic[],
  playing: boolean,
) => readonly WatchDiagnostic[];

export function createStickyDiagnostics(now: () => number): StickyDiagnostics {
  const shown = new Map<string, { d: WatchDiagnostic; seen: number; changed: number }>();
  return (list, playing) => {
    const t = now();
    if (!playing) shown.clear();
    for (const d of list) {
      const key = `${d.code}:${d.nodeId ?? ''}:${d.edgeId ?? ''}`;
      const e = shown.get(key);
      if (!e) shown.set(key, { d, seen: t, changed: t });
      else {
        e.seen = t;
        if (e.d.message !== d.message && (!playing || t - e.changed >= REWORD_MS)) {
          e.d = d;
          e.changed = t;
        }
      }
    }
    for (const [key, e] of shown) if (t - e.seen > STICKY_MS) shown.delete(key);
    return [...shown.values()].map((e) => e.d);
  };
}
