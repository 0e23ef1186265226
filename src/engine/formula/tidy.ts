import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';
import { math } from './mathjs';
import type { AnyConstantNode, AnyOperatorNode, AnyParenthesisNode } from './nodes';

/**
 * A small, linear-time clean-up of what `derivative(..., { simplify: false })` produces:
 * `3 * 1 * x ^ (3 - 1)` becomes `3 * x ^ 2`, `-1 * (0 + -1 * exp(-x))` becomes `exp(-x)`.
 *
 * We do not use mathjs `simplify` (nor `simplifyCore`): their rule matching is super-linear and took
 * minutes on the derivative of a 126-character formula (25 nested `sin`), and formulas may come from
 * shared files. Each rule here looks only at a node and its already-tidied children, so the cost is
 * one pass over the tree. The rules are exact identities except `0 * a = 0` and `0 / a = 0`, which
 * are what differentiation means (a term that does not depend on x contributes nothing).
 */
export function tidy(node: MathNode): MathNode {
  switch (node.type) {
    case 'ParenthesisNode':
      // The tree already encodes grouping; mathjs re-inserts parentheses where printing needs them.
      return tidy((node as AnyParenthesisNode).content);
    case 'OperatorNode': {
      const operator = node as AnyOperatorNode;
      return tidyOperator(operator, operator.args.map(tidy));
    }
    case 'FunctionNode': {
      const call = node as FunctionNode<SymbolNode>;
      const args = call.args.map(tidy);
      // ln(e) = 1 exactly (also in floating point): mathjs writes d/dx e^x as e^x * log(e).
      if (call.fn.name === 'log' && args.length === 1 && isSymbol(args[0], 'e')) return constant(1);
      return new math.FunctionNode(call.fn, args);
    }
    default:
      return node;
  }
}

function tidyOperator(node: AnyOperatorNode, args: MathNode[]): MathNode {
  if (args.length === 1) {
    if (node.fn === 'unaryMinus') return negate(args[0]);
    if (node.fn === 'unaryPlus') return args[0];
  }
  if (args.length === 2) {
    const [a, b] = args;
    switch (node.fn) {
      case 'add':
        return add(a, b);
      case 'subtract':
        return subtract(a, b);
      case 'multiply':
        return multiply(a, b);
      case 'divide':
        return divide(a, b);
      case 'pow':
        return power(a, b);
    }
  }
  return new math.OperatorNode(node.op, node.fn, args, node.implicit);
}

function add(a: MathNode, b: MathNode): MathNode {
  const folded = foldIntegers(a, b, (p, q) => p + q);
  if (folded !== undefined) return folded;
  if (isZero(a)) return b;
  if (isZero(b)) return a;
  const negatedB = negatedOperand(b);
  if (negatedB !== undefined) return subtract(a, negatedB);
  const negatedA = negatedOperand(a);
  if (negatedA !== undefined) return subtract(b, negatedA);
  return new math.OperatorNode('+', 'add', [a, b]);
}

function subtract(a: MathNode, b: MathNode): MathNode {
  const folded = foldIntegers(a, b, (p, q) => p - q);
  if (folded !== undefined) return folded;
  if (isZero(b)) return a;
  if (isZero(a)) return negate(b);
  const negatedB = negatedOperand(b);
  if (negatedB !== undefined) return add(a, negatedB);
  return new math.OperatorNode('-', 'subtract', [a, b]);
}

function multiply(a: MathNode, b: MathNode): MathNode {
  const folded = foldIntegers(a, b, (p, q) => p * q);
  if (folded !== undefined) return folded;
  if (isZero(a) || isZero(b)) return constant(0);
  if (isOne(a)) return b;
  if (isOne(b)) return a;
  // Pull signs to the front so that `x * -1 * exp(-x)` reads `-(x * exp(-x))`.
  const negatedA = negatedOperand(a);
  if (negatedA !== undefined) return negate(multiply(negatedA, b));
  const negatedB = negatedOperand(b);
  if (negatedB !== undefined) return negate(multiply(a, negatedB));
  return new math.OperatorNode('*', 'multiply', [a, b]);
}

function divide(a: MathNode, b: MathNode): MathNode {
  const folded = foldIntegers(a, b, (p, q) => p / q);
  if (folded !== undefined) return folded;
  if (isZero(a)) return constant(0);
  if (isOne(b)) return a;
  const negatedA = negatedOperand(a);
  if (negatedA !== undefined) return negate(divide(negatedA, b));
  const negatedB = negatedOperand(b);
  if (negatedB !== undefined) return negate(divide(a, negatedB));
  return new math.OperatorNode('/', 'divide', [a, b]);
}

function power(base: MathNode, exponent: MathNode): MathNode {
  const folded = foldIntegers(base, exponent, (p, q) => (q >= 0 ? p ** q : Number.NaN));
  if (folded !== undefined) return folded;
  if (isZero(exponent)) return constant(1);
  if (isOne(exponent)) return base;
  return new math.OperatorNode('^', 'pow', [base, exponent]);
}

function negate(a: MathNode): MathNode {
  if (isZero(a)) return a;
  const negated = negatedOperand(a);
  if (negated !== undefined) return negated;
  return new math.OperatorNode('-', 'unaryMinus', [a]);
}

/** `c` when `node` is `-c` (a unary minus or a negative constant), else undefined. */
function negatedOperand(node: MathNode): MathNode | undefined {
  if (node.type === 'OperatorNode') {
    const operator = node as AnyOperatorNode;
    if (operator.fn === 'unaryMinus') return operator.args[0];
  }
  const value = numberOf(node);
  return value !== undefined && value < 0 ? constant(-value) : undefined;
}

/**
 * Folds `op(a, b)` when both are integer constants and so is the result (kept exact and readable:
 * `3 - 1` becomes `2`, but `1 / 3` stays a fraction rather than 0.333...).
 */
function foldIntegers(a: MathNode, b: MathNode, op: (p: number, q: number) => number): MathNode | undefined {
  const p = numberOf(a);
  const q = numberOf(b);
  if (p === undefined || q === undefined || !Number.isSafeInteger(p) || !Number.isSafeInteger(q))
    return undefined;
  const result = op(p, q);
  return Number.isSafeInteger(result) ? constant(result) : undefined;
}

/** The numeric value of a constant or a negated constant. */
function numberOf(node: MathNode): number | undefined {
  if (node.type === 'ConstantNode') {
    const value = (node as AnyConstantNode).value;
    return typeof value === 'number' ? value : undefined;
  }
  if (node.type === 'OperatorNode') {
    const operator = node as AnyOperatorNode;
    if (operator.fn === 'unaryMinus' && operator.args.length === 1) {
      const inner = numberOf(operator.args[0]);
      return inner === undefined ? undefined : -inner;
    }
  }
  return undefined;
}

const isZero = (node: MathNode): boolean => numberOf(node) === 0;
const isOne = (node: MathNode): boolean => numberOf(node) === 1;
const isSymbol = (node: MathNode, name: string): boolean =>
  node.type === 'SymbolNode' && (node as SymbolNode).name === name;

/** Negative values are written as a unary minus so that printing and the rules above see one shape. */
function constant(value: number): MathNode {
  const magnitude = new math.ConstantNode(Math.abs(value));
  return value < 0 ? new math.OperatorNode('-', 'unaryMinus', [magnitude]) : magnitude;
}
