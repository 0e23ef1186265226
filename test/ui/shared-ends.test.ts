import { describe, expect, it } from 'vitest';
import type { EdgeId, GraphEdge, NodeId } from '../../src/engine/graph';
import { edgesSharingEnd, sharedEndClasses } from '../../src/ui/canvas/shared-ends';

const edge = (id: string, source: string, sourceHandle: string, target: string, targetHandle: string) =>
  ({
    id: id as EdgeId,
    source: source as NodeId,
    sourceHandle,
    target: target as NodeId,
    targetHandle,
  }) satisfies GraphEdge;

// A dataset's x1 feeds two neurons, its x2 one; both neurons feed the loss's one input.
const edges = [
  edge('a', 'data', 'x1', 'n1', 'in'),
  edge('b', 'data', 'x1', 'n2', 'in'),
  edge('c', 'data', 'x2', 'n1', 'in'),
  edge('d', 'n1', 'out', 'loss', 'pred'),
  edge('e', 'n2', 'out', 'loss', 'pred'),
];

describe('edge ends that meet keep one grab circle', () => {
  it('at a port, the first connection keeps it; at a side of a node, too', () => {
    const classes = sharedEndClasses(edges, new Set());
    expect(classes.get('a')).toBeUndefined();
    // b's start shares x1 with a's; its end is the only one at n2.
    expect(classes.get('b')).toBe('ng-shares-source-port ng-shares-source-side');
    // c's start is x2's only one, but on data's side of outputs after a; its end is n1's second.
    expect(classes.get('c')).toBe('ng-shares-source-side ng-shares-target-port ng-shares-target-side');
    expect(classes.get('d')).toBeUndefined();
    expect(classes.get('e')).toBe('ng-shares-target-port ng-shares-target-side');
  });

  it('the selected connection keeps the circle where its ends meet others', () => {
    const classes = sharedEndClasses(edges, new Set(['b']));
    expect(classes.get('b')).toBeUndefined();
    expect(classes.get('a')).toBe('ng-shares-source-port ng-shares-source-side');
    // a still keeps n1's input, where b does not end.
    expect(classes.get('c')).toBe('ng-shares-source-side ng-shares-target-port ng-shares-target-side');
  });

  it('a tap on a shared circle offers the connections whose end is there: by port, or by side zoomed out', () => {
    const ids = (list: GraphEdge[]) => list.map((e) => e.id);
    expect(ids(edgesSharingEnd(edges, 'a', 'source', false))).toEqual(['a', 'b']);
    expect(ids(edgesSharingEnd(edges, 'a', 'source', true))).toEqual(['a', 'b', 'c']);
    expect(ids(edgesSharingEnd(edges, 'd', 'target', false))).toEqual(['d', 'e']);
    expect(ids(edgesSharingEnd(edges, 'c', 'source', false))).toEqual(['c']);
  });
});
