import { afterEach, describe, expect, it } from 'vitest';
import { findExample } from '../../src/engine/examples';
import { emptyDocument, useDocument, useSelection } from '../../src/store';

afterEach(() => {
  useDocument.getState().loadDocument(emptyDocument(), { resetHistory: true });
});

describe('the selection when a document is loaded', () => {
  it('is cleared, even where the new document has a node of the same id', () => {
    const digits = findExample('digits')!.build();
    const circle = findExample('circle')!.build();
    // Both examples start from a node "data": a selection kept by id would carry over.
    expect(digits.nodes.some((n) => n.id === 'data')).toBe(true);
    expect(circle.nodes.some((n) => n.id === 'data')).toBe(true);
    useDocument.getState().loadDocument(digits);
    useSelection.getState().select(['data']);
    useDocument.getState().loadDocument(circle);
    expect([...useSelection.getState().nodes]).toEqual([]);
  });

  it('is cleared of edges too, and loading again counts as a new load', () => {
    const xor = findExample('xor')!.build();
    useDocument.getState().loadDocument(xor);
    const edge = xor.edges[0].id;
    useSelection.getState().select([], [edge]);
    useDocument.getState().loadDocument(xor);
    expect([...useSelection.getState().edges]).toEqual([]);
  });

  it('is kept through an ordinary edit', () => {
    const xor = findExample('xor')!.build();
    useDocument.getState().loadDocument(xor);
    useSelection.getState().select(['data']);
    useDocument.getState().setName('renamed');
    useDocument.getState().moveNodes([{ id: 'data', position: { x: 5, y: 5 } }]);
    expect([...useSelection.getState().nodes]).toEqual(['data']);
  });
});
