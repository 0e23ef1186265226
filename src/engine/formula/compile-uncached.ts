import type { MathNode } from 'mathjs';
import { compileJs, toJsSource } from './codegen';
import { parseFormula } from './parse-formula';
import { symbolicDerivative } from './symbolic-derivative';
import type { CompiledFormula, FormulaField, FormulaResult, Refusal } from './types';

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
export function compileOrReport(fSource: string, dfSource: string): FormulaResult {
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
