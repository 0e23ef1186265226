import type { MathNode, SymbolNode } from 'mathjs';
import type { AnyConstantNode, AnyFunctionNode, AnyOperatorNode, AnyParenthesisNode } from './nodes';
import { FUNCTIONS, NAMES, OPERATORS, VARIABLE } from './vocabulary';

/**
 * JS source for a formula tree that passed `findRefusal`.
 *
 * Why this is safe to hand to `new Function`: no text from the user is ever copied into the output.
 * Names are looked up in the vocabulary tables and replaced by their hand-written translations
 * (`Math.exp`, `Math.PI`, `x`, ...), operators likewise, and numbers are re-printed from their parsed
 * finite `number` value. Anything else throws. So the source can only ever contain `x`, numeric
 * literals, `Math.*` names, arithmetic operators, commas and parentheses.
 */
export function toJsSource(node: MathNode): string {
  switch (node.type) {
    case 'ConstantNode':
      return numberLiteral((node as AnyConstantNode).value);
    case 'SymbolNode': {
      const spelled = NAMES.get((node as SymbolNode).name);
      if (spelled === undefined) throw new Error(`cannot compile the name ${(node as SymbolNode).name}`);
      return spelled;
    }
    case 'ParenthesisNode':
      return `(${toJsSource((node as AnyParenthesisNode).content)})`;
    case 'OperatorNode': {
      const operator = node as AnyOperatorNode;
      const translation = OPERATORS.get(operator.fn);
      if (translation === undefined) throw new Error(`cannot compile the operator ${operator.fn}`);
      return translation.toJs(operator.args.map(toJsSource));
    }
    case 'FunctionNode': {
      const call = node as AnyFunctionNode;
      const name = call.fn.type === 'SymbolNode' ? (call.fn as SymbolNode).name : '';
      const translation = FUNCTIONS.get(name);
      if (translation === undefined) throw new Error(`cannot compile the call of ${call.fn.toString()}`);
      return translation.toJs(call.args.map(toJsSource));
    }
    default:
      throw new Error(`cannot compile a ${node.type}`);
  }
}

function numberLiteral(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error('cannot compile a non-finite constant');
  // String() of a finite number only uses digits, `.`, `e`, `+` and `-`; the sign goes in parentheses
  // so that `x - -1` cannot turn into the decrement `x--1`.
  const magnitude = String(Math.abs(value));
  return value < 0 || Object.is(value, -0) ? `(-${magnitude})` : magnitude;
}

/**
 * Turns JS source from `toJsSource` into a plain function of x. The result runs at full JS speed with
 * no mathjs objects involved, which matters because it is called per element in the training loop.
 */
export function compileJs(source: string): (x: number) => number {
  // Safe only because `source` comes from toJsSource: see its comment.
  return new Function(VARIABLE, `'use strict'; return ${source};`) as (x: number) => number;
}
