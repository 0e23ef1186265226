import type { AnyKind } from '../../engine/kind';

/** Whether a kind matches every word of the query (label, id, family or description). */
export function matchesQuery(kind: AnyKind, familyLabel: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${kind.label} ${kind.id} ${familyLabel} ${kind.description}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}
