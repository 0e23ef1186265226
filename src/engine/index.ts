/** The engine's public surface for the store, the worker and the command line. */
export { type CompileResult, compile, outputFitsInput } from './compiler/compile';
export type { BlockLayout, Plan, PlanEdge, PlanNode, SlotLayout } from './compiler/plan';
export type { Diagnostic, DiagnosticCode } from './diagnostics';
export { hasErrors } from './diagnostics';
export { EXAMPLES, type Example, findExample } from './examples';
export type { NamedGraph } from './examples/document';
export { buildMlp, type MlpSpec } from './examples/mlp';
export * from './graph';
export * from './landscape';
export { getKind, KINDS, kindsByFamily } from './registry';
export {
  initialParameters,
  type ParameterMemory,
  parametersByLabel,
  rememberParameters,
} from './runtime/parameters';
export { PHASES, type Phase, Trainer } from './runtime/trainer';
export * from './training';
