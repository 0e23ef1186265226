/**
 * JSON.stringify(value, null, 2), except that small flat objects and lists of numbers stay on one
 * line: a position reads { "x": 0, "y": 0 } and a weight vector [0.1, -0.3, 2] instead of one
 * number per line. The layout depends only on the value, so the same value always gives the same
 * text. Like JSON.stringify, it keeps object key order, drops undefined fields and writes
 * non-finite numbers as null.
 */

const INDENT = '  ';
/** A flat object or list shorter than this (on one line) is not spread over several lines. */
const INLINE_WIDTH = 80;

export function prettyJson(value: unknown): string {
  return render(value, '') ?? 'null';
}

function render(value: unknown, indent: string): string | undefined {
  if (value === null || typeof value !== 'object') return primitive(value);
  const inner = indent + INDENT;

  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => render(item, inner) ?? 'null');
    const flat = value.every((item) => item === null || typeof item !== 'object');
    const numbers = value.every((item) => typeof item === 'number');
    const oneLine = `[${items.join(', ')}]`;
    if (numbers || (flat && oneLine.length <= INLINE_WIDTH)) return oneLine;
    return `[\n${items.map((item) => inner + item).join(',\n')}\n${indent}]`;
  }

  const entries: [string, string][] = [];
  for (const [key, field] of Object.entries(value)) {
    const text = render(field, inner);
    if (text !== undefined) entries.push([JSON.stringify(key), text]);
  }
  if (entries.length === 0) return '{}';
  const flat = Object.values(value).every((field) => field === null || typeof field !== 'object');
  const oneLine = `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  if (flat && oneLine.length <= INLINE_WIDTH) return oneLine;
  return `{\n${entries.map(([k, v]) => `${inner}${k}: ${v}`).join(',\n')}\n${indent}}`;
}

/** JSON text of a non-object, or undefined for what JSON cannot hold (undefined, functions). */
function primitive(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return String(value);
    case 'bigint':
      return value.toString();
    case 'object':
      return 'null';
    default:
      return undefined;
  }
}
