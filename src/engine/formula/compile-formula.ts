import type { MathNode } from 'mathjs';
import { BoundedCache } from './bounded-cache';
import { compileJs, toJsSource } from './codegen';
import { formulaSupportReady } from './mathjs';
import { parseFormula } from './parse-formula';
import { symbolicDerivative } from './symbolic-derivative';
import type { CompiledFormula, FormulaField, FormulaResult, Refusal } from './types';

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
  const result = Object.freeze(compileOrReport(f, df));
  // Before mathjs has loaded the answer is "still loading": not worth remembering.
  if (formulaSupportReady()) cache.set(key, result);
  return result;
}

function compileUncached(fSource: string, dfSource: string): FormulaResult {
  const parsedF = parseFormula(fSource);
  if (!parsedF.ok) return failure('f', parsedF.refusal);
  const fNode = parsedF.node;

  let dfNode: MathNode;
  let derivativeSource: CompiledFormula['derivativeSource'];
  if (dfSource.trim() === '') {
    const derived = symbolicDerivative(fNode);
    if (!derived.ok) return failure('df', { message: derived.message });
    dfNode = derived.node;
    derivativeSource = 'symbolic';
  } else {
    const parsedDf = parseFormula(dfSource);
    if (!parsedDf.ok) return failure('df', parsedDf.refusal);
    dfNode = parsedDf.node;
    derivativeSource = 'user';
  }

  const formula: CompiledFormula = {
    f: compileJs(toJsSource(fNode)),
    df: compileJs(toJsSource(dfNode)),
    fTex: fNode.toTex(),
    dfTex: dfNode.toTex(),
    fText: fSource.trim(),
    dfText: derivativeSource === 'user' ? dfSource.trim() : dfNode.toString(),
    derivativeSource,
  };
  return { ok: true, formula: Object.freeze(formula) };
}

/** Unexpected exceptions (none are known) are reported, not thrown, so a bad file cannot crash a compile. */
function compileOrReport(fSource: string, dfSource: string): FormulaResult {
  try {
    return compileUncached(fSource, dfSource);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure('f', { message: `Could not compile the formula: ${reason}` });
  }
}

function failure(field: FormulaField, refusal: Refusal): FormulaResult {
  return { ok: false, error: Object.freeze({ ...refusal, field }) };
}
