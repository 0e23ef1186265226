/**
 * User formulas for the custom activation: f(x) typed in mathjs syntax, checked against an allow-list,
 * differentiated symbolically (or f′ typed by the user) and compiled to plain JS for the training loop.
 */
export { compileFormula } from './compile-formula';
export { type DerivativeMismatch, type FormulaTex, formulaTex } from './formula-tex';
export { FORMULA_SUPPORT_LOADING, formulaSupport, formulaSupportReady } from './mathjs';
export type { CompiledFormula, FormulaError, FormulaResult } from './types';
