/**
 * A custom activation's formula as Python: the same validated mathjs trees the engine compiles to
 * JavaScript (formula/codegen.ts), translated node by node. As there, no text from the user is
 * copied: names come from the tables below and numbers are re-printed from their parsed value, so the
 * output holds only `x`, `_c(<number>)`, operators, parentheses and `torch.*` / `np.*` calls.
 *
 * Constants become 0-d arrays (`_c`), so every operation is an array operation with IEEE semantics
 * (0/0 is NaN, 1/0 is inf, (−8)^(1/3) is NaN) exactly as in JavaScript, never a Python exception.
 */
import type { MathNode, SymbolNode } from 'mathjs';
import { formulaModule } from '../formula/mathjs';
import type { AnyConstantNode, AnyFunctionNode, AnyOperatorNode, AnyParenthesisNode } from '../formula/nodes';
import { type PyBackend, type PyContext, pyComment, pyFloat } from './emit';

/** Allow-listed functions (formula/vocabulary.ts) that map one-to-one onto an array function. */
const UNARY: Record<string, { torch: string; numpy: string }> = {
  exp: { torch: 'torch.exp', numpy: 'np.exp' },
  expm1: { torch: 'torch.expm1', numpy: 'np.expm1' },
  log1p: { torch: 'torch.log1p', numpy: 'np.log1p' },
  log2: { torch: 'torch.log2', numpy: 'np.log2' },
  log10: { torch: 'torch.log10', numpy: 'np.log10' },
  sqrt: { torch: 'torch.sqrt', numpy: 'np.sqrt' },
  abs: { torch: 'torch.abs', numpy: 'np.abs' },
  sign: { torch: 'torch.sign', numpy: 'np.sign' },
  sin: { torch: 'torch.sin', numpy: 'np.sin' },
  cos: { torch: 'torch.cos', numpy: 'np.cos' },
  tan: { torch: 'torch.tan', numpy: 'np.tan' },
  asin: { torch: 'torch.asin', numpy: 'np.arcsin' },
  acos: { torch: 'torch.acos', numpy: 'np.arccos' },
  atan: { torch: 'torch.atan', numpy: 'np.arctan' },
  sinh: { torch: 'torch.sinh', numpy: 'np.sinh' },
  cosh: { torch: 'torch.cosh', numpy: 'np.cosh' },
  tanh: { torch: 'torch.tanh', numpy: 'np.tanh' },
  asinh: { torch: 'torch.asinh', numpy: 'np.arcsinh' },
  acosh: { torch: 'torch.acosh', numpy: 'np.arccosh' },
  atanh: { torch: 'torch.atanh', numpy: 'np.arctanh' },
};

const RECIPROCAL: Record<string, string> = {
  sec: 'cos',
  csc: 'sin',
  cot: 'tan',
  sech: 'cosh',
  csch: 'sinh',
  coth: 'tanh',
};

const CONSTANTS: Record<string, number> = { e: Math.E, pi: Math.PI };

