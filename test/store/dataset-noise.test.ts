import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../src/store';

describe('choosing another built-in dataset', () => {
  it('gives it its own noise, so no set opens degenerate, in one undo entry', () => {
    const doc = createDocumentStore();
    const id = doc.getState().addNode('dataset', { x: 0, y: 0 }, { dataset: 'border', noise: 0 })!;
    const params = () => doc.getState().nodes.find((n) => n.id === id)!.params;
    // Two Gaussians with noise 0 would put every point on its centre: it opens with std 1.
    expect(doc.getState().setParam(id, 'dataset', 'gaussians')).toBeNull();
    expect(params()).toMatchObject({ dataset: 'gaussians', noise: 1 });
    doc.getState().setParam(id, 'dataset', 'spiral');
    expect(params()).toMatchObject({ dataset: 'spiral', noise: 0.1 });
    // A fixed set (the border's four points) has no noise to give: the value stays.
    doc.getState().setParam(id, 'noise', 0.3);
    doc.getState().setParam(id, 'dataset', 'xor-table');
    expect(params()).toMatchObject({ dataset: 'xor-table', noise: 0.3 });
    // Choosing and its noise are one change: one undo takes back both.
    doc.temporal.getState().undo();
    expect(params()).toMatchObject({ dataset: 'spiral', noise: 0.3 });
  });
});
