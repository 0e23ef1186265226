import { describe, expect, it } from 'vitest';
import { compile, edgeId, type Graph, type GraphEdge, type GraphNode, nodeId } from '../../src/engine';

let counter = 0;
const node = (id: string, kind: string, params: Record<string, unknown> = {}): GraphNode => ({
  id: nodeId(id),
  kind,
  params,
  position: { x: 0, y: 0 },
  label: id,
});
const edge = (source: string, sourceHandle: string, target: string, targetHandle: string): GraphEdge => ({
  id: edgeId(`e${++counter}`),
  source: nodeId(source),
  sourceHandle,
  target: nodeId(target),
  targetHandle,
});
const graph = (nodes: GraphNode[], edges: GraphEdge[]): Graph => ({ nodes, edges, seed: 1 });

/** data → neuron → mse ← data.target, mse → sgd: the smallest trainable graph. */
function smallest(): Graph {
  return graph(
    [
      node('data', 'dataset', { dataset: 'linear' }),
      node('n', 'neuron'),
      node('loss', 'loss.mse'),
      node('opt', 'opt.sgd'),
    ],
    [
      edge('data', 'x0', 'n', 'in'),
      edge('n', 'out', 'loss', 'prediction'),
      edge('data', 'target', 'loss', 'target'),
      edge('loss', 'loss', 'opt', 'loss'),
    ],
  );
}

const codes = (g: Graph) => compile(g).diagnostics.map((d) => d.code);

describe('the compiler', () => {
  it('compiles a complete graph into a plan with no diagnostics', () => {
    const { plan, diagnostics } = compile(smallest());
    expect(diagnostics).toEqual([]);
    expect(plan!.order.map((n) => n.id)).toEqual(['data', 'n', 'loss']);
    // One weight on the edge into the neuron, plus its bias.
    expect(plan!.paramCount).toBe(2);
  });

  it('reports a cycle, naming the nodes on it', () => {
    const g = graph(
      [node('data', 'dataset', { dataset: 'linear' }), node('a', 'neuron'), node('b', 'neuron')],
      [edge('data', 'x0', 'a', 'in'), edge('a', 'out', 'b', 'in'), edge('b', 'out', 'a', 'in')],
    );
    const cycle = compile(g).diagnostics.filter((d) => d.code === 'cycle');
    expect(cycle.map((d) => d.nodeId).sort()).toEqual(['a', 'b']);
    expect(cycle[0].message).toMatch(/“a” → “b” → “a”|“b” → “a” → “b”/);
  });

  it('reports a missing input with the port’s hint', () => {
    const g = smallest();
    g.edges = g.edges.filter((e) => e.targetHandle !== 'in');
    const d = compile(g).diagnostics.find((x) => x.code === 'missing-input');
    expect(d?.nodeId).toBe('n');
    expect(d?.message).toContain('connect');
  });

  it('tells a learner that a loss needs a target', () => {
    const g = smallest();
    g.edges = g.edges.filter((e) => e.targetHandle !== 'target');
    const d = compile(g).diagnostics.find((x) => x.code === 'no-target');
    expect(d?.message).toBe('A loss needs a target: connect the Dataset’s target port.');
  });

  it('refuses a target plugged into a neuron (wrong port type)', () => {
    const g = smallest();
    g.edges.push(edge('data', 'target', 'n', 'in'));
    expect(codes(g)).toContain('port-type');
  });

  it('reports size mismatches between prediction and target', () => {
    const g = graph(
      [
        node('data', 'dataset', { dataset: 'gaussians3' }),
        node('d', 'dense', { units: 2 }),
        node('loss', 'loss.mse'),
      ],
      [
        edge('data', 'features', 'd', 'in'),
        edge('d', 'out', 'loss', 'prediction'),
        edge('data', 'target', 'loss', 'target'),
      ],
    );
    const d = compile(g).diagnostics.find((x) => x.code === 'size-mismatch');
    expect(d?.nodeId).toBe('loss');
  });

  it('warns about a missing optimizer and refuses two', () => {
    const g = smallest();
    g.nodes = g.nodes.filter((n) => n.kind !== 'opt.sgd');
    g.edges = g.edges.filter((e) => e.target !== 'opt');
    expect(compile(g).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'no-optimizer', severity: 'warning' }),
    );
    const two = smallest();
    two.nodes.push(node('opt2', 'opt.adam'));
    two.edges.push(edge('loss', 'loss', 'opt2', 'loss'));
    expect(codes(two)).toContain('two-optimizers');
  });

  it('reports unknown kinds and bad parameters with the node', () => {
    const g = smallest();
    g.nodes.push(node('x', 'no.such.kind'));
    g.nodes[3] = node('opt', 'opt.sgd', { lr: -1 });
    const ds = compile(g).diagnostics;
    expect(ds).toContainEqual(expect.objectContaining({ code: 'unknown-kind', nodeId: 'x' }));
    expect(ds).toContainEqual(expect.objectContaining({ code: 'bad-param', nodeId: 'opt', param: 'lr' }));
  });

  it('refuses a second edge into a single-connection port', () => {
    const g = smallest();
    g.nodes.push(node('n2', 'neuron'));
    g.edges.push(edge('data', 'x0', 'n2', 'in'), edge('n2', 'out', 'loss', 'prediction'));
    expect(codes(g)).toContain('port-taken');
  });

  it('orders the same graph the same way every time, by document order among ready nodes', () => {
    const a = compile(smallest()).plan!.order.map((n) => n.id);
    const b = compile(smallest()).plan!.order.map((n) => n.id);
    expect(a).toEqual(b);
  });

  it('sorts a 5,000-node chain without recursion', () => {
    const nodes = [node('data', 'dataset', { dataset: 'linear' })];
    const edges = [];
    for (let i = 0; i < 5000; i++) {
      nodes.push(node(`n${i}`, 'neuron'));
      edges.push(edge(i === 0 ? 'data' : `n${i - 1}`, i === 0 ? 'x0' : 'out', `n${i}`, 'in'));
    }
    const { plan } = compile(graph(nodes, edges));
    expect(plan!.order).toHaveLength(5001);
  });
});
