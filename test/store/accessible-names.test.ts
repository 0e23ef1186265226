import { beforeEach, describe, expect, it } from 'vitest';
import { createDocumentStore, type DocumentStore, edgeName, portChoices, portName } from '../../src/store';

let doc: DocumentStore;
const state = () => doc.getState();
const plain = (w: number | number[]) => String(w);

beforeEach(() => {
  doc = createDocumentStore();
});

describe('what a screen reader calls a port and an edge', () => {
  it('a port: the node’s name, its side and its label', () => {
    const neuron = state().addNode('neuron', { x: 0, y: 0 })!;
    state().setNodeLabel(neuron, 'h1.1');
    const node = state().nodes[0];
    expect(portName(node, 'in', 'x')).toBe('h1.1 input x');
    expect(portName(node, 'out', 'y')).toBe('h1.1 output y');
  });

  it('an edge into a neuron is its weight, with the weight’s label and value', () => {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const neuron = state().addNode('neuron', { x: 200, y: 0 })!;
    state().setNodeLabel(data, 'data');
    state().setNodeLabel(neuron, 'neuron');
    const { edgeId } = state().connect({
      source: data,
      sourceHandle: 'x0',
      target: neuron,
      targetHandle: 'in',
    });
    const edge = () => state().edges.find((e) => e.id === edgeId)!;
    // The dataset's first feature port is labelled by the feature's name, whatever the default set calls it.
    expect(edgeName(state().nodes, edge(), plain)).toMatch(/^weight w from data \S+ to neuron$/);
    state().setEdgeWeight(edgeId!, 0.9989);
    state().setEdgeLabel(edgeId!, 'w1');
    expect(edgeName(state().nodes, edge(), plain)).toMatch(/^weight w1 from data \S+ to neuron, 0\.9989$/);
  });

  it('any other edge names both ports', () => {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const loss = state().addNode('loss.mse', { x: 200, y: 0 })!;
    state().setNodeLabel(data, 'data');
    state().setNodeLabel(loss, 'loss');
    const { edgeId } = state().connect({
      source: data,
      sourceHandle: 'target',
      target: loss,
      targetHandle: 'target',
    });
    const edge = state().edges.find((e) => e.id === edgeId)!;
    expect(edgeName(state().nodes, edge, plain)).toBe('connection from data target to loss y');
  });
});

describe('the ports a keyboard connection can end on', () => {
  it('from a neuron’s output: the inputs that take a number, in node order, named', () => {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const neuron = state().addNode('neuron', { x: 200, y: 0 })!;
    const loss = state().addNode('loss.mse', { x: 400, y: 0 })!;
    const opt = state().addNode('opt.sgd', { x: 600, y: 0 })!;
    for (const [id, label] of [
      [data, 'data'],
      [neuron, 'n'],
      [loss, 'loss'],
      [opt, 'opt'],
    ]) {
      state().setNodeLabel(id, label);
    }
    const choices = portChoices(state(), { nodeId: neuron, handleId: 'out', type: 'source' });
    // Not its own input (a node cannot feed itself), not the loss's target (that takes a dataset target),
    // not the optimizer (it takes a loss).
    expect(choices.map((c) => c.name)).toEqual(['loss input ŷ']);
    expect(choices[0]).toMatchObject({ nodeId: loss, portId: 'prediction' });
  });

  it('from an input: the outputs that fit it; a taken single input offers nothing', () => {
    const data = state().addNode('dataset', { x: 0, y: 0 })!;
    const loss = state().addNode('loss.mse', { x: 400, y: 0 })!;
    state().setNodeLabel(data, 'data');
    const toTarget = portChoices(state(), { nodeId: loss, handleId: 'target', type: 'target' });
    expect(toTarget.map((c) => c.name)).toEqual(['data output target']);
    state().connect({ source: data, sourceHandle: 'target', target: loss, targetHandle: 'target' });
    expect(portChoices(state(), { nodeId: loss, handleId: 'target', type: 'target' })).toEqual([]);
  });
});
