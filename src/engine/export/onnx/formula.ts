/**
 * A custom activation's formula as ONNX operators, from the same validated mathjs tree the engine
 * compiles (formula/parse-formula.ts), node by node. Every allow-listed function has an ONNX
 * operator or a short composition of them (log2 x = Log(x) / ln 2, sec x = Reciprocal(Cos(x)), …);
 * a tree node with none throws, naming it, and the exporter reports the node of the graph.
 */
import type { MathNode, SymbolNode } from 'mathjs';
import type {
  AnyConstantNode,
  AnyFunctionNode,
  AnyOperatorNode,
  AnyParenthesisNode,
} from '../../formula/nodes';
import { parseFormula } from '../../formula/parse-formula';
import type { OnnxGraph } from './builder';

/** Allow-listed functions (formula/vocabulary.ts) that are one ONNX operator. */
const UNARY: Record<string, string> = {
  exp: 'Exp',
  sqrt: 'Sqrt',
  abs: 'Abs',
  sign: 'Sign',
  sin: 'Sin',
  cos: 'Cos',
  tan: 'Tan',
  asin: 'Asin',
  acos: 'Acos',
  atan: 'Atan',
  sinh: 'Sinh',
  cosh: 'Cosh',
  tanh: 'Tanh',
  asinh: 'Asinh',
  acosh: 'Acosh',
  atanh: 'Atanh',
};

const RECIPROCAL: Record<string, string> = {
  sec: 'Cos',
  csc: 'Sin',
  cot: 'Tan',
  sech: 'Cosh',
  csch: 'Sinh',
  coth: 'Tanh',
};

const CONSTANTS: Record<string, number> = { e: Math.E, pi: Math.PI };

const BINARY: Record<string, string> = {
  add: 'Add',
  subtract: 'Sub',
  multiply: 'Mul',
  divide: 'Div',
  pow: 'Pow',
};

/** Thrown for a part of a formula ONNX has no operator for. */
export class FormulaExportError extends Error {}

/** The tensor f(x) for the formula `source` applied elementwise to the tensor `x`. */
export function formulaToOnnx(source: string, x: string, g: OnnxGraph, hint: string): string {
  const parsed = parseFormula(source);
  if (!parsed.ok) throw new FormulaExportError(`the formula cannot be used: ${parsed.refusal.message}`);
  const constant = (v: number) => g.floats(`${hint}/c`, [], [v]);
  const go = (node: MathNode): string => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as AnyConstantNode).value;
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw new FormulaExportError(`the constant ${String(value)} is not a finite number`);
        return constant(value);
      }
      case 'SymbolNode': {
        const name = (node as SymbolNode).name;
        if (name === 'x') return x;
        if (name in CONSTANTS) return constant(CONSTANTS[name]);
        throw new FormulaExportError(`the name ${name} has no ONNX meaning`);
      }
      case 'ParenthesisNode':
        return go((node as AnyParenthesisNode).content);
      case 'OperatorNode': {
        const op = node as AnyOperatorNode;
        const args = op.args.map(go);
        if (op.fn === 'unaryMinus') return g.op('Neg', args, hint);
        if (op.fn === 'unaryPlus') return args[0];
        const onnx = BINARY[op.fn];
        if (!onnx) throw new FormulaExportError(`the operator ${op.op} has no ONNX operator`);
        // n-ary sums and products, left to right as JavaScript evaluates them.
        return args.slice(1).reduce((acc, a) => g.op(onnx, [acc, a], hint), args[0]);
      }
      case 'FunctionNode': {
        const call = node as AnyFunctionNode;
        const name = call.fn.type === 'SymbolNode' ? (call.fn as SymbolNode).name : '';
        const args = call.args.map(go);
        if (name in UNARY && args.length === 1) return g.op(UNARY[name], args, hint);
        if (name in RECIPROCAL && args.length === 1)
          return g.op('Reciprocal', [g.op(RECIPROCAL[name], args, hint)], hint);
        const log = (a: string) => g.op('Log', [a], hint);
        switch (name) {
          case 'log':
            return args.length === 1 ? log(args[0]) : g.op('Div', [log(args[0]), log(args[1])], hint);
          case 'log2':
            return g.op('Div', [log(args[0]), constant(Math.LN2)], hint);
          case 'log10':
            return g.op('Div', [log(args[0]), constant(Math.LN10)], hint);
          case 'log1p':
            return log(g.op('Add', [args[0], constant(1)], hint));
          case 'expm1':
            return g.op('Sub', [g.op('Exp', args, hint), constant(1)], hint);
          case 'square':
            return g.op('Pow', [args[0], constant(2)], hint);
          case 'cube':
            return g.op('Pow', [args[0], constant(3)], hint);
          case 'pow':
            return g.op('Pow', args, hint);
          case 'max':
            return g.op('Max', args, hint);
          case 'min':
            return g.op('Min', args, hint);
          default:
            throw new FormulaExportError(`the function ${name || call.fn.toString()} has no ONNX operator`);
        }
      }
      default:
        throw new FormulaExportError(`a ${node.type} has no ONNX operator`);
    }
  };
  const y = go(parsed.node);
  // A formula without x (f(x) = 2) still gives one number per input number, as in the engine.
  return dependsOnX(parsed.node) ? y : g.op('Expand', [y, g.op('Shape', [x], `${hint}/shape`)], hint);
}

function dependsOnX(node: MathNode): boolean {
  let found = false;
  node.traverse((n) => {
    if (n.type === 'SymbolNode' && (n as SymbolNode).name === 'x') found = true;
  });
  return found;
}
