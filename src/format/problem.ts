/**
 * A problem found while reading a document: where it is (a path a learner can follow in the file)
 * and what was expected there, in plain words.
 */

export interface Problem {
  /** Like "nodes[2].params.lr" or "edges[0].source"; empty for the file as a whole. */
  path: string;
  /** What was expected, learner-readable, e.g. "expected a number, received the text \"abc\"". */
  message: string;
}

/** "nodes[2].params.lr: must be at least 0", or the bare message for the file as a whole. */
export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** ["nodes", 2, "params", "lr"] → "nodes[2].params.lr"; odd keys are quoted: params["my rate"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      if (!IDENTIFIER.test(name)) out += `[${JSON.stringify(name)}]`;
      else out += out ? `.${name}` : name;
    }
  }
  return out;
}

/** The value at `path` inside `root`, following own properties only; undefined when absent. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here = root;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Whether `value` is a plain JSON object (not null, not a list). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A received value said to a learner: `the text "abc"`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'empty text' : `the text ${JSON.stringify(shorten(value))}`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : 'a number too large to store';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
