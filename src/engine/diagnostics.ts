import type { EdgeId, NodeId } from './graph';

export type DiagnosticCode =
  | 'unknown-kind'
  | 'bad-param'
  | 'dangling-edge'
  | 'unknown-port'
  | 'port-type'
  | 'port-taken'
  | 'missing-input'
  | 'cycle'
  | 'size-mismatch'
  | 'no-target'
  | 'no-loss'
  | 'no-optimizer'
  | 'two-optimizers'
  | 'two-datasets'
  | 'optimizer-unconnected'
  | 'duplicate-id'
  | 'unsuited-input';

/**
 * A problem in the graph, said to a learner, attached to the node or edge it concerns so the
 * canvas can badge it. Errors prevent running; warnings do not.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: DiagnosticCode;
  message: string;
  nodeId?: NodeId;
  edgeId?: EdgeId;
  /** The parameter concerned, for bad-param. */
  param?: string;
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

/** Warnings that mean the graph trains nothing yet: no loss, no optimizer, or not connected to it. */
const INCOMPLETE: readonly DiagnosticCode[] = ['no-loss', 'no-optimizer', 'optimizer-unconnected'];

/** Whether a graph with these diagnostics trains: it compiles, and a loss is connected to an optimizer. */
export const readyToTrain = (ds: readonly Diagnostic[]) =>
  !ds.some((d) => d.severity === 'error' || INCOMPLETE.includes(d.code));
