import type { Graph, GraphEdge, GraphNode } from '../graph';
import { edgeId, nodeId } from '../graph';

/** A named graph: what examples and builders produce, before the format wraps it for saving. */
export interface NamedGraph extends Graph {
  name: string;
  description?: string;
}

/** Collects nodes and edges with readable, document-unique ids. */
export class GraphWriter {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private count = 0;

  node(
    kind: string,
    id: string,
    position: { x: number; y: number },
    params: Record<string, unknown> = {},
    extra: Pick<GraphNode, 'label' | 'paramLabels'> = {},
  ): GraphNode['id'] {
    const node: GraphNode = { id: nodeId(id), kind, params, position, ...extra };
    this.nodes.push(node);
    return node.id;
  }

  edge(
    source: string,
    sourceHandle: string,
    target: string,
    targetHandle: string,
    extra: Pick<GraphEdge, 'weight' | 'label'> = {},
  ): void {
    this.edges.push({
      id: edgeId(`e${++this.count}`),
      source: nodeId(source),
      sourceHandle,
      target: nodeId(target),
      targetHandle,
      ...extra,
    });
  }

  graph(name: string, seed: number, description?: string): NamedGraph {
    return { name, description, seed, nodes: this.nodes, edges: this.edges };
  }
}