/** Python source of a formula tree that passed the formula validator, for the given back end. */
export function formulaToPython(node: MathNode, backend: PyBackend): string {
  const go = (n: MathNode) => formulaToPython(n, backend);
  const log = backend === 'torch' ? 'torch.log' : 'np.log';
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as AnyConstantNode).value;
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new Error('cannot export a non-finite constant');
      return `_c(${pyFloat(value)})`;
    }
    case 'SymbolNode': {
      const name = (node as SymbolNode).name;
      if (name === 'x') return 'x';
      if (name in CONSTANTS) return `_c(${pyFloat(CONSTANTS[name])})`;
      throw new Error(`cannot export the name ${name}`);
    }
    case 'ParenthesisNode':
      return `(${go((node as AnyParenthesisNode).content)})`;
    case 'OperatorNode': {
      const op = node as AnyOperatorNode;
      const args = op.args.map(go);
      switch (op.fn) {
        case 'add':
          return `(${args.join(' + ')})`;
        case 'subtract':
          return `(${args.join(' - ')})`;
        case 'multiply':
          return `(${args.join(' * ')})`;
        case 'divide':
          return `(${args.join(' / ')})`;
        case 'pow':
          return `(${args[0]} ** ${args[1]})`;
        case 'unaryMinus':
          return `(-${args[0]})`;
        case 'unaryPlus':
          return `(+${args[0]})`;
        default:
          throw new Error(`cannot export the operator ${op.fn}`);
      }
    }
    case 'FunctionNode': {
      const call = node as AnyFunctionNode;
      const name = call.fn.type === 'SymbolNode' ? (call.fn as SymbolNode).name : '';
      const args = call.args.map(go);
      if (name in UNARY && args.length === 1) return `${UNARY[name][backend]}(${args[0]})`;
      if (name in RECIPROCAL && args.length === 1)
        return `(_c(1.0) / ${UNARY[RECIPROCAL[name]][backend]}(${args[0]}))`;
      switch (name) {
        case 'log':
          return args.length === 1 ? `${log}(${args[0]})` : `(${log}(${args[0]}) / ${log}(${args[1]}))`;
        case 'square':
          return `(${args[0]} ** _c(2.0))`;
        case 'cube':
          return `(${args[0]} ** _c(3.0))`;
        case 'pow':
          return `(${args[0]} ** ${args[1]})`;
        case 'max':
        case 'min': {
          // Math.max/min of several numbers, NaN-propagating like torch.maximum and np.maximum.
          const fn = `${backend === 'torch' ? 'torch' : 'np'}.${name === 'max' ? 'maximum' : 'minimum'}`;
          return args.slice(1).reduce((acc, a) => `${fn}(${acc}, ${a})`, args[0]);
        }
        default:
          throw new Error(`cannot export the call of ${name || call.fn.toString()}`);
      }
    }
    default:
      throw new Error(`cannot export a ${node.type}`);
  }
}

/**
 * The trees the engine compiles for a custom activation (compileFormula): f as typed, and f′ as
 * typed or, when left blank, the same symbolic derivative.
 */
export function customFormulaTrees(f: string, df: string): { f: MathNode; df: MathNode } {
  // Exporting runs on a compiled graph, so the formula compiler has loaded (engine/support.ts).
  const { parseFormula, symbolicDerivative } = formulaModule();
  const parsed = parseFormula(f);
  if (!parsed.ok) throw new Error(`the formula f(x) cannot be used: ${parsed.refusal.message}`);
  if (df.trim() === '') {
    const derived = symbolicDerivative(parsed.node);
    if (!derived.ok) throw new Error(`the derivative cannot be used: ${derived.message}`);
    return { f: parsed.node, df: derived.node };
  }
  const parsedDf = parseFormula(df);
  if (!parsedDf.ok) throw new Error(`the derivative f′(x) cannot be used: ${parsedDf.refusal.message}`);
  return { f: parsed.node, df: parsedDf.node };
}

/**
 * A custom activation's forward, `y = f(x)` elementwise. For PyTorch it is an autograd.Function whose
 * backward multiplies by the engine's f′ (typed or symbolic), not autograd's own derivative of f:
 * a typed f′ is used as is, right or wrong, exactly as in the engine.
 */
export function customActivationPython(
  ctx: PyContext<{ formula: string; derivative: string }>,
): Record<string, string> {
  const { formula, derivative } = ctx.params;
  const trees = customFormulaTrees(formula, derivative);
  const f = formulaToPython(trees.f, ctx.backend);
  const about = [
    `# f(x) = ${pyComment(formula.trim())}`,
    `# f'(x) = ${pyComment(derivative.trim() === '' ? `${trees.df.toString()}  (derived symbolically)` : derivative.trim())}`,
  ];
  const key = `${formula}\u0000${derivative}`;
  const x = ctx.inputs.in[0].expr;
  if (ctx.backend === 'numpy') {
    const name = ctx.helper('formula', key, (fn) => [...about, `def ${fn}(x):`, `    return _like(${f}, x)`]);
    return { out: `${name}(${x})` };
  }
  const df = formulaToPython(trees.df, 'torch');
  const name = ctx.helper('Formula', key, (cls) => [
    ...about,
    `class ${cls}(torch.autograd.Function):`,
    '    @staticmethod',
    '    def forward(ctx, x):',
    '        ctx.save_for_backward(x)',
    `        return _like(${f}, x)`,
    '',
    '    @staticmethod',
    '    def backward(ctx, g):',
    '        (x,) = ctx.saved_tensors',
    `        return g * ${df}`,
  ]);
  return { out: `${name}.apply(${x})` };
}
