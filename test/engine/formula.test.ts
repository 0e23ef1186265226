/**
 * User formulas for the custom activation: f(x) typed in mathjs syntax, its derivative worked out
 * symbolically or typed, both compiled to plain JS. Expected values come from closed forms written
 * out by hand here and from central finite differences, never from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { type CompiledFormula, compileFormula, type FormulaError } from '../../src/engine/formula';
import { BoundedCache } from '../../src/engine/formula/bounded-cache';
import { toJsSource } from '../../src/engine/formula/codegen';
import { MAX_FORMULA_LENGTH, parseFormula } from '../../src/engine/formula/parse-formula';
import { symbolicDerivative } from '../../src/engine/formula/symbolic-derivative';

function compiled(f: string, df?: string): CompiledFormula {
  const result = compileFormula(f, df);
  if (!result.ok) throw new Error(`expected ${f} to compile: ${result.error.message}`);
  return result.formula;
}

function refused(f: string, df?: string): FormulaError {
  const result = compileFormula(f, df);
  if (result.ok) throw new Error(`expected ${JSON.stringify(f)} / ${JSON.stringify(df)} to be refused`);
  return result.error;
}

const EPS = 1e-6;
const ATOL = 1e-5;
const RTOL = 1e-3;

function expectClose(actual: number, expected: number, what: string) {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    ATOL + RTOL * Math.abs(expected),
  );
}

/** df must agree with central finite differences of f at each point (all chosen away from kinks). */
function expectDerivativeMatchesFiniteDifferences(formula: CompiledFormula, points: readonly number[]) {
  for (const x of points) {
    const numeric = (formula.f(x + EPS) - formula.f(x - EPS)) / (2 * EPS);
    expectClose(formula.df(x), numeric, `f′(${x}) of ${formula.fText}`);
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const POINTS = [-2.3, -0.7, -0.1, 0.3, 1.1, 2.9];

describe('values and symbolic derivatives against closed forms', () => {
  const cases: { f: string; value: (x: number) => number; slope: (x: number) => number }[] = [
    { f: 'x^3', value: (x) => x * x * x, slope: (x) => 3 * x * x },
    {
      f: 'x / (1 + exp(-x))',
      value: (x) => x * sigmoid(x),
      slope: (x) => sigmoid(x) * (1 + x * (1 - sigmoid(x))),
    },
    { f: 'log(1 + exp(x))', value: (x) => Math.log(1 + Math.exp(x)), slope: sigmoid },
    { f: '1 / (1 + exp(-x))', value: sigmoid, slope: (x) => sigmoid(x) * (1 - sigmoid(x)) },
    { f: 'tanh(x)', value: Math.tanh, slope: (x) => 1 - Math.tanh(x) ** 2 },
    { f: 'exp(-x^2 / 2)', value: (x) => Math.exp((-x * x) / 2), slope: (x) => -x * Math.exp((-x * x) / 2) },
    { f: 'e^x', value: Math.exp, slope: Math.exp },
    { f: 'pi * x', value: (x) => Math.PI * x, slope: () => Math.PI },
    { f: '2^x', value: (x) => 2 ** x, slope: (x) => 2 ** x * Math.LN2 },
    { f: 'sin(x)^2 + cos(x)^2', value: () => 1, slope: () => 0 },
    { f: 'abs(x)', value: Math.abs, slope: Math.sign },
    { f: 'x * abs(x)', value: (x) => x * Math.abs(x), slope: (x) => 2 * Math.abs(x) },
    { f: 'square(x) + cube(x)', value: (x) => x ** 2 + x ** 3, slope: (x) => 2 * x + 3 * x ** 2 },
    { f: '2x + 1', value: (x) => 2 * x + 1, slope: () => 2 },
  ];
  for (const { f, value, slope } of cases) {
    it(`${f}`, () => {
      const formula = compiled(f);
      expect(formula.derivativeSource).toBe('symbolic');
      for (const x of POINTS) {
        expectClose(formula.f(x), value(x), `f(${x})`);
        expectClose(formula.df(x), slope(x), `f′(${x})`);
      }
    });
  }

  it('logs: log(x) is natural, log(x, b) is base b, log2 and log10 too', () => {
    for (const x of [0.2, 1.7, 9]) {
      expectClose(compiled('log(x)').df(x), 1 / x, 'd ln x');
      expectClose(compiled('log(x, 3)').f(x), Math.log(x) / Math.log(3), 'log base 3');
      expectClose(compiled('log(x, 3)').df(x), 1 / (x * Math.log(3)), 'd log base 3');
      expectClose(compiled('log2(x)').df(x), 1 / (x * Math.LN2), 'd log2');
      expectClose(compiled('log10(x)').df(x), 1 / (x * Math.LN10), 'd log10');
    }
  });
});

describe('every allowed function differentiates like its finite differences', () => {
  const anywhere = POINTS;
  const positive = [0.2, 0.9, 1.7, 3.1];
  const insideUnit = [-0.8, -0.3, 0.1, 0.6];
  const aboveOne = [1.2, 2, 3.5];
  const cases: [string, readonly number[]][] = [
    ['exp(x)', anywhere],
    ['expm1(x)', anywhere],
    ['log(x)', positive],
    ['log(x, 3)', positive],
    ['log(3, x)', [0.3, 0.7, 1.7, 3.1]],
    ['log1p(x)', positive],
    ['log2(x)', positive],
    ['log10(x)', positive],
    ['sqrt(x)', positive],
    ['square(x)', anywhere],
    ['cube(x)', anywhere],
    ['pow(x, 3)', anywhere],
    ['pow(x, x)', positive],
    ['abs(x)', anywhere],
    ['sign(x)', anywhere],
    ['sin(x)', anywhere],
    ['cos(x)', anywhere],
    ['tan(x)', [-1.2, -0.4, 0.5, 1.3]],
    ['sec(x)', [-1.2, -0.4, 0.5, 1.3]],
    ['csc(x)', [-2.5, -0.4, 0.5, 2.8]],
    ['cot(x)', [-2.5, -0.4, 0.5, 2.8]],
    ['asin(x)', insideUnit],
    ['acos(x)', insideUnit],
    ['atan(x)', anywhere],
    ['sinh(x)', anywhere],
    ['cosh(x)', anywhere],
    ['tanh(x)', anywhere],
    ['sech(x)', anywhere],
    ['csch(x)', anywhere],
    ['coth(x)', anywhere],
    ['asinh(x)', anywhere],
    ['acosh(x)', aboveOne],
    ['atanh(x)', insideUnit],
    // The chain rule through each rewrite mathjs cannot differentiate directly.
    ['log1p(x^2) + expm1(2x) + square(sin(x)) + cube(cos(x)) + log2(x^2 + 1)', anywhere],
    ['abs(sin(3x)) * sign(x - 5)', [-0.9, 0.4, 0.8, 2.5]],
    ['x * tanh(log(1 + exp(x)))', anywhere],
    ['0.5 x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3)))', anywhere],
  ];
  for (const [f, points] of cases) {
    it(f, () => expectDerivativeMatchesFiniteDifferences(compiled(f), points));
  }
});

describe('kinks', () => {
  it('abs gets derivative sign(x): 0 at the kink instead of NaN (mathjs alone gives abs(x)/x)', () => {
    const formula = compiled('abs(x)');
    expect(formula.dfText).toBe('sign(x)');
    expect(formula.df(0)).toBe(0);
    expect(compiled('x * abs(x)').df(0)).toBe(0);
  });

  it('sign has derivative 0 everywhere', () => {
    const formula = compiled('sign(x) * 3');
    expect([-2, 0, 2].map(formula.df)).toEqual([0, 0, 0]);
  });

  it('max(0, x) without f′ asks the user to type f′(x), suggesting sign(max(0, x))', () => {
    const error = refused('max(0, x)');
    expect(error.field).toBe('df');
    expect(error.message).toContain('type f′(x) yourself');
    expect(error.message).toContain('sign(max(0, x))');
    expect(refused('min(x, 1) + x').field).toBe('df');
  });

  it('ReLU works once f′ is typed as sign(max(0, x)): 1 for x > 0, 0 otherwise (PyTorch convention)', () => {
    const relu = compiled('max(0, x)', 'sign(max(0, x))');
    expect(relu.derivativeSource).toBe('user');
    expect(relu.dfText).toBe('sign(max(0, x))');
    expect([-2, -1e-9, 0, 1e-9, 3].map(relu.f)).toEqual([0, 0, 0, 1e-9, 3]);
    expect([-2, -1e-9, 0, 1e-9, 3].map(relu.df)).toEqual([0, 0, 0, 1, 1]);
    expectDerivativeMatchesFiniteDifferences(relu, POINTS);
  });

  it('(sign(x) + 1) / 2 is another ReLU derivative, taking 1/2 at the kink', () => {
    const relu = compiled('max(0, x)', '(sign(x) + 1) / 2');
    expect([-2, 0, 3].map(relu.df)).toEqual([0, 0.5, 1]);
  });

  it('leaky ReLU: max(0.01x, x) with f′ = max(0.01, sign(x))', () => {
    const leaky = compiled('max(0.01x, x)', 'max(0.01, sign(x))');
    expectDerivativeMatchesFiniteDifferences(leaky, POINTS);
  });

  it('a conditional f′ is refused, pointing at the `?`', () => {
    expect(refused('max(0, x)', 'x > 0 ? 1 : 0')).toEqual({
      message: expect.stringContaining('Conditionals'),
      position: 6,
      field: 'df',
    });
  });

  it('a typed f′ is used as is, even where a symbolic one exists', () => {
    const formula = compiled('x^2', ' 2 * x ');
    expect(formula.derivativeSource).toBe('user');
    expect(formula.dfText).toBe('2 * x');
    expect(formula.df(3)).toBe(6);
  });

  it('an empty or blank f′ counts as not given', () => {
    expect(compiled('x^2', '').derivativeSource).toBe('symbolic');
    expect(compiled('x^2', '   ').derivativeSource).toBe('symbolic');
  });
});

describe('readable symbolic derivatives', () => {
  it('are tidied (no 1 * or x^(3 - 1)) and rendered as text and TeX', () => {
    expect(compiled('x^3').dfText).toBe('3 * x ^ 2');
    expect(compiled('1 / (1 + exp(-x))').dfText).toBe('exp(-x) / (1 + exp(-x)) ^ 2');
    expect(compiled('log(1 + exp(x))').dfText).toBe('exp(x) / (1 + exp(x))');
    expect(compiled('e^x').dfText).toBe('e ^ x');
  });

  it('keeps what the user typed as fText and gives KaTeX for both', () => {
    const formula = compiled('  x / (1 + exp(-x)) ');
    expect(formula.fText).toBe('x / (1 + exp(-x))');
    expect(formula.fTex).toContain('\\frac');
    expect(formula.fTex).toContain('\\exp');
    expect(compiled('x^3').dfTex).toMatch(/^3\\cdot\{\s*x\}\^\{2\}$/);
    expect(compiled('max(0, x)', 'sign(max(0, x))').dfTex).toContain('\\max');
  });

  it('hands other consumers (the Python export) only allow-listed trees', () => {
    const parsed = parseFormula('x * abs(x) + log1p(x)');
    if (!parsed.ok) throw new Error(parsed.refusal.message);
    const derived = symbolicDerivative(parsed.node);
    expect(derived.ok && derived.node.toString()).toBe('abs(x) + x * sign(x) + 1 / (1 + x)');
  });
});

describe('untrusted input is refused, with a message and a position', () => {
  const cases: { f: string; says: string; position?: number }[] = [
    { f: 'import({}, {override: true})', says: 'Unknown function `import`', position: 0 },
    { f: 'evaluate("1")', says: 'Unknown function `evaluate`', position: 0 },
    { f: 'parse("x")', says: 'Unknown function `parse`', position: 0 },
    { f: 'compile("x")', says: 'Unknown function `compile`', position: 0 },
    { f: 'simplify(x)', says: 'Unknown function `simplify`', position: 0 },
    { f: 'derivative(x, x)', says: 'Unknown function `derivative`', position: 0 },
    { f: 'resolve(x)', says: 'Unknown function `resolve`', position: 0 },
    { f: 'reviver(x)', says: 'Unknown function `reviver`', position: 0 },
    { f: 'x + createUnit("foo")', says: 'Unknown function `createUnit`', position: 4 },
    { f: 'constructor(x)', says: 'Unknown function `constructor`', position: 0 },
    { f: 'hasOwnProperty(x)', says: 'Unknown function `hasOwnProperty`', position: 0 },
    { f: '__proto__', says: 'Unknown name `__proto__`', position: 0 },
    { f: 'f(x) = x', says: 'Defining functions', position: 5 },
    { f: 'a = 1', says: 'Assignments', position: 2 },
    { f: '[1, 2]', says: 'Arrays', position: 0 },
    { f: '{a: 1}', says: 'Objects', position: 0 },
    { f: 'x ? 1 : 2', says: 'Conditionals', position: 2 },
    { f: '1:3', says: 'Ranges', position: 1 },
    { f: 'x; 1', says: 'Only one expression', position: 1 },
    { f: 'x\n1', says: 'Only one expression', position: 1 },
    { f: '"abc"', says: 'Text in quotes', position: 0 },
    { f: 'x.constructor', says: 'Property access', position: 1 },
    { f: 'x["constructor"]', says: 'Property access', position: 1 },
    { f: 'cos.constructor("return process")', says: 'Property access', position: 3 },
    { f: 'y + 1', says: 'Unknown name `y`: the formula may only use x', position: 0 },
    { f: '2 * x + Infinity', says: 'Only finite numbers', position: 8 },
    { f: 'NaN', says: 'Only finite numbers', position: 0 },
    { f: '5 cm', says: 'Unknown name `cm`', position: 2 },
    { f: 'x + exp', says: '`exp` is a function', position: 4 },
    { f: 'x == 1', says: 'The operator `==`', position: 2 },
    { f: '1 < x < 2', says: 'Comparisons', position: 2 },
    { f: 'x!', says: 'The operator `!`', position: 1 },
    { f: 'x mod 2', says: 'The operator `mod`', position: 2 },
    { f: 'x .* 2', says: 'The operator `.*`', position: 2 },
    { f: 'true', says: '`true` is not a number', position: 0 },
    { f: '1e999 * x', says: 'Only finite numbers', position: 0 },
    { f: 'log(x, 2, 3)', says: '`log` takes 1 or 2 arguments, not 3', position: 0 },
    { f: 'max(x)', says: '`max` takes at least 2 arguments, not 1', position: 0 },
    { f: '0.5x(1 + x)', says: 'would call x as a function: to multiply, write x * (...)', position: 3 },
  ];
  for (const { f, says, position } of cases) {
    it(JSON.stringify(f), () => {
      const error = refused(f);
      expect(error.field).toBe('f');
      expect(error.message).toContain(says);
      expect(error.position).toBe(position);
    });
  }

  it('refuses a call on a call, such as cos.constructor("return process")()', () => {
    expect(refused('cos.constructor("return process")()').field).toBe('f');
  });

  it('checks a typed f′ the same way, attributing the problem to df', () => {
    expect(refused('x', 'evaluate("1")')).toMatchObject({ field: 'df', position: 0 });
    expect(refused('x', 'y')).toMatchObject({ field: 'df', message: expect.stringContaining('`y`') });
  });

  it('refuses formulas that would be slow to process: too long or nested too deeply', () => {
    expect(refused(`x${'+x'.repeat(MAX_FORMULA_LENGTH)}`).message).toContain('too long');
    const nested = (depth: number) => Array.from({ length: depth }).reduce<string>((s) => `sin(${s})`, 'x');
    expect(compileFormula(nested(8)).ok).toBe(true);
    expect(refused(nested(9)).message).toContain('nested too deeply');
  });
});

describe('parse errors', () => {
  it('report the 0-based character position, without mathjs "(char N)" in the message', () => {
    expect(refused('x + * 2')).toEqual({ message: 'Value expected', position: 4, field: 'f' });
    expect(refused('(x')).toMatchObject({ position: 2, field: 'f' });
    expect(refused('x ) ')).toMatchObject({ position: 2, field: 'f' });
  });

  it('point one past the end when the formula stops short', () => {
    expect(refused('1 +')).toEqual({ message: 'Unexpected end of expression', position: 3, field: 'f' });
    expect(refused('x', '2 *')).toMatchObject({ position: 3, field: 'df' });
  });

  it('an empty formula asks for one', () => {
    expect(refused('')).toMatchObject({ field: 'f', message: expect.stringContaining('Type a formula') });
    expect(refused('   ').field).toBe('f');
  });
});

describe('compiled code', () => {
  /** Everything the generated JS may contain; any other character means user text leaked through. */
  const ALLOWED_TOKENS = /Math\.[A-Za-z0-9]+|x|\d+(\.\d+)?(e[+-]\d+)?|[-+*/(),\s]/g;

  const formulas: [string, string?][] = [
    ['x / (1 + exp(-x))'],
    ['0.5 x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3)))'],
    ['max(0.01x, x) + min(x, 2) + abs(x) * sign(x)', 'max(0.01, sign(x)) + sign(max(0, 2 - x))'],
    ['sec(x) + csc(x) + cot(x) + sech(x) + csch(x) + coth(x) + log(x, 3) + square(x) + cube(x)'],
    ['1e-7 * x + 1e21 - -2 + +x + e^pi'],
  ];

  for (const [f, df] of formulas) {
    it(`is plain arithmetic over Math.* for ${f}`, () => {
      const parsed = parseFormula(f);
      if (!parsed.ok) throw new Error(parsed.refusal.message);
      expect(toJsSource(parsed.node).replace(ALLOWED_TOKENS, '')).toBe('');
      const formula = compiled(f, df);
      const body = formula.f.toString() + formula.df.toString();
      // The function text wraps the generated source in `function anonymous(x) { 'use strict'; return ... }`.
      const generated = body.replace(/function anonymous\(x\s*\)\s*\{\s*'use strict'; return |;\s*\}/g, '');
      expect(generated.replace(ALLOWED_TOKENS, '')).toBe('');
    });
  }

  it('gives plain numbers (no mathjs values) and matches the mathjs meaning of ^ as power', () => {
    const formula = compiled('x^2 + 2^-1');
    expect(typeof formula.f(3)).toBe('number');
    expect(formula.f(3)).toBe(9.5);
  });
});

describe('memoization', () => {
  it('returns the same frozen result for the same (f, f′), treating a missing f′ like an empty one', () => {
    const first = compileFormula('x / (1 + exp(-x))');
    expect(compileFormula('x / (1 + exp(-x))')).toBe(first);
    expect(compileFormula('x / (1 + exp(-x))', '')).toBe(first);
    expect(compileFormula('x / (1 + exp(-x))', 'x')).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.ok && Object.isFrozen(first.formula)).toBe(true);
  });

  it('caches refusals too', () => {
    expect(compileFormula('y')).toBe(compileFormula('y'));
  });

  it('the bounded cache forgets the least recently used entry', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
