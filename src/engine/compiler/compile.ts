/**
 * Graph → plan, or diagnostics. Every problem is reported with the node or edge it concerns and
 * a sentence a learner understands; a plan is produced only when there are no errors. The passes,
 * in the order they run (and report): nodes, edges, order, missing inputs, sizes, the whole
 * graph's roles, unsuited inputs, the dataset's table; then the layout and fusion.
 */
import type { Diagnostic } from '../diagnostics';
import type { Graph } from '../graph';
import type { AnyKind } from '../kind';
import { getKind } from '../registry';
import { connectEdges } from './connect-edges';
import { fuse } from './fusion';
import { layOutSteps } from './layout';
import { checkMissingInputs, checkShapes, checkSuitedInputs, orderNodes } from './node-checks';
import { markOnDemandGradients } from './on-demand-gradients';
import { runToEnd, type Steps } from './pace';
import type { Plan } from './plan';
import { reportInto } from './report';
import { resolveNodes } from './resolve-nodes';
import { checkRoles, tableFor } from './roles';

export { outputFitsInput } from './connect-edges';
export { runToEnd } from './pace';

export interface CompileResult {
  plan: Plan | null;
  diagnostics: Diagnostic[];
}

export type KindLookup = (id: string) => AnyKind | undefined;

export function compile(graph: Graph, lookup: KindLookup = getKind): CompileResult {
  return runToEnd(compileSteps(graph, lookup));
}

/**
 * compile, as steps (see pace.ts): it pauses every so many nodes or edges, so a caller can spread
 * a big graph's compile over several tasks. The graph must not change meanwhile.
 */
export function* compileSteps(graph: Graph, lookup: KindLookup = getKind): Steps<CompileResult> {
  const diagnostics: Diagnostic[] = [];
  const report = reportInto(diagnostics);
  const { infos, list } = yield* resolveNodes(graph, lookup, report);
  const edges = yield* connectEdges(graph, infos, report);
  const order = orderNodes(list, edges, report);
  yield* checkMissingInputs(list, report);
  yield* checkShapes(list, order, report);
  const whole = checkRoles(infos, list, report);
  yield* checkSuitedInputs(list, report);
  const table = tableFor(whole.dataNode, report);
  if (diagnostics.some((d) => d.severity === 'error')) return { plan: null, diagnostics };
  // The pairs of nodes that run as one (a softmax and its cross-entropy) are fused after the layout.
  const plan = yield* layOutSteps(graph, list, order, { ...whole, table });
  fuse(plan);
  markOnDemandGradients(plan);
  return { plan, diagnostics };
}
