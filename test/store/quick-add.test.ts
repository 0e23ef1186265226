import { beforeEach, describe, expect, it } from 'vitest';
import {
  addConnectedNode,
  allKindChoices,
  createDocumentStore,
  type DocumentStore,
  kindsFitting,
  rankKinds,
} from '../../src/store';

let doc: DocumentStore;
const state = () => doc.getState();

beforeEach(() => {
  doc = createDocumentStore();
});

const ids = (choices: { kind: { id: string } }[]) => choices.map((c) => c.kind.id);

describe('which kinds fit a dragged connection', () => {
  it('from a neuron’s output: inputs that take a number, each with its port', () => {
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const fits = kindsFitting(state(), { nodeId: neuron, handleId: 'out', type: 'source' });
    const kinds = ids(fits);
    expect(kinds).toContain('neuron');
    expect(kinds).toContain('act.relu');
    expect(kinds).toContain('loss.mse');
    expect(kinds).not.toContain('dataset');
    expect(kinds).not.toContain('opt.adam');
    expect(fits.find((c) => c.kind.id === 'loss.mse')!.port).toMatchObject({ id: 'prediction', row: 0 });
  });

  it('from a dataset’s target: only the target port of a loss', () => {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const fits = kindsFitting(state(), { nodeId: data, handleId: 'target', type: 'source' });
    expect(fits.length).toBeGreaterThan(0);
    for (const c of fits) {
      expect(c.kind.family).toBe('losses');
      expect(c.port!.id).toBe('target');
    }
  });

  it('from a loss’s output: the optimizers, and the L1/L2 penalty that adds to a loss', () => {
    const loss = state().addNode('loss.mse', { x: 0, y: 0 })!;
    const fits = kindsFitting(state(), { nodeId: loss, handleId: 'loss', type: 'source' });
    expect(new Set(fits.map((c) => c.kind.family))).toEqual(new Set(['optimizers', 'losses']));
    expect(ids(fits.filter((c) => c.kind.family === 'losses'))).toEqual(['loss.penalty']);
  });

  it('backwards from an input: kinds with an output that fits it', () => {
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const fits = kindsFitting(state(), { nodeId: neuron, handleId: 'in', type: 'target' });
    const kinds = ids(fits);
    expect(kinds).toContain('dataset');
    expect(kinds).toContain('neuron');
    expect(kinds).not.toContain('loss.mse');
    expect(fits.find((c) => c.kind.id === 'dataset')!.port!.id).toBe('x0');
  });

  it('nothing fits an input that already has its one connection', () => {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const loss = state().addNode('loss.mse', { x: 0, y: 0 })!;
    state().connect({ source: data, sourceHandle: 'x0', target: neuron, targetHandle: 'in' });
    state().connect({ source: neuron, sourceHandle: 'out', target: loss, targetHandle: 'prediction' });
    expect(kindsFitting(state(), { nodeId: loss, handleId: 'prediction', type: 'target' })).toEqual([]);
  });
});

describe('ranking the search', () => {
  it('puts a label that starts with the query first, and matches every word', () => {
    const all = allKindChoices();
    expect(ids(rankKinds(all, 'relu'))[0]).toBe('act.relu');
    expect(ids(rankKinds(all, 'relu'))).toContain('act.leaky_relu');
    expect(ids(rankKinds(all, 'mean squared'))[0]).toBe('loss.mse');
    expect(rankKinds(all, 'qqqq')).toEqual([]);
    expect(rankKinds(all, '  ')).toHaveLength(all.length);
  });

  it('finds kinds by id and by the port they would connect through', () => {
    const all = allKindChoices();
    expect(ids(rankKinds(all, 'loss.bce'))[0]).toBe('loss.bce');
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const fits = kindsFitting(state(), { nodeId: neuron, handleId: 'out', type: 'source' });
    // No optimizer takes a neuron's output (the penalty, which names Adam, takes layers).
    expect(ids(rankKinds(fits, 'adam')).filter((id) => id.startsWith('opt.'))).toEqual([]);
  });
});

describe('adding the chosen node', () => {
  it('adds and connects it as one undo entry', () => {
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const before = doc.temporal.getState().pastStates.length;
    const id = addConnectedNode(
      'loss.mse',
      { x: 300, y: 0 },
      { nodeId: neuron, handleId: 'out', type: 'source' },
      'prediction',
      doc,
    )!;
    expect(state().nodes.map((n) => n.id)).toContain(id);
    expect(state().edges).toEqual([
      expect.objectContaining({
        source: neuron,
        sourceHandle: 'out',
        target: id,
        targetHandle: 'prediction',
      }),
    ]);
    expect(doc.temporal.getState().pastStates.length).toBe(before + 1);
    state().undo();
    expect(state().nodes).toHaveLength(1);
    expect(state().edges).toHaveLength(0);
  });

  it('connects backwards from an input', () => {
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const id = addConnectedNode(
      'dataset',
      { x: -300, y: 0 },
      { nodeId: neuron, handleId: 'in', type: 'target' },
      'x0',
      doc,
    )!;
    expect(state().edges).toEqual([
      expect.objectContaining({ source: id, sourceHandle: 'x0', target: neuron, targetHandle: 'in' }),
    ]);
  });

  it('changes nothing when the connection is refused', () => {
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    const before = doc.temporal.getState().pastStates.length;
    const id = addConnectedNode(
      'opt.adam',
      { x: 300, y: 0 },
      { nodeId: neuron, handleId: 'out', type: 'source' },
      'loss',
      doc,
    );
    expect(id).toBeNull();
    expect(state().nodes).toHaveLength(1);
    expect(doc.temporal.getState().pastStates.length).toBe(before);
  });

  it('without a connection, just adds the node', () => {
    const id = addConnectedNode('neuron', { x: 5, y: 6 }, undefined, undefined, doc)!;
    expect(state().nodes[0]).toMatchObject({ id, position: { x: 5, y: 6 } });
  });
});
