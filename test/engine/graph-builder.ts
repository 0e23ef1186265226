/**
 * Writes test graphs tersely: nodes get ids n1, n2, … and edges e1, e2, …; an end given as a bare
 * node id means its 'out' port (as a source) or its 'in' port (as a target).
 *
 *   const g = new GraphBuilder();
 *   const data = g.node('dataset', { dataset: 'linear' });
 *   const y = g.node('neuron', { activation: 'tanh' });
 *   g.edge([data, 'x0'], y);
 *   g.edge(y, [g.node('loss.mse'), 'prediction']);
 */
import {
  type EdgeId,
  edgeId,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type NodeId,
  nodeId,
} from '../../src/engine/graph';

/** A node's port: a node id alone means the default port ('out' or 'in'). */
export type End = NodeId | readonly [NodeId, string];

export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];

  constructor(private readonly seed = 1) {}

  node(
    kind: string,
    params: Record<string, unknown> = {},
    extra: Partial<Omit<GraphNode, 'id' | 'kind' | 'params'>> = {},
  ): NodeId {
    const id = nodeId(`n${this.nodes.length + 1}`);
    this.nodes.push({ id, kind, params, position: { x: 0, y: 0 }, ...extra });
    return id;
  }

  edge(from: End, to: End, extra: Pick<GraphEdge, 'weight' | 'label'> = {}): EdgeId {
    const id = edgeId(`e${this.edges.length + 1}`);
    const [source, sourceHandle] = typeof from === 'string' ? [from, 'out'] : from;
    const [target, targetHandle] = typeof to === 'string' ? [to, 'in'] : to;
    this.edges.push({ id, source, sourceHandle, target, targetHandle, ...extra });
    return id;
  }

  /** A node fed by `inputs` (each into its default 'in' port): the common case in one line. */
  chain(kind: string, params: Record<string, unknown>, ...inputs: End[]): NodeId {
    const id = this.node(kind, params);
    for (const input of inputs) this.edge(input, id);
    return id;
  }

  /** A loss node wired to a prediction and, unless it is the objective, to a target port. */
  loss(kind: string, prediction: End, target?: End, params: Record<string, unknown> = {}): NodeId {
    const id = this.node(kind, params);
    if (target === undefined) this.edge(prediction, id);
    else {
      this.edge(prediction, [id, 'prediction']);
      this.edge(target, [id, 'target']);
    }
    return id;
  }

  graph(): Graph {
    return { nodes: [...this.nodes], edges: [...this.edges], seed: this.seed };
  }
}
