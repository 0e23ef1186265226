/**
 * Which steps of a long run a bounded history keeps: every step among the `recent` latest, then
 * every 2nd, every 4th, every 8th … further back — each band twice as long as the one after it and
 * half as dense. A run of L steps keeps about recent · (1 + ½·log₂(L / recent)) of them, so step 1
 * of a run of any length stays in reach at a cost that grows with the logarithm of its length.
 *
 * The spacings are powers of two and only grow as a step ages, so a step once dropped is never
 * wanted again, and the kept steps at any moment are a subset of those kept a moment before.
 */

/** How far apart kept steps are at `distance` steps behind the latest: 1, 2, 4, 8, … */
export function spacingAt(distance: number, recent: number): number {
  if (distance < recent) return 1;
  // distance in [recent·2^(j−1), recent·2^j) → spacing 2^j.
  let spacing = 2;
  let bound = recent * 2;
  while (distance >= bound) {
    spacing *= 2;
    bound *= 2;
  }
  return spacing;
}

/** Whether the rule keeps `step` when the run is at `latest` (step 0, the start, always). */
export function isKept(step: number, latest: number, recent: number): boolean {
  if (step < 0 || step > latest) return false;
  return step % spacingAt(latest - step, recent) === 0;
}

/**
 * Calls `drop` with each step that the rule kept at `latest − 1` and drops at `latest`: only steps
 * whose distance just reached a band's start (recent · 2^j) can change band, so there are at most
 * log₂(latest / recent) + 1 of them to look at.
 */
export function forEachDropped(latest: number, recent: number, drop: (step: number) => void): void {
  for (let edge = recent; edge <= latest; edge *= 2) {
    const step = latest - edge;
    if (step > 0 && !isKept(step, latest, recent)) drop(step);
  }
}

/**
 * About how many steps the rule keeps of a run at `latest` (an upper bound, for budgets):
 * recent + ½·recent per band behind it, plus the start.
 */
export function keptBound(latest: number, recent: number): number {
  if (latest < recent) return Math.max(0, latest + 1);
  const bands = Math.ceil(Math.log2((latest + 1) / recent)) + 1;
  return recent + Math.ceil(recent / 2 + 1) * bands + 1;
}
