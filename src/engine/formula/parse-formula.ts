import type { MathNode } from 'mathjs';
import { math } from './mathjs';
import type { Refusal } from './types';
import { findRefusal } from './validate';

/**
 * Formulas are short by nature; the cap keeps parsing, differentiation and the compiled code small even
 * for a hostile shared file (the derivative of an expression grows roughly with its square).
 */
export const MAX_FORMULA_LENGTH = 200;

export type ParsedFormula = { ok: true; node: MathNode } | { ok: false; refusal: Refusal };

/** Parses `source` with mathjs and checks it against the allow-list; positions index into `source`. */
export function parseFormula(source: string): ParsedFormula {
  if (source.trim() === '') {
    return { ok: false, refusal: { message: 'Type a formula in x, e.g. x / (1 + exp(-x))', position: 0 } };
  }
  if (source.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      refusal: {
        message: `The formula is too long (at most ${MAX_FORMULA_LENGTH} characters)`,
        position: MAX_FORMULA_LENGTH,
      },
    };
  }
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (error) {
    return { ok: false, refusal: describeParseError(error, source) };
  }
  const refusal = findRefusal(node, source);
  return refusal === undefined ? { ok: true, node } : { ok: false, refusal };
}

/**
 * mathjs reports syntax errors as `SyntaxError` with a 1-based `char` property, also appended to the
 * message as "(char N)". We take the property when present, the message otherwise, and return a
 * 0-based position clamped to the text (N can point one past the end: "unexpected end of expression").
 */
function describeParseError(error: unknown, source: string): Refusal {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s*\(char \d+\)\s*$/, '');
  const char = charOf(error) ?? Number(/\(char (\d+)\)/.exec(raw)?.[1]);
  if (!Number.isInteger(char)) return { message };
  return { message, position: Math.min(Math.max(char - 1, 0), source.length) };
}

function charOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('char' in error)) return undefined;
  return typeof error.char === 'number' ? error.char : undefined;
}
