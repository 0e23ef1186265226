import { BoundedCache } from './bounded-cache';
import { compileFormula } from './compile-formula';
import { formulaSupport, formulaSupportReady } from './mathjs';
import type { CompiledFormula, FormulaError } from './types';

/** Where a typed f′(x) and the derivative of f(x) part ways: the first sample point that tells them apart. */
export interface DerivativeMismatch {
  x: number;
  /** The typed f′ at x. */
  typed: number;
  /** The derivative of f at x: worked out symbolically, or by finite differences when it cannot be. */
  expected: number;
}

/** What the inspector shows for a custom activation: f and f′ as TeX equations, or why it cannot. */
export type FormulaTex =
  | {
      ok: true;
      /** `f(x) = …`, ready for KaTeX. */
      fTex: string;
      /** `f'(x) = …`, ready for KaTeX. */
      dfTex: string;
      derivativeSource: CompiledFormula['derivativeSource'];
      /** Only for a typed f′ that does not match f. */
      mismatch?: DerivativeMismatch;
    }
  | {
      ok: false;
      error: FormulaError;
      /** `f(x) = …` when f itself parsed and only its derivative failed (e.g. max needs a typed f′). */
      fTex?: string;
    };

/**
 * The inspector asks on every render while the learner types; the compile is memoized already, but
 * the derivative check samples the functions, so the whole answer is remembered by (f, f′).
 */
const cache = new BoundedCache<string, FormulaTex>(64);

/** f(x) and f′(x) as TeX (f′ derived when `derivative` is blank), or the error with its position. */
export function formulaTex(formula: string, derivative = ''): FormulaTex {
  const key = `${formula}\u0000${derivative}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const result = Object.freeze(texOf(formula, derivative));
  if (formulaSupportReady()) cache.set(key, result);
  return result;
}

function texOf(formula: string, derivative: string): FormulaTex {
  const compiled = compileFormula(formula, derivative);
  if (!compiled.ok) {
    const { error } = compiled;
    if (error.field === 'f') return { ok: false, error };
    const parsed = formulaSupport.current()?.parseFormula(formula);
    return parsed?.ok ? { ok: false, error, fTex: `f(x) = ${parsed.node.toTex()}` } : { ok: false, error };
  }
  const { fTex, dfTex, derivativeSource } = compiled.formula;
  const mismatch = derivativeSource === 'user' ? checkTypedDerivative(compiled.formula) : undefined;
  return {
    ok: true,
    fTex: `f(x) = ${fTex}`,
    dfTex: `f'(x) = ${dfTex}`,
    derivativeSource,
    ...(mismatch && { mismatch }),
  };
}

/**
 * Points away from 0 and the integers, where kinks (relu, abs, max(x, 1), ...) usually sit and where
 * either side's slope would be a fair answer.
 */
const SAMPLES = [-2.71, -1.37, -0.53, 0.29, 0.83, 1.61, 2.47];
const STEP = 1e-5;

/**
 * Compares a typed f′ with the derivative of f at a few points. The reference is the symbolic
 * derivative when there is one (exact), else a central difference (error ~1e-10 here), with a
 * tolerance loose enough for both and tight enough to catch a wrong factor or sign.
 */
function checkTypedDerivative(formula: CompiledFormula): DerivativeMismatch | undefined {
  const symbolic = compileFormula(formula.fText);
  const reference = symbolic.ok
    ? symbolic.formula.df
    : (x: number) => (formula.f(x + STEP) - formula.f(x - STEP)) / (2 * STEP);
  for (const x of SAMPLES) {
    const typed = formula.df(x);
    const expected = reference(x);
    if (!Number.isFinite(typed) || !Number.isFinite(expected)) continue;
    if (Math.abs(typed - expected) > 1e-4 * (1 + Math.abs(expected))) return { x, typed, expected };
  }
  return undefined;
}
