/**
 * React Flow re-adopts every node (or rebuilds its lookups of every edge) whenever the array it is
 * given changes identity, even when each element in it is the one it had. A change elsewhere in the
 * document (a node added, a selection that touches no edge) must not hand it a new array of the same
 * elements: with 2,000 edges that rebuild was ~18 ms of each click (bench/UI-RESULTS.md).
 */

/** `previous` if it holds exactly the elements of `next`, in order (by identity); else `next`. */
export function keepIfSame<A extends readonly unknown[]>(previous: A | undefined, next: A): A {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}
