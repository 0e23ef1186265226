import { beforeEach, describe, expect, it } from 'vitest';
import { borderAt3 } from '../../src/engine/examples/border';
import type { EdgeId } from '../../src/engine/graph';
import { createCompiledStore, createDocumentStore, type DocumentStore } from '../../src/store';

let doc: DocumentStore;
const state = () => doc.getState();
const history = () => doc.temporal.getState();

beforeEach(() => {
  doc = createDocumentStore();
});

describe('adding nodes', () => {
  it('adds a node of a registered kind with default params, a unique label and a UUID', () => {
    const a = state().addNode('neuron', { x: 10, y: 20 })!;
    const b = state().addNode('neuron', { x: 50, y: 20 })!;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    const [na, nb] = state().nodes;
    expect(na).toMatchObject({ kind: 'neuron', params: {}, position: { x: 10, y: 20 }, label: 'Neuron 1' });
    expect(nb.label).toBe('Neuron 2');
  });

  it('refuses an unknown kind', () => {
    expect(state().addNode('no.such.kind', { x: 0, y: 0 })).toBeNull();
    expect(state().nodes).toHaveLength(0);
  });
});

describe('connecting', () => {
  function network() {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const neuron = state().addNode('neuron', { x: 200, y: 0 })!;
    const loss = state().addNode('loss.mse', { x: 400, y: 0 })!;
    return { data, neuron, loss };
  }

  it('connects an output to an input that fits', () => {
    const { data, neuron } = network();
    const r = state().connect({ source: data, sourceHandle: 'x0', target: neuron, targetHandle: 'in' });
    expect(r.ok).toBe(true);
    expect(state().edges).toHaveLength(1);
    expect(state().edges[0]).toMatchObject({
      source: data,
      sourceHandle: 'x0',
      target: neuron,
      targetHandle: 'in',
    });
  });

  it('refuses a wrong type with the port hint, in a learner’s words', () => {
    const { neuron, loss } = network();
    const r = state().connect({ source: neuron, sourceHandle: 'out', target: loss, targetHandle: 'target' });
    expect(r).toEqual({ ok: false, reason: 'A loss needs a target: connect the Dataset’s target port.' });
    expect(state().edges).toHaveLength(0);
  });

  it('refuses a target into a neuron, naming what the port takes', () => {
    const { data, neuron } = network();
    const r = state().connect({ source: data, sourceHandle: 'target', target: neuron, targetHandle: 'in' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/takes .* not a dataset target\. Connect a feature of a Dataset/);
  });

  it('refuses a self-loop, a cycle, a taken single port and a duplicate', () => {
    const { data, neuron, loss } = network();
    const n2 = state().addNode('neuron', { x: 0, y: 100 })!;
    expect(
      state().connect({ source: neuron, sourceHandle: 'out', target: neuron, targetHandle: 'in' }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cannot feed itself/),
    });
    expect(state().connect({ source: neuron, sourceHandle: 'out', target: n2, targetHandle: 'in' }).ok).toBe(
      true,
    );
    expect(
      state().connect({ source: n2, sourceHandle: 'out', target: neuron, targetHandle: 'in' }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/loop/),
    });
    expect(
      state().connect({ source: neuron, sourceHandle: 'out', target: n2, targetHandle: 'in' }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/already connected/),
    });
    expect(
      state().connect({ source: data, sourceHandle: 'target', target: loss, targetHandle: 'target' }).ok,
    ).toBe(true);
    const d2 = state().addNode('dataset', { x: 0, y: 300 })!;
    expect(
      state().connect({ source: d2, sourceHandle: 'target', target: loss, targetHandle: 'target' }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/single connection and already has one/),
    });
    expect(state().edges).toHaveLength(2);
  });

  it('reconnects an edge end, not counting the edge itself as taking its port', () => {
    const { data, neuron, loss } = network();
    const n2 = state().addNode('neuron', { x: 0, y: 100 })!;
    const r = state().connect({
      source: neuron,
      sourceHandle: 'out',
      target: loss,
      targetHandle: 'prediction',
    });
    const id = r.edgeId!;
    expect(
      state().reconnect(id, { source: n2, sourceHandle: 'out', target: loss, targetHandle: 'prediction' }).ok,
    ).toBe(true);
    expect(state().edges).toEqual([expect.objectContaining({ id, source: n2, target: loss })]);
    expect(
      state().reconnect(id, { source: data, sourceHandle: 'x0', target: loss, targetHandle: 'target' }).ok,
    ).toBe(false);
    expect(state().edges[0].source).toBe(n2);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes each document change', () => {
    const a = state().addNode('neuron', { x: 0, y: 0 })!;
    state().setParam(a, 'activation', 'relu');
    state().setName('Mine');
    expect(history().pastStates).toHaveLength(3);
    state().undo();
    expect(state().name).not.toBe('Mine');
    state().undo();
    expect(state().nodes[0].params).toEqual({});
    state().redo();
    expect(state().nodes[0].params).toEqual({ activation: 'relu' });
    state().undo();
    state().undo();
    expect(state().nodes).toHaveLength(0);
  });

  it('records one entry per drag, however many moves it made', () => {
    const a = state().addNode('neuron', { x: 0, y: 0 })!;
    const before = history().pastStates.length;
    state().beginGesture();
    for (let i = 1; i <= 30; i++) state().moveNodes([{ id: a, position: { x: i, y: i * 2 } }]);
    state().endGesture();
    expect(history().pastStates).toHaveLength(before + 1);
    expect(state().nodes[0].position).toEqual({ x: 30, y: 60 });
    state().undo();
    expect(state().nodes[0].position).toEqual({ x: 0, y: 0 });
    state().redo();
    expect(state().nodes[0].position).toEqual({ x: 30, y: 60 });
  });

  it('records nothing for a gesture that changed nothing, nor for the viewport', () => {
    state().addNode('neuron', { x: 0, y: 0 });
    const before = history().pastStates.length;
    state().beginGesture();
    state().endGesture();
    state().setViewport({ x: 5, y: 5, zoom: 2 });
    expect(history().pastStates).toHaveLength(before);
  });

  it('refuses an invalid parameter value without changing the document', () => {
    const a = state().addNode('dataset', { x: 0, y: 0 })!;
    const before = history().pastStates.length;
    expect(state().setParam(a, 'noise', -1)).toMatch(/at least 0/);
    expect(state().setParam(a, 'batchSize', 2.5)).toMatch(/whole number/);
    expect(state().nodes[0].params).toEqual({});
    expect(history().pastStates).toHaveLength(before);
    expect(state().setParam(a, 'noise', 0.5)).toBeNull();
    expect(state().nodes[0].params).toEqual({ noise: 0.5 });
  });
});

