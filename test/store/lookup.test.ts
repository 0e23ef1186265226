import { describe, expect, it } from 'vitest';
import type { EdgeId, GraphEdge, GraphNode, NodeId } from '../../src/engine/graph';
import { edgeById, nodeById } from '../../src/store/lookup';

const node = (id: string): GraphNode => ({
  id: id as NodeId,
  kind: 'neuron',
  params: {},
  position: { x: 0, y: 0 },
});
const edge = (id: string): GraphEdge => ({
  id: id as EdgeId,
  source: 'a' as NodeId,
  sourceHandle: 'out',
  target: 'b' as NodeId,
  targetHandle: 'in',
});

describe('id lookups', () => {
  it('find a node or an edge by id in its array, and nothing for an unknown id', () => {
    const nodes = [node('a'), node('b')];
    expect(nodeById(nodes, 'b')).toBe(nodes[1]);
    expect(nodeById(nodes, 'z')).toBeUndefined();
    const edges = [edge('e1'), edge('e2')];
    expect(edgeById(edges, 'e1')).toBe(edges[0]);
    expect(edgeById(edges, 'a')).toBeUndefined();
  });

  it('answer for each array as it is: a new array (an edit) is indexed afresh', () => {
    const before = [node('a')];
    expect(nodeById(before, 'a')).toBe(before[0]);
    const after = [node('a'), node('c')];
    expect(nodeById(after, 'a')).toBe(after[0]);
    expect(nodeById(after, 'c')).toBe(after[1]);
    expect(nodeById(before, 'c')).toBeUndefined();
  });
});
