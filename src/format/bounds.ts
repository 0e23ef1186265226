/**
 * Limits on values that are valid JSON but would break the app: a node at y = 1e20 (beyond 2^53 a
 * position no longer moves by a pixel, and grids over the canvas never finish) or a description of
 * 10 MB (kept in every autosave and share link, and laid out in the inspector). Neither is refused:
 * the value is brought within bounds and a warning names where, so the learner's network still opens.
 */
import { isJsonObject, type Problem } from './problem';

/** Ten million pixels each way: room for 50,000 nodes in a row, and every position still exact to 1e-9. */
export const MAX_COORDINATE = 10_000_000;
/**
 * 10,000 characters: a few pages of prose. A description is shown in a text box, saved with every
 * edit and carried in every share link; a longer one is laid out slowly and makes links unusable.
 */
export const MAX_DESCRIPTION_CHARS = 10_000;

/** Clamps far positions and shortens a long description in `raw` (the migrated JSON), in place. */
export function bringWithinBounds(raw: Record<string, unknown>): Problem[] {
  const warnings: Problem[] = [];
  const clamp = (holder: unknown, path: string, limit: number) => {
    if (!isJsonObject(holder)) return;
    for (const axis of ['x', 'y'] as const) {
      const v = holder[axis];
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) <= limit) continue;
      holder[axis] = Math.sign(v) * limit;
      warnings.push({
        path: `${path}.${axis}`,
        message: `${Math.abs(v) >= 1e9 ? v.toExponential() : v} is too far from the origin; it was moved to ${holder[axis]} (the limit is ±${limit.toLocaleString('en')})`,
      });
    }
  };
  if (Array.isArray(raw.nodes)) {
    raw.nodes.forEach((node, i) => {
      if (isJsonObject(node)) clamp(node.position, `nodes[${i}].position`, MAX_COORDINATE);
    });
  }
  // The viewport's x and y are a position times the zoom (up to 100×, with room to spare).
  clamp(raw.viewport, 'viewport', 1000 * MAX_COORDINATE);
  const d = raw.description;
  if (typeof d === 'string' && d.length > MAX_DESCRIPTION_CHARS) {
    // Not between the two halves of a surrogate pair (an emoji).
    const low =
      d.charCodeAt(MAX_DESCRIPTION_CHARS) >= 0xdc00 && d.charCodeAt(MAX_DESCRIPTION_CHARS) <= 0xdfff;
    raw.description = d.slice(0, MAX_DESCRIPTION_CHARS - (low ? 1 : 0));
    warnings.push({
      path: 'description',
      message: `the description is ${d.length.toLocaleString('en')} characters; only its first ${MAX_DESCRIPTION_CHARS.toLocaleString('en')} were kept`,
    });
  }
  return warnings;
}