describe('deleting', () => {
  it('deletes a node with its edges, in one undo entry', () => {
    const g = borderAt3();
    doc.getState().loadDocument(g, { resetHistory: true });
    const neuron = g.nodes.find((n) => n.kind === 'neuron')!.id;
    state().remove([neuron]);
    expect(state().nodes.map((n) => n.id)).not.toContain(neuron);
    expect(state().edges.some((e) => e.source === neuron || e.target === neuron)).toBe(false);
    expect(state().edges).toHaveLength(2);
    expect(history().pastStates).toHaveLength(1);
    state().undo();
    expect(state().edges).toHaveLength(4);
  });

  it('deletes an edge alone', () => {
    doc.getState().loadDocument(borderAt3());
    const id = state().edges[0].id as EdgeId;
    state().remove([], [id]);
    expect(state().edges.map((e) => e.id)).not.toContain(id);
    expect(state().nodes).toHaveLength(4);
  });
});

describe('recompiling', () => {
  it('recompiles on structural changes only, and indexes diagnostics by node', () => {
    const compiled = createCompiledStore(doc);
    const count = () => compiled.getState().count;
    const start = count();
    const a = state().addNode('neuron', { x: 0, y: 0 })!;
    expect(count()).toBe(start + 1);
    expect(compiled.getState().byNode.get(a)?.[0].message).toMatch(/has nothing connected/);

    state().beginGesture();
    state().moveNodes([{ id: a, position: { x: 100, y: 100 } }]);
    state().endGesture();
    state().setViewport({ x: 1, y: 2, zoom: 1 });
    state().setName('Renamed');
    expect(count()).toBe(start + 1);

    state().setParam(a, 'activation', 'tanh');
    expect(count()).toBe(start + 2);
    state().setNodeLabel(a, 'hidden');
    expect(count()).toBe(start + 3);
    state().undo();
    expect(count()).toBe(start + 4);
  });

  it('keeps a node’s diagnostics list identical while its messages stay the same', () => {
    const compiled = createCompiledStore(doc);
    const a = state().addNode('neuron', { x: 0, y: 0 })!;
    const first = compiled.getState().byNode.get(a);
    state().addNode('neuron', { x: 0, y: 200 });
    expect(compiled.getState().byNode.get(a)).toBe(first);
  });
});
