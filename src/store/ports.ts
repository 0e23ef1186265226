/**
 * A node's ports and resolved parameter values, as its kind declares them for its current
 * parameters. Cached per params object: moving a node keeps its params object, so a drag never
 * recomputes ports.
 */
import type { GraphNode } from '../engine/graph';
import type { AnyKind } from '../engine/kind';
import type { ParamIssue } from '../engine/params';
import { resolveParams } from '../engine/params';
import type { InputPortSpec, OutputPortSpec, PortLayout } from '../engine/ports';
import { getKind } from '../engine/registry';

export interface NodeSpec {
  kind: AnyKind;
  values: Record<string, unknown>;
  issues: ParamIssue[];
  ports: PortLayout;
}

const EMPTY_PORTS: PortLayout = { inputs: [], outputs: [] };
const cache = new WeakMap<object, { kindId: string; spec: NodeSpec | null }>();

/** The kind, values and ports of a node; null when its kind is unknown. */
export function nodeSpec(node: Pick<GraphNode, 'kind' | 'params'>): NodeSpec | null {
  const hit = cache.get(node.params);
  if (hit && hit.kindId === node.kind) return hit.spec;
  const kind = getKind(node.kind);
  let spec: NodeSpec | null = null;
  if (kind) {
    const { values, issues } = resolveParams(kind.params, node.params ?? {});
    let ports = EMPTY_PORTS;
    try {
      ports = kind.ports(values);
    } catch {
      // A kind whose ports cannot be laid out for these values shows none; the compiler reports why.
    }
    spec = { kind, values, issues, ports };
  }
  cache.set(node.params, { kindId: node.kind, spec });
  return spec;
}

export function inputPort(
  node: Pick<GraphNode, 'kind' | 'params'>,
  id: string | null | undefined,
): InputPortSpec | undefined {
  return nodeSpec(node)?.ports.inputs.find((p) => p.id === id);
}

export function outputPort(
  node: Pick<GraphNode, 'kind' | 'params'>,
  id: string | null | undefined,
): OutputPortSpec | undefined {
  return nodeSpec(node)?.ports.outputs.find((p) => p.id === id);
}

/** The name a learner sees for a node: its label, else its kind's label. */
export function nodeName(node: Pick<GraphNode, 'kind' | 'label' | 'id'>): string {
  return node.label || getKind(node.kind)?.label || node.id;
}

/**
 * Whether an edge into this node owns a trainable weight (a neuron's incoming edges do: in a
 * neuron-level graph the edges are the weights). Its initial value is then editable on the edge.
 */
export function edgesCarryWeights(node: Pick<GraphNode, 'kind'> | undefined): boolean {
  return node ? getKind(node.kind)?.edgeWeights === true : false;
}
