import type { create } from 'mathjs';
import { lazy } from '../lazy';

type MathInstance = ReturnType<typeof create>;

/**
 * The mathjs instance the formula code uses (parse, derivative, node constructors), set once
 * `formulaSupport` has loaded. mathjs is a third of the app's code, and only a custom activation
 * needs it, so it is a separate chunk: whoever compiles a graph with a custom formula first awaits
 * `formulaSupport.load()` (the compiled store and the training worker do), and until then
 * `parseFormula` answers "still loading" instead of touching this binding.
 */
export let math = undefined as unknown as MathInstance;

/** mathjs and everything that parses, differentiates and compiles a formula: one chunk (formula-chunk.ts). */
export const formulaSupport = lazy('the formula compiler', () =>
  import('./formula-chunk').then((module) => {
    math = module.math;
    return module;
  }),
);

/** The loaded formula code, for callers that run only once it has loaded (exporters); throws before. */
export function formulaModule() {
  const loaded = formulaSupport.current();
  if (!loaded) throw new Error(`${FORMULA_SUPPORT_LOADING}: await formulaSupport.load() first`);
  return loaded;
}

/** The refusal while mathjs is on its way (never cached: the same formula compiles once it has come). */
export const FORMULA_SUPPORT_LOADING = 'the formula compiler is still loading';

export const formulaSupportReady = (): boolean => formulaSupport.state() === 'ready';
