import { beforeAll, describe, expect, it } from 'vitest';
import { findExample } from '../../src/engine';
import { borderAt3 } from '../../src/engine/examples/border';
import { connectablePorts, layoutLibrary, layoutPositions } from '../../src/store';
import { DEFAULT_NODE_SIZE } from '../../src/store/layout';

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

  it('lays the graph out left to right from the data to the loss, the optimizer under the loss', () => {
    const g = borderAt3();
    const p = layoutPositions(g.nodes, g.edges, new Map());
    expect(p.get('data')!.x).toBeLessThan(p.get('neuron')!.x);
    expect(p.get('neuron')!.x).toBeLessThan(p.get('loss')!.x);
    // Same width (the default card), so the same left edge; below the loss's default 120 px card.
    expect(p.get('sgd')!.x).toBe(p.get('loss')!.x);
    expect(p.get('sgd')!.y).toBeGreaterThanOrEqual(p.get('loss')!.y + DEFAULT_NODE_SIZE.height);
  });

  // Weight labels keep their size on screen (about 70 × 50 px), so a small network needs gaps that
  // are wide compared with its cards where weights cross, and neurons far enough apart for the
  // numbers printed under each.
  const card = DEFAULT_NODE_SIZE;
  const gapBefore = (p: Map<string, { x: number }>, left: string, right: string) =>
    p.get(right)!.x - (p.get(left)!.x + card.width);

  it('gives a small network (XOR, six weights) wide gaps where its weights cross', () => {
    const g = findExample('xor')!.build();
    const p = layoutPositions(g.nodes, g.edges, new Map());
    const intoHidden = gapBefore(p, 'data', 'n1_1');
    const intoOutput = gapBefore(p, 'n1_1', 'n2_1');
    const intoLoss = gapBefore(p, 'n2_1', 'loss');
    // Four weights into the hidden column, two into the output, none into the loss.
    expect(intoHidden).toBeGreaterThan(3 * card.width);
    expect(intoOutput).toBeGreaterThan(card.width);
    expect(intoHidden).toBeGreaterThan(intoOutput);
    expect(intoOutput).toBeGreaterThan(intoLoss);
    // The two hidden neurons: more than a card's height of room between them.
    expect(p.get('n1_2')!.y - (p.get('n1_1')!.y + card.height)).toBeGreaterThan(card.height);
  });

  it('spreads a small network’s neurons until it is half as tall as wide (about the canvas’s shape)', () => {
    const g = findExample('xor')!.build();
    const p = layoutPositions(g.nodes, g.edges, new Map());
    const xs = [...p.values()].map((q) => q.x);
    const width = Math.max(...xs) + card.width - Math.min(...xs);
    // The hidden column (two default cards) spans half of that, top of one to bottom of the other.
    const span = p.get('n1_2')!.y + card.height - p.get('n1_1')!.y;
    expect(span).toBeCloseTo(0.5 * width, -1);
    // Centred on the column's line, where the output neuron sits (a single card).
    const mid = (p.get('n1_1')!.y + p.get('n1_2')!.y + card.height) / 2;
    expect(p.get('n2_1')!.y + card.height / 2).toBeCloseTo(mid, -1);
  });

  it('gives the circle’s eight first-layer weights about twice the room of its four into the output', () => {
    const g = findExample('circle')!.build();
    const p = layoutPositions(g.nodes, g.edges, new Map());
    const intoHidden = gapBefore(p, 'data', 'n1_1');
    const intoOutput = gapBefore(p, 'n1_1', 'n2_1');
    // Eight labels in two columns where four fit in one: the gap grows with each weight crossing it.
    expect(intoHidden).toBeGreaterThan(1.6 * intoOutput);
    expect(intoOutput).toBeGreaterThan(3 * card.width);
  });

  it('keeps a big network (the spiral, 88 weights) compact: it is read neuron by neuron in focus', () => {
    const g = findExample('spiral')!.build();
    const p = layoutPositions(g.nodes, g.edges, new Map());
    const intoHidden = gapBefore(p, 'data', 'n1_1');
    expect(intoHidden).toBe(gapBefore(p, 'n1_1', 'n2_1'));
    expect(intoHidden).toBeLessThan(card.width);
  });
});
