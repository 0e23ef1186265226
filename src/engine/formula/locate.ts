/**
 * mathjs syntax trees carry no source positions, so refusals are pinned to the text by searching for
 * the token that gave the node away. This is a hint for the editor's caret, not a guarantee: when the
 * token cannot be found the position is simply left out.
 */

const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_$]/u.test(ch);

/** Whether a name at `at` is a token of its own, not the tail of a longer name nor a property after `.`. */
function startsToken(source: string, at: number): boolean {
  let start = at;
  while (start > 0 && isNameChar(source[start - 1])) start -= 1;
  if (start === at) return source[at - 1] !== '.';
  // Implicit multiplication: in `0.5x` the name follows a number, which starts with a digit.
  return /[0-9]/.test(source[start]);
}

/** First index, at or after `from`, of `name` as a whole identifier (not part of a longer name, not after a `.`). */
export function locateName(source: string, name: string, from = 0): number | undefined {
  if (name === '') return undefined;
  for (let at = source.indexOf(name, from); at !== -1; at = source.indexOf(name, at + 1)) {
    if (startsToken(source, at) && !isNameChar(source[at + name.length])) return at;
  }
  return undefined;
}

/** First index of `name` called as a function (followed by `(`), else of `name` anywhere. */
export function locateCall(source: string, name: string): number | undefined {
  for (let at = locateName(source, name); at !== undefined; at = locateName(source, name, at + 1)) {
    if (/^\s*\(/.test(source.slice(at + name.length))) return at;
  }
  return locateName(source, name);
}

/** First index matching `pattern` (which must not be global or sticky). */
export function locatePattern(source: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(source);
  return match === null ? undefined : match.index;
}

/** First index of an operator spelled `op`; word operators (`mod`, `to`, `and`) must stand alone. */
export function locateOperator(source: string, op: string): number | undefined {
  if (/^[a-z]+$/i.test(op)) return locateName(source, op);
  const at = source.indexOf(op);
  return at === -1 ? undefined : at;
}

/** First numeric literal that does not fit in a finite double (e.g. `1e999`). */
export function locateHugeNumber(source: string): number | undefined {
  for (const match of source.matchAll(/(?<![\p{L}\p{N}_$.])(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/giu)) {
    if (!Number.isFinite(Number(match[0]))) return match.index;
  }
  return undefined;
}
