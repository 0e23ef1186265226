/**
 * The compiler's first pass: each node's kind, parameters and ports (remembered per params object:
 * see resolve-node.ts). A node with a duplicate id or an unknown kind is reported and left out.
 */
import type { Graph, NodeId } from '../graph';
import type { AnyKind } from '../kind';
import type { InEdge, NodeInfo } from './node-info';
import { STEP, type Steps } from './pace';
import type { Report } from './report';
import { resolveNode } from './resolve-node';

export interface ResolvedNodes {
  infos: Map<NodeId, NodeInfo>;
  /** The compiled nodes in document order; a node's `pos` is its index here. */
  list: NodeInfo[];
}

export function* resolveNodes(
  graph: Graph,
  lookup: (id: string) => AnyKind | undefined,
  report: Report,
): Steps<ResolvedNodes> {
  const infos = new Map<NodeId, NodeInfo>();
  const list: NodeInfo[] = [];
  let work = 0;
  for (const node of graph.nodes) {
    if (++work % STEP === 0) yield;
    if (infos.has(node.id)) {
      report.error({
        code: 'duplicate-id',
        nodeId: node.id,
        message: `Two nodes share the id "${node.id}".`,
      });
      continue;
    }
    const kind = lookup(node.kind);
    const name = node.label || node.id;
    if (!kind) {
      report.error({
        code: 'unknown-kind',
        nodeId: node.id,
        message: `“${name}” is of an unknown kind “${node.kind}”.`,
      });
      continue;
    }
    const { values, issues, messages, ports } = resolveNode(kind, node.params);
    for (const issue of issues) {
      report.error({
        code: 'bad-param',
        nodeId: node.id,
        param: issue.param,
        message: `${kind.label} “${name}”: ${issue.message}.`,
      });
    }
    for (const message of messages) {
      report.error({ code: 'bad-param', nodeId: node.id, message: `${kind.label} “${name}”: ${message}` });
    }
    const incoming = new Array<InEdge[]>(ports.inputs.length);
    for (let k = 0; k < incoming.length; k++) incoming[k] = [];
    const info: NodeInfo = {
      node,
      pos: list.length,
      kind,
      params: values,
      ports,
      name,
      incoming,
      shape: undefined,
    };
    infos.set(node.id, info);
    list.push(info);
  }
  return { infos, list };
}
