import { BoundedCache } from './bounded-cache';
import { FORMULA_SUPPORT_LOADING, formulaSupport } from './mathjs';
import type { FormulaResult } from './types';

/**
 * Graphs are recompiled on every edit, each time asking for the same few formulas; differentiating and
 * compiling again would be wasted work. A handful of entries covers every custom node in a graph.
 */
const cache = new BoundedCache<string, FormulaResult>(64);

/**
 * Compiles a user formula f(x) (mathjs syntax) and its derivative into plain JS functions.
 * The derivative is worked out symbolically unless `userDerivative` is given (an empty or blank string
 * counts as not given). Results are memoized by (f, userDerivative) and frozen, since they are shared.
 */
export function compileFormula(f: string, userDerivative?: string): FormulaResult {
  const df = userDerivative ?? '';
  const key = `${f}\u0000${df}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const loaded = formulaSupport.current();
  if (!loaded) {
    // Before mathjs has loaded the answer is "still loading" (or why it could not): not remembered.
    const message = formulaSupport.error()?.message ?? FORMULA_SUPPORT_LOADING;
    return Object.freeze({ ok: false, error: Object.freeze({ message, field: 'f' as const }) });
  }
  const result = Object.freeze(loaded.compileOrReport(f, df));
  cache.set(key, result);
  return result;
}
