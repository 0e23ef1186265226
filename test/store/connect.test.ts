import { beforeAll, describe, expect, it } from 'vitest';
import { borderAt3 } from '../../src/engine/examples/border';
import { connectablePorts, layoutLibrary, layoutPositions } from '../../src/store';

describe('ports that light up while connecting', () => {
  it('lists the inputs that fit an output, leaving out taken single ports and loops', () => {
    const g = borderAt3();
    const ports = connectablePorts(g, { nodeId: 'data', handleId: 'target', type: 'source' });
    // The loss's target port is taken by the same edge already; nothing else takes a target.
    expect(ports.size).toBe(0);
    const fromNeuron = connectablePorts(g, { nodeId: 'neuron', handleId: 'out', type: 'source' });
    expect(fromNeuron.has('neuron')).toBe(false);
    expect(fromNeuron.has('loss')).toBe(false);
  });

  it('lists the outputs that fit an input when dragging from an input', () => {
    const g = borderAt3();
    const ports = connectablePorts(g, { nodeId: 'sgd', handleId: 'loss', type: 'target' });
    // The optimizer's single loss port is taken.
    expect(ports.size).toBe(0);
    const edges = g.edges.filter((e) => e.target !== 'sgd');
    const free = connectablePorts({ ...g, edges }, { nodeId: 'sgd', handleId: 'loss', type: 'target' });
    expect([...free.keys()]).toEqual(['loss']);
    expect([...free.get('loss')!]).toEqual(['loss']);
  });
});

describe('auto-layout', () => {
  // dagre loads on first use in the app (a fast first load).
  beforeAll(() => layoutLibrary.load());

  it('lays the graph out left to right from the data to the optimizer', () => {
    const g = borderAt3();
    const p = layoutPositions(g.nodes, g.edges, new Map());
    expect(p.get('data')!.x).toBeLessThan(p.get('neuron')!.x);
    expect(p.get('neuron')!.x).toBeLessThan(p.get('loss')!.x);
    expect(p.get('loss')!.x).toBeLessThan(p.get('sgd')!.x);
  });
});
