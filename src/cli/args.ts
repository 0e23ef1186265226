/**
 * A small argument parser: positional words, `--flag value`, boolean `--flag` and repeatable
 * `--flag value` (every value kept, in order). Unknown flags are refused so a typo never silently
 * changes a run.
 */
export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
  /** The values of each repeatable flag given, in order. */
  lists: Map<string, string[]>;
}

export function parseArgs(
  argv: readonly string[],
  valueFlags: readonly string[],
  boolFlags: readonly string[],
  listFlags: readonly string[] = [],
): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (boolFlags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (valueFlags.includes(name) || listFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      if (listFlags.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
      else flags.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, flags, lists };
}

export function positiveInt(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}
