/** Which text box a problem belongs to: the formula f(x) or its derivative f′(x). */
export type FormulaField = 'f' | 'df';

export interface FormulaError {
  message: string;
  /** 0-based index into the text of `field`, when the problem can be pinned to a character. */
  position?: number;
  field: FormulaField;
}

export interface CompiledFormula {
  /** f(x) as plain JS arithmetic over `Math.*`: safe and fast enough for the per-element training loop. */
  f: (x: number) => number;
  /** f′(x), compiled the same way. */
  df: (x: number) => number;
  /** KaTeX sources for display. */
  fTex: string;
  dfTex: string;
  /** f as the user typed it (trimmed). */
  fText: string;
  /** f′ as the user typed it (trimmed), or the symbolic derivative printed in mathjs syntax. */
  dfText: string;
  derivativeSource: 'symbolic' | 'user';
}

export type FormulaResult = { ok: true; formula: CompiledFormula } | { ok: false; error: FormulaError };

/** A problem found in one text box, before it is attributed to a field. */
export interface Refusal {
  message: string;
  position?: number;
}
