/**
 * What a screen reader says for a port and for an edge, and the list a keyboard user picks a
 * connection's other end from. Names use what the learner sees: node labels, port labels, the
 * weight's label and value ("weight w from border data x to neuron, 0.9989").
 */
import type { GraphEdge, GraphNode } from '../engine/graph';
import { type ConnectionStart, connectablePorts, type GraphView } from './connect';
import { nodeById } from './lookup';
import { edgesCarryWeights, inputPort, nodeName, nodeSpec, outputPort } from './ports';

/** "h1.1 input x", "border data output target". */
export function portName(
  node: Pick<GraphNode, 'kind' | 'label' | 'id'>,
  side: 'in' | 'out',
  label: string,
): string {
  return `${nodeName(node)} ${side === 'in' ? 'input' : 'output'} ${label}`;
}

/** How a weight is written in a name; the UI passes the canvas's own number format. */
export type WeightFormat = (weight: number | number[]) => string;

/**
 * An edge into a neuron is a weight: "weight w from data x to neuron, 0.9989" (without a value
 * when the init scheme draws it). Any other edge: "connection from data target to loss target".
 */
export function edgeName(nodes: readonly GraphNode[], edge: GraphEdge, format: WeightFormat): string {
  const source = nodeById(nodes, edge.source);
  const target = nodeById(nodes, edge.target);
  if (!source || !target) return `connection from ${edge.source} to ${edge.target}`;
  const out = outputPort(source, edge.sourceHandle)?.label ?? edge.sourceHandle;
  const from = `${nodeName(source)} ${out}`;
  if (edgesCarryWeights(target)) {
    const value = edge.weight === undefined ? '' : `, ${format(edge.weight)}`;
    return `weight ${edge.label || 'w'} from ${from} to ${nodeName(target)}${value}`;
  }
  const input = inputPort(target, edge.targetHandle)?.label ?? edge.targetHandle;
  return `connection from ${from} to ${nodeName(target)} ${input}`;
}

/** One port a connection may end on, named for a list. */
export interface PortChoice {
  nodeId: string;
  portId: string;
  /** "neuron input x" */
  name: string;
}

/**
 * Every port a connection started at `from` can end on, named, in the document's node order and
 * each node's port order: the ports that would light up while dragging from `from`.
 */
export function portChoices(graph: GraphView, from: ConnectionStart): PortChoice[] {
  const fit = connectablePorts(graph, from);
  const result: PortChoice[] = [];
  for (const node of graph.nodes) {
    const ports = fit.get(node.id);
    const spec = ports && nodeSpec(node);
    if (!spec) continue;
    const side = from.type === 'source' ? spec.ports.inputs : spec.ports.outputs;
    for (const port of side) {
      if (ports.has(port.id)) {
        result.push({
          nodeId: node.id,
          portId: port.id,
          name: portName(node, from.type === 'source' ? 'in' : 'out', port.label),
        });
      }
    }
  }
  return result;
}
