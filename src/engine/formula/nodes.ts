import type { FunctionNode, MathNode, OperatorNode, OperatorNodeFn, OperatorNodeOp } from 'mathjs';

/**
 * Views of mathjs nodes once their `type` is known. The mathjs typings narrow constant values and
 * callees more than parsed user input warrants (a constant may hold a string, a callee may be any node).
 */
export type AnyConstantNode = MathNode & { value: unknown };
export type AnyParenthesisNode = MathNode & { content: MathNode };
export type AnyOperatorNode = OperatorNode<OperatorNodeOp, OperatorNodeFn>;
export type AnyFunctionNode = FunctionNode<MathNode>;
