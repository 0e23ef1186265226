/**
 * The whole vocabulary a formula may use, each entry paired with its JS translation.
 * Keeping the allow-list and the code generator in one table means nothing can be allowed
 * without a known, hand-written translation, and nothing can be translated without being allowed.
 * Every translation is built only from `Math.*` names, operators and the already-translated arguments.
 */

/** Renders already-compiled argument sources as JS. */
type ToJs = (args: readonly string[]) => string;

export interface AllowedFunction {
  minArgs: number;
  maxArgs: number;
  toJs: ToJs;
}

/** The only variable. */
export const VARIABLE = 'x';

/** The names a formula may use, the variable and two constants, with their JS spelling. */
export const NAMES: ReadonlyMap<string, string> = new Map([
  ['x', 'x'],
  ['e', 'Math.E'],
  ['pi', 'Math.PI'],
]);

const mathCall =
  (name: string): ToJs =>
  (args) =>
    `Math.${name}(${args.join(', ')})`;

/** sec, csc, cot and their hyperbolic cousins have no `Math.*` equivalent. */
const reciprocalOf =
  (name: string): ToJs =>
  (args) =>
    `(1 / Math.${name}(${args[0]}))`;

const unary = (toJs: ToJs): AllowedFunction => ({ minArgs: 1, maxArgs: 1, toJs });

/**
 * Functions a formula may call. mathjs semantics differ from JS only where mathjs would leave the reals
 * (e.g. `log(-1)` or `(-8)^(1/3)` are complex in mathjs, NaN here), which is what a network wants anyway.
 * Left out on purpose: anything that is not a real function of real numbers (`import`, `evaluate`, ...),
 * `cbrt` (mathjs differentiates it as x^(2/3), NaN for x < 0) and step functions like `floor` whose
 * derivative is zero almost everywhere and would silently stop learning.
 */
export const FUNCTIONS: ReadonlyMap<string, AllowedFunction> = new Map<string, AllowedFunction>([
  ['exp', unary(mathCall('exp'))],
  ['expm1', unary(mathCall('expm1'))],
  // mathjs `log(x)` is the natural log; `log(x, base)` the log in any base.
  [
    'log',
    {
      minArgs: 1,
      maxArgs: 2,
      toJs: (args) =>
        args.length === 1 ? `Math.log(${args[0]})` : `(Math.log(${args[0]}) / Math.log(${args[1]}))`,
    },
  ],
  ['log1p', unary(mathCall('log1p'))],
  ['log2', unary(mathCall('log2'))],
  ['log10', unary(mathCall('log10'))],
  ['sqrt', unary(mathCall('sqrt'))],
  ['square', unary((args) => `Math.pow(${args[0]}, 2)`)],
  ['cube', unary((args) => `Math.pow(${args[0]}, 3)`)],
  ['pow', { minArgs: 2, maxArgs: 2, toJs: mathCall('pow') }],
  ['abs', unary(mathCall('abs'))],
  ['sign', unary(mathCall('sign'))],
  ['max', { minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, toJs: mathCall('max') }],
  ['min', { minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, toJs: mathCall('min') }],
  ['sin', unary(mathCall('sin'))],
  ['cos', unary(mathCall('cos'))],
  ['tan', unary(mathCall('tan'))],
  ['sec', unary(reciprocalOf('cos'))],
  ['csc', unary(reciprocalOf('sin'))],
  ['cot', unary(reciprocalOf('tan'))],
  ['asin', unary(mathCall('asin'))],
  ['acos', unary(mathCall('acos'))],
  ['atan', unary(mathCall('atan'))],
  ['sinh', unary(mathCall('sinh'))],
  ['cosh', unary(mathCall('cosh'))],
  ['tanh', unary(mathCall('tanh'))],
  ['sech', unary(reciprocalOf('cosh'))],
  ['csch', unary(reciprocalOf('sinh'))],
  ['coth', unary(reciprocalOf('tanh'))],
  ['asinh', unary(mathCall('asinh'))],
  ['acosh', unary(mathCall('acosh'))],
  ['atanh', unary(mathCall('atanh'))],
]);

/** Functions with a kink that mathjs cannot differentiate: the user must say what f′ is at the kink. */
export const NEEDS_USER_DERIVATIVE: ReadonlySet<string> = new Set(['max', 'min']);

export interface AllowedOperator {
  minArgs: number;
  maxArgs: number;
  toJs: ToJs;
}

const infix =
  (symbol: string): ToJs =>
  (args) =>
    `(${args.join(` ${symbol} `)})`;

/**
 * Operators by mathjs function name (`OperatorNode.fn`), which is what decides their meaning.
 * mathjs `^` is power, not XOR. `add` and `multiply` may be n-ary in trees built by mathjs itself.
 */
export const OPERATORS: ReadonlyMap<string, AllowedOperator> = new Map<string, AllowedOperator>([
  ['add', { minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, toJs: infix('+') }],
  ['subtract', { minArgs: 2, maxArgs: 2, toJs: infix('-') }],
  ['multiply', { minArgs: 2, maxArgs: Number.POSITIVE_INFINITY, toJs: infix('*') }],
  ['divide', { minArgs: 2, maxArgs: 2, toJs: infix('/') }],
  ['pow', { minArgs: 2, maxArgs: 2, toJs: mathCall('pow') }],
  ['unaryMinus', { minArgs: 1, maxArgs: 1, toJs: (args) => `(-${args[0]})` }],
  ['unaryPlus', { minArgs: 1, maxArgs: 1, toJs: (args) => `(+${args[0]})` }],
]);
