/**
 * What numbers an output can take, and what an input needs: kinds declare them, and the compiler
 * warns when wiring that is valid by type feeds an input numbers it cannot use (a binary
 * cross-entropy reading "probabilities" from a linear output, say). The knowledge lives with the
 * kinds: each activation row says its range, each loss what its prediction must be.
 */

/** The interval an output's numbers lie in (ends included or not does not matter for the checks). */
export interface ValueRange {
  min: number;
  max: number;
  /** The numbers of a vector add up to 1 (a softmax). */
  sumsToOne?: boolean;
}

export const ANY_NUMBER: ValueRange = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };

/** What an input needs of the numbers it reads, and what to do when it does not get it. */
export interface ValueNeed {
  /** The numbers must lie within [min, max]. */
  min?: number;
  max?: number;
  /** The numbers must add up to 1 across the vector. */
  sumsToOne?: boolean;
  /** What it needs, said to a learner: "probabilities between 0 and 1". */
  what: string;
  /** The fix: "add a sigmoid, or switch the loss to logits". */
  fix: string;
}

/** Whether numbers from `range` can fall outside what `need` asks for. */
export function violates(range: ValueRange, need: ValueNeed): boolean {
  if (need.min !== undefined && range.min < need.min) return true;
  if (need.max !== undefined && range.max > need.max) return true;
  return need.sumsToOne === true && !range.sumsToOne;
}

/** A range in words: "any number", "numbers from 0 up", "numbers between −1 and 1". */
export function describeRange(range: ValueRange): string {
  const lo = Number.isFinite(range.min);
  const hi = Number.isFinite(range.max);
  const n = (x: number) => String(x).replace('-', '−');
  if (!lo && !hi) return 'any number';
  if (lo && !hi) return `numbers from ${n(range.min)} up`;
  if (!lo && hi) return `numbers up to ${n(range.max)}`;
  return `numbers between ${n(range.min)} and ${n(range.max)}${range.sumsToOne ? ' that add up to 1' : ''}`;
}
