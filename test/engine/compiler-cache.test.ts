/**
 * The compiler remembers each node's validated parameters and ports by its params object
 * (src/engine/compiler/resolve-node.ts). These tests hold that memory to never answering stale:
 * a changed node, a node reused in another graph, a params object edited in place, one params
 * object shared by nodes of different kinds or names.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { EXAMPLES } from '../../src/engine/examples';
import type { Graph, GraphNode, NodeId } from '../../src/engine/graph';
import { GraphBuilder } from './graph-builder';

/** data → neuron(s) → mse ← data.target, mse → sgd. */
function trainable(neuronParams: Record<string, unknown>) {
  const g = new GraphBuilder();
  const data = g.node('dataset', { dataset: 'linear' });
  const n = g.chain('neuron', neuronParams, [data, 'x0']);
  const loss = g.loss('loss.mse', n, [data, 'target']);
  g.edge([loss, 'loss'], [g.node('opt.sgd'), 'loss']);
  return { g, graph: g.graph(), data, n };
}

const nodeOf = (graph: Graph, id: NodeId) => graph.nodes.find((n) => n.id === id)!;
const withNode = (graph: Graph, node: GraphNode): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.id === node.id ? node : n)),
});
/** The same graph with every node and params object new: nothing can come from the memory. */
const fresh = (graph: Graph): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => ({ ...n, params: structuredClone(n.params) })),
});

