import type { MathNode, SymbolNode } from 'mathjs';
import { locateCall, locateHugeNumber, locateName, locateOperator, locatePattern } from './locate';
import type { AnyConstantNode, AnyFunctionNode, AnyOperatorNode, AnyParenthesisNode } from './nodes';
import type { Refusal } from './types';
import { FUNCTIONS, NAMES, OPERATORS, VARIABLE } from './vocabulary';

const ALLOWED_FUNCTION_LIST = [...FUNCTIONS.keys()].join(', ');

/**
 * The first part of a parsed formula that is not on the allow-list, or undefined if it is all allowed.
 * Only ConstantNode (finite numbers), SymbolNode (x, e, pi), OperatorNode (+ - * / ^, unary - +),
 * ParenthesisNode and calls of allow-listed functions pass. Everything else mathjs can parse is
 * refused: assignments, function definitions, property access, indexing, arrays, objects,
 * conditionals, ranges, blocks, comparisons, strings, booleans, unknown names and functions, and
 * calls nested deeper than MAX_CALL_DEPTH.
 * `source` is the text the tree came from, used to point at the offending token; trees built by
 * code (a symbolic derivative) have no source.
 */
export function findRefusal(node: MathNode, source = ''): Refusal | undefined {
  return refusalOf(node, source) ?? refuseDeepNesting(node, source);
}

/**
 * mathjs `toTex` renders each call's arguments twice, so its cost doubles with every level of nested
 * calls (25 nested `sin` would take minutes). No sensible activation nests deeper than this.
 */
export const MAX_CALL_DEPTH = 8;

function refuseDeepNesting(node: MathNode, source: string): Refusal | undefined {
  const tooDeep = findCallDeeperThan(node, MAX_CALL_DEPTH);
  if (tooDeep === undefined) return undefined;
  return at(
    source,
    `Functions are nested too deeply (at most ${MAX_CALL_DEPTH} calls inside each other)`,
    locateCall(source, tooDeep),
  );
}

/** The name of a call that has more than `levels` calls around and including it, if any. */
function findCallDeeperThan(node: MathNode, levels: number): string | undefined {
  const isCall = node.type === 'FunctionNode';
  if (isCall && levels === 0) return ((node as AnyFunctionNode).fn as SymbolNode).name;
  const inside = isCall ? levels - 1 : levels;
  let found: string | undefined;
  node.forEach((child) => {
    found ??= findCallDeeperThan(child, inside);
  });
  return found;
}

function refusalOf(node: MathNode, source: string): Refusal | undefined {
  switch (node.type) {
    case 'ConstantNode':
      return refuseConstant(node as AnyConstantNode, source);
    case 'SymbolNode':
      return refuseSymbol(node as SymbolNode, source);
    case 'ParenthesisNode':
      return refusalOf((node as AnyParenthesisNode).content, source);
    case 'OperatorNode':
      return refuseOperator(node as AnyOperatorNode, source);
    case 'FunctionNode':
      return refuseFunction(node as AnyFunctionNode, source);
    default:
      return refuseStructure(node.type, source);
  }
}

