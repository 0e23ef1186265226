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

export const formulaSupport = lazy('the formula compiler', () =>
  import('./mathjs-instance').then((module) => {
    math = module.math;
    return module.math;
  }),
);

/** The refusal while mathjs is on its way (never cached: the same formula compiles once it has come). */
export const FORMULA_SUPPORT_LOADING = 'the formula compiler is still loading';

export const formulaSupportReady = (): boolean => formulaSupport.state() === 'ready';
