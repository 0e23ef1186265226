/**
 * The formula compiler as one chunk, loaded on first use (see mathjs.ts): mathjs with the code that
 * parses, checks, differentiates and compiles a formula. Nothing outside this folder imports these
 * files but through `formulaSupport`, so they stay out of the app's first load.
 */
// A custom activation's Python (the exporters): it walks the same mathjs trees, so it runs only once
// this chunk has loaded anyway, and waits here instead of in the app's first load.
export { customActivationPython } from '../export/formula';
export { compileOrReport } from './compile-uncached';
export { math } from './mathjs-instance';
export { parseFormula } from './parse-formula';
export { symbolicDerivative } from './symbolic-derivative';
