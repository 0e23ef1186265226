import type { FunctionNode, MathNode, SymbolNode } from 'mathjs';
import { math } from './mathjs';
import type { AnyFunctionNode, AnyOperatorNode } from './nodes';
import { tidy } from './tidy';
import { findRefusal } from './validate';
import { NEEDS_USER_DERIVATIVE, VARIABLE } from './vocabulary';

/** Past this many nodes the compiled derivative would be slow in the training loop; ask the user instead. */
export const MAX_DERIVATIVE_NODES = 4000;

/** On success, `node` is an allow-listed tree (it passes `findRefusal`). */
export type SymbolicDerivative = { ok: true; node: MathNode } | { ok: false; message: string };

/**
 * d/dx of an allow-listed formula tree, via mathjs `derivative`.
 *
 * Before differentiating, functions mathjs does not know are rewritten into ones it does
 * (`square(u)` to `u^2`, `log1p(u)` to `log(1 + u)`, ...). `abs` and `sign` get special care: mathjs
 * differentiates abs(u) as abs(u)/u, which is NaN at u = 0 and would poison training the first time an
 * input is exactly 0. Instead each `sign(u)` is replaced by a fresh symbol s (which `derivative`
 * treats as a constant) and each `abs(u)` by `u * s`; after differentiating, s is put back as
 * `sign(u)` and any surviving `u * s` as `abs(u)`. That gives d|u| = sign(u) * u' with the usual
 * subgradient 0 at the kink, and d sign(u) = 0.
 * `max` and `min` are refused (mathjs cannot differentiate them): which slope they take at the kink is
 * a choice the learner should make and see, so they are asked to type f′(x).
 */
export function symbolicDerivative(f: MathNode): SymbolicDerivative {
  const kink = findNeedingUserDerivative(f);
  if (kink !== undefined) {
    return {
      ok: false,
      message:
        `${kink}(...) has a kink, so its derivative cannot be worked out automatically: type f′(x) yourself. ` +
        'Conditionals are not allowed; use sign, abs, max or min, e.g. for max(0, x) type sign(max(0, x)).',
    };
  }
  const placeholders = new Map<string, Placeholder>();
  let raw: MathNode;
  try {
    raw = math.derivative(prepareForDerivative(f, placeholders), VARIABLE, { simplify: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Could not differentiate f(x) (${reason}): type f′(x) yourself` };
  }
  const node = tidy(restorePlaceholders(raw, placeholders));
  if (countNodes(node) > MAX_DERIVATIVE_NODES) {
    return {
      ok: false,
      message: 'The derivative of this formula is too large to compile: type f′(x) yourself',
    };
  }
  // Defence in depth: the tree was built by mathjs and tidy, not typed, but it is checked like user input
  // so that every consumer (the JS compiler, the Python export) only ever sees allow-listed trees.
  const refusal = findRefusal(node);
  if (refusal !== undefined) {
    return {
      ok: false,
      message: `The symbolic derivative is not supported (${refusal.message}): type f′(x) yourself`,
    };
  }
  return { ok: true, node };
}

function findNeedingUserDerivative(f: MathNode): string | undefined {
  let found: string | undefined;
  f.traverse((node) => {
    if (found === undefined && node.type === 'FunctionNode') {
      const fn = (node as AnyFunctionNode).fn;
      if (fn.type === 'SymbolNode' && NEEDS_USER_DERIVATIVE.has((fn as SymbolNode).name)) {
        found = (fn as SymbolNode).name;
      }
    }
  });
  return found;
}

/** What a placeholder symbol stands for once differentiation is done. */
interface Placeholder {
  /** `sign(u)`, for u as the user wrote it. */
  sign: MathNode;
  /** For `abs(u)`: the product `u * s` it became, and `abs(u)` to put back where that product survives. */
  abs?: { product: MathNode; original: MathNode };
}

/** Rewrites `node` into functions mathjs can differentiate, recording placeholders for sign and abs. */
function prepareForDerivative(node: MathNode, placeholders: Map<string, Placeholder>): MathNode {
  if (node.type !== 'FunctionNode') return node.map((child) => prepareForDerivative(child, placeholders));
  const call = node as FunctionNode<SymbolNode>;
  const args = call.args.map((arg) => prepareForDerivative(arg, placeholders));
  const [u] = args;
  switch (call.fn.name) {
    case 'sign':
      return addPlaceholder(call.args[0], placeholders);
    case 'abs': {
      const s = addPlaceholder(call.args[0], placeholders);
      const product = new math.OperatorNode('*', 'multiply', [new math.ParenthesisNode(u), s]);
      placeholders.set(s.name, { sign: fn('sign', [call.args[0]]), abs: { product, original: call } });
      return product;
    }
    case 'square':
      return new math.OperatorNode('^', 'pow', [new math.ParenthesisNode(u), new math.ConstantNode(2)]);
    case 'cube':
      return new math.OperatorNode('^', 'pow', [new math.ParenthesisNode(u), new math.ConstantNode(3)]);
    case 'log1p':
      return fn('log', [new math.OperatorNode('+', 'add', [new math.ConstantNode(1), u])]);
    case 'expm1':
      return new math.OperatorNode('-', 'subtract', [fn('exp', [u]), new math.ConstantNode(1)]);
    case 'log2':
      return fn('log', [u, new math.ConstantNode(2)]);
    default:
      return new math.FunctionNode(call.fn, args);
  }
}

/**
 * A symbol standing for sign(u). Its name cannot clash with the formula: validated formulas only use
 * x, e and pi, and this name is not even valid mathjs syntax.
 */
function addPlaceholder(u: MathNode, placeholders: Map<string, Placeholder>): SymbolNode {
  const name = `sign#${placeholders.size}`;
  placeholders.set(name, { sign: fn('sign', [u]) });
  return new math.SymbolNode(name);
}

function restorePlaceholders(node: MathNode, placeholders: ReadonlyMap<string, Placeholder>): MathNode {
  if (node.type === 'SymbolNode') {
    const placeholder = placeholders.get((node as SymbolNode).name);
    return placeholder === undefined ? node : placeholder.sign.cloneDeep();
  }
  const abs = absRestoredFrom(node, placeholders);
  if (abs !== undefined) return abs;
  return node.map((child) => restorePlaceholders(child, placeholders));
}

/** `abs(u)` when `node` is the `u * s` an abs was rewritten to, copied unchanged by `derivative`. */
function absRestoredFrom(
  node: MathNode,
  placeholders: ReadonlyMap<string, Placeholder>,
): MathNode | undefined {
  if (node.type !== 'OperatorNode') return undefined;
  const operator = node as AnyOperatorNode;
  const s = operator.args[1];
  if (operator.fn !== 'multiply' || operator.args.length !== 2 || s?.type !== 'SymbolNode') return undefined;
  const abs = placeholders.get((s as SymbolNode).name)?.abs;
  return abs !== undefined && node.equals(abs.product) ? abs.original.cloneDeep() : undefined;
}

function fn(name: string, args: MathNode[]): MathNode {
  return new math.FunctionNode(new math.SymbolNode(name), args);
}

function countNodes(node: MathNode): number {
  let count = 0;
  node.traverse(() => {
    count += 1;
  });
  return count;
}
