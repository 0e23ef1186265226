/**
 * Text → JSON value, or one problem saying where the text stops being JSON (line and column).
 */
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error';
import type { Problem } from './problem';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function parseJson(text: string): JsonParseResult {
  // Some editors save a byte-order mark, which JSON.parse refuses; it is invisible, so drop it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return failure('the file is empty: expected a Neurograph document (a JSON object)');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const found = findJsonSyntaxError(body);
    // The scanner and JSON.parse should agree; if they do not, JSON.parse's own words are all we have.
    if (!found) return failure(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    const { line, column } = lineAndColumn(body, found.offset);
    return failure(`not valid JSON: ${found.message} (line ${line}, column ${column})`);
  }
}

function failure(message: string): JsonParseResult {
  return { ok: false, problem: { path: '', message } };
}