describe('the compiler’s per-node memory', () => {
  it('reflects a node replaced with new params (as the store does on a parameter edit)', () => {
    const { graph, n } = trainable({ activation: 'tanh', bias: 0.5 });
    const before = compile(graph).plan!;
    expect(before.nodes.get(n)!.params.activation).toBe('tanh');
    expect(before.nodes.get(n)!.blocks.bias.init).toEqual({ kind: 'constant', value: 0.5 });

    const old = nodeOf(graph, n);
    const edited = withNode(graph, { ...old, params: { ...old.params, activation: 'relu', bias: -2 } });
    const after = compile(edited).plan!;
    expect(after.nodes.get(n)!.params.activation).toBe('relu');
    expect(after.nodes.get(n)!.blocks.bias.init).toEqual({ kind: 'constant', value: -2 });
    // The first graph, compiled again, still gives its own answer.
    expect(compile(graph).plan!.nodes.get(n)!.params.activation).toBe('tanh');
  });

  it('reports a parameter made invalid by an edit, and forgets it once fixed', () => {
    const { graph, n } = trainable({ activation: 'tanh' });
    expect(compile(graph).diagnostics).toEqual([]);
    const old = nodeOf(graph, n);
    const broken = withNode(graph, { ...old, params: { activation: 'nonsense' } });
    const result = compile(broken);
    expect(result.plan).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.nodeId, d.param])).toEqual([
      ['bad-param', n, 'activation'],
    ]);
    expect(compile(graph).diagnostics).toEqual([]);
  });

  it('gives the same node object the ports and shapes of each graph it is in', () => {
    // One dense layer object, fed by one feature in the first graph and by both in the second.
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'xor' });
    const layer = g.node('dense', { units: 3 });
    const out = g.chain('dense', { units: 1 }, layer);
    const loss = g.loss('loss.mse', out, [data, 'target']);
    g.edge([loss, 'loss'], [g.node('opt.sgd'), 'loss']);
    g.edge([data, 'x0'], layer);
    const one = g.graph();
    g.edge([data, 'x1'], layer);
    const two = g.graph();
    expect(nodeOf(one, layer)).toBe(nodeOf(two, layer));

    const planOne = compile(one).plan!;
    const planTwo = compile(two).plan!;
    expect(planOne.nodes.get(layer)!.inputs.in).toHaveLength(1);
    expect(planTwo.nodes.get(layer)!.inputs.in).toHaveLength(2);
    expect(planOne.nodes.get(layer)!.blocks.W.size).toBe(3);
    expect(planTwo.nodes.get(layer)!.blocks.W.size).toBe(6);
    // Compiling the first graph again after the second still sees one input.
    expect(compile(one).plan!.nodes.get(layer)!.blocks.W.size).toBe(3);
  });

  it('gives the same neuron object one weight per incoming edge of each graph', () => {
    const { g, data, n } = trainable({ activation: 'tanh' });
    const one = g.graph();
    g.edge([data, 'x0'], n);
    const two = g.graph();
    const weights = (graph: Graph) =>
      compile(graph).plan!.blocks.filter((b) => b.nodeId === n && b.edgeId !== undefined).length;
    expect(weights(one)).toBe(1);
    expect(weights(two)).toBe(2);
    expect(weights(one)).toBe(1);
  });

  it('resizes an unchanged node when the node feeding it changes size', () => {
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'xor' });
    const hidden = g.chain('dense', { units: 3 }, [data, 'features']);
    const out = g.chain('dense', { units: 1 }, hidden);
    const loss = g.loss('loss.mse', out, [data, 'target']);
    g.edge([loss, 'loss'], [g.node('opt.sgd'), 'loss']);
    const graph = g.graph();
    expect(compile(graph).plan!.nodes.get(out)!.blocks.W.size).toBe(3);
    const wider = withNode(graph, { ...nodeOf(graph, hidden), params: { units: 5 } });
    expect(compile(wider).plan!.nodes.get(out)!.blocks.W.size).toBe(5);
    expect(compile(graph).plan!.nodes.get(out)!.blocks.W.size).toBe(3);
  });

  it('gives an unchanged neuron the initial weight of an edge that changed', () => {
    const { graph, n } = trainable({ activation: 'tanh' });
    const into = graph.edges.find((e) => e.target === n)!;
    const init = (gr: Graph) => compile(gr).plan!.blocks.find((b) => b.edgeId === into.id)!.init;
    expect(init(graph).kind).toBe('xavier');
    const weighted: Graph = {
      ...graph,
      edges: graph.edges.map((e) => (e === into ? { ...e, weight: 0.25 } : e)),
    };
    expect(init(weighted)).toEqual({ kind: 'values', values: [0.25] });
    expect(init(graph).kind).toBe('xavier');
  });

  it('notices a params object edited in place', () => {
    const { graph, n } = trainable({ activation: 'tanh' });
    expect(compile(graph).plan!.nodes.get(n)!.params.activation).toBe('tanh');
    const params = nodeOf(graph, n).params;
    params.activation = 'sigmoid';
    expect(compile(graph).plan!.nodes.get(n)!.params.activation).toBe('sigmoid');
    params.bias = 3;
    expect(compile(graph).plan!.nodes.get(n)!.blocks.bias.init).toEqual({ kind: 'constant', value: 3 });
    delete params.bias;
    expect(compile(graph).plan!.nodes.get(n)!.blocks.bias.init).toEqual({ kind: 'constant', value: 0 });
  });

  it('resolves one params object shared by nodes of different kinds for each kind', () => {
    const shared = {};
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'linear' });
    const n = g.chain('neuron', shared, [data, 'x0']);
    const loss = g.loss('loss.mse', n, [data, 'target'], shared);
    g.edge([loss, 'loss'], [g.node('opt.sgd', shared), 'loss']);
    const { plan, diagnostics } = compile(g.graph());
    expect(diagnostics).toEqual([]);
    expect(plan!.nodes.get(n)!.params).toHaveProperty('activation', 'linear');
    expect(plan!.nodes.get(loss)!.params).not.toHaveProperty('activation');
    expect(plan!.optimizer!.params).toHaveProperty('lr');
  });

  it('names each node in the messages of a bad params object they share', () => {
    const shared = { activation: 'nonsense' };
    const g = new GraphBuilder();
    const data = g.node('dataset', { dataset: 'xor' });
    g.node('neuron', shared, { label: 'first' });
    g.node('neuron', shared, { label: 'second' });
    g.edge([data, 'x0'], 'n2' as NodeId);
    g.edge([data, 'x1'], 'n3' as NodeId);
    const messages = compile(g.graph())
      .diagnostics.filter((d) => d.code === 'bad-param')
      .map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('“first”');
    expect(messages[1]).toContain('“second”');
  });

  it('gives the same plan and diagnostics from memory as from scratch, for every example', () => {
    for (const example of EXAMPLES) {
      const graph = example.build();
      compile(graph); // fills the memory
      const remembered = compile(graph);
      const fromScratch = compile(fresh(graph));
      expect(remembered.diagnostics).toEqual(fromScratch.diagnostics);
      expect(remembered.plan!.blocks).toEqual(fromScratch.plan!.blocks);
      expect(remembered.plan!.order.map((p) => [p.id, p.params, p.ports, p.inputs, p.outputs])).toEqual(
        fromScratch.plan!.order.map((p) => [p.id, p.params, p.ports, p.inputs, p.outputs]),
      );
      expect([...remembered.plan!.edges.values()]).toEqual([...fromScratch.plan!.edges.values()]);
    }
  });
});