function refuseConstant(node: AnyConstantNode, source: string): Refusal | undefined {
  const { value } = node;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return undefined;
    return at(
      source,
      'Only finite numbers are allowed (this one is too large, Infinity or NaN)',
      locateHugeNumber(source) ?? locateName(source, 'Infinity') ?? locateName(source, 'NaN'),
    );
  }
  if (typeof value === 'string') {
    return at(
      source,
      'Text in quotes is not allowed: a formula is made of numbers, x and functions',
      locatePattern(source, /["']/),
    );
  }
  const spelled = String(value);
  return at(source, `\`${spelled}\` is not a number`, locateName(source, spelled));
}

function refuseSymbol(node: SymbolNode, source: string): Refusal | undefined {
  if (NAMES.has(node.name)) return undefined;
  const known = FUNCTIONS.has(node.name)
    ? ` (\`${node.name}\` is a function: call it like ${node.name}(x))`
    : '';
  return at(
    source,
    `Unknown name \`${node.name}\`: the formula may only use ${VARIABLE} (and the constants e and pi)${known}`,
    locateName(source, node.name),
  );
}

function refuseOperator(node: AnyOperatorNode, source: string): Refusal | undefined {
  const operator = OPERATORS.get(node.fn);
  if (operator === undefined) {
    return at(
      source,
      `The operator \`${node.op}\` is not allowed: use + - * / ^ and functions like max, abs or sign`,
      locateOperator(source, node.op),
    );
  }
  if (node.args.length < operator.minArgs || node.args.length > operator.maxArgs) {
    return at(source, `\`${node.op}\` has the wrong number of operands`, locateOperator(source, node.op));
  }
  return firstRefusal(node.args, source);
}

function refuseFunction(node: AnyFunctionNode, source: string): Refusal | undefined {
  const callee = node.fn;
  if (callee.type !== 'SymbolNode') {
    // e.g. `cos.constructor("...")` or `f(x)(y)`: say what is wrong with the callee itself.
    return (
      refusalOf(callee, source) ?? at(source, 'Only named functions like exp(x) may be called', undefined)
    );
  }
  const name = (callee as SymbolNode).name;
  const allowed = FUNCTIONS.get(name);
  if (allowed === undefined && NAMES.has(name)) {
    // mathjs reads `x(1 + x)` as a call of x, an easy slip when multiplying implicitly.
    return at(
      source,
      `\`${name}(...)\` would call ${name} as a function: to multiply, write ${name} * (...)`,
      locateCall(source, name),
    );
  }
  if (allowed === undefined) {
    return at(
      source,
      `Unknown function \`${name}\`: allowed functions are ${ALLOWED_FUNCTION_LIST}`,
      locateCall(source, name),
    );
  }
  const count = node.args.length;
  if (count < allowed.minArgs || count > allowed.maxArgs) {
    return at(
      source,
      `\`${name}\` takes ${describeArity(allowed.minArgs, allowed.maxArgs)}, not ${count}`,
      locateCall(source, name),
    );
  }
  return firstRefusal(node.args, source);
}

/** Node types that have no place in f(x) at all, with the token that usually introduces them. */
const STRUCTURES: ReadonlyMap<string, { message: string; token: RegExp }> = new Map([
  [
    'AssignmentNode',
    {
      message: 'Assignments (`=`) are not allowed: type only the right-hand side, e.g. x^2',
      token: /(?<![=<>!])=(?!=)/,
    },
  ],
  [
    'FunctionAssignmentNode',
    {
      message: 'Defining functions like f(x) = ... is not allowed: type only the right-hand side, e.g. x^2',
      token: /(?<![=<>!])=(?!=)/,
    },
  ],
  [
    'AccessorNode',
    {
      message: 'Property access and indexing (`.` or `[...]`) are not allowed',
      token: /\.(?=\s*[\p{L}_$])|\[/u,
    },
  ],
  ['IndexNode', { message: 'Indexing (`[...]`) is not allowed', token: /\[/ }],
  ['ArrayNode', { message: 'Arrays and matrices (`[...]`) are not allowed', token: /\[/ }],
  ['ObjectNode', { message: 'Objects (`{...}`) are not allowed', token: /\{/ }],
  [
    'ConditionalNode',
    {
      message:
        'Conditionals (`a ? b : c`) are not allowed: write piecewise formulas with max, min, abs or sign',
      token: /\?/,
    },
  ],
  ['RangeNode', { message: 'Ranges (`a:b`) are not allowed', token: /:/ }],
  ['BlockNode', { message: 'Only one expression is allowed (no `;` or line breaks)', token: /[;\n]/ }],
  [
    'RelationalNode',
    {
      message: 'Comparisons are not allowed: write piecewise formulas with max, min, abs or sign',
      token: /[<>]|[=!]=/,
    },
  ],
]);

function refuseStructure(type: string, source: string): Refusal {
  const structure = STRUCTURES.get(type);
  if (structure === undefined) return at(source, `${type} is not allowed in a formula`, undefined);
  return at(source, structure.message, locatePattern(source, structure.token));
}

function firstRefusal(nodes: readonly MathNode[], source: string): Refusal | undefined {
  for (const child of nodes) {
    const refusal = refusalOf(child, source);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

function describeArity(min: number, max: number): string {
  if (max === Number.POSITIVE_INFINITY) return `at least ${min} arguments`;
  if (min === max) return min === 1 ? '1 argument' : `${min} arguments`;
  return `${min} or ${max} arguments`;
}

/** A refusal, with a position only when there is source text to point into. */
function at(source: string, message: string, position: number | undefined): Refusal {
  return source === '' || position === undefined ? { message } : { message, position };
}
