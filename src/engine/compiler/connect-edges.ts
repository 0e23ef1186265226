/**
 * The compiler's second pass: each edge's ends exist, its ports exist, the types fit and a
 * single-edge port is not taken twice. A valid edge joins its target's `incoming`.
 */
import type { Graph, NodeId } from '../graph';
import { describePortType, type InputPortSpec, type OutputPortSpec, VALUE_TYPES } from '../ports';
import { indexOfPort, type NodeInfo } from './node-info';
import { STEP, type Steps } from './pace';
import type { Report } from './report';

/** Whether an output of this type may feed this input. Scalars and vectors are both values. */
export function outputFitsInput(out: OutputPortSpec, input: InputPortSpec): boolean {
  const value = VALUE_TYPES.includes(out.type);
  for (const t of input.accepts) if (value ? VALUE_TYPES.includes(t) : t === out.type) return true;
  return false;
}

/** The valid edges as node positions, for the sort: edge k goes from[k] → to[k]. */
export interface EdgeEnds {
  from: Int32Array;
  to: Int32Array;
}

export function* connectEdges(
  graph: Graph,
  infos: ReadonlyMap<NodeId, NodeInfo>,
  report: Report,
): Steps<EdgeEnds> {
  const edgeIds = new Set<string>();
  /** Size of edgeIds: an id that does not grow it was seen before (one hash per edge, not two). */
  let distinctIds = 0;
  const from = new Int32Array(graph.edges.length);
  const to = new Int32Array(graph.edges.length);
  let validCount = 0;
  let nodeIds: Set<string> | undefined;
  let work = 0;
  for (const edge of graph.edges) {
    if (++work % STEP === 0) yield;
    if (edgeIds.add(edge.id).size === distinctIds) {
      report.error({
        code: 'duplicate-id',
        edgeId: edge.id,
        message: `Two edges share the id "${edge.id}".`,
      });
      continue;
    }
    distinctIds++;
    const src = infos.get(edge.source);
    const dst = infos.get(edge.target);
    if (!src || !dst) {
      // An end on a node reported above (unknown kind) is not reported again.
      nodeIds ??= new Set(graph.nodes.map((n) => n.id));
      if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) {
        report.error({
          code: 'dangling-edge',
          edgeId: edge.id,
          message: 'This connection has an end that is not attached to any node.',
        });
      }
      continue;
    }
    const outIndex = indexOfPort(src.ports.outputs, edge.sourceHandle);
    const inIndex = indexOfPort(dst.ports.inputs, edge.targetHandle);
    if (outIndex < 0 || inIndex < 0) {
      const which =
        outIndex < 0
          ? `“${src.name}” has no output “${edge.sourceHandle}”`
          : `“${dst.name}” has no input “${edge.targetHandle}”`;
      report.error({
        code: 'unknown-port',
        edgeId: edge.id,
        message: `This connection cannot be made: ${which}.`,
      });
      continue;
    }
    const out = src.ports.outputs[outIndex];
    const input = dst.ports.inputs[inIndex];
    if (!outputFitsInput(out, input)) {
      report.error({
        code: 'port-type',
        edgeId: edge.id,
        nodeId: dst.node.id,
        message: `${dst.kind.label} “${dst.name}” expects ${describePortType(input.accepts[0])} at “${input.label}”, but “${src.name}” gives ${describePortType(out.type)}: ${input.hint}.`,
      });
      continue;
    }
    const taken = dst.incoming[inIndex];
    if (taken.length > 0 && !input.multiple) {
      report.error({
        code: 'port-taken',
        edgeId: edge.id,
        nodeId: dst.node.id,
        message: `“${input.label}” of “${dst.name}” takes a single connection and already has one.`,
      });
      continue;
    }
    taken.push({ edge, src, out, block: undefined });
    from[validCount] = src.pos;
    to[validCount] = dst.pos;
    validCount++;
  }
  return { from: from.subarray(0, validCount), to: to.subarray(0, validCount) };
}
