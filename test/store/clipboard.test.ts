import { beforeEach, describe, expect, it } from 'vitest';
import { borderAt3 } from '../../src/engine/examples/border';
import {
  classifyClipboard,
  copyText,
  duplicateSelection,
  pasteText,
  useDocument,
  useSelection,
} from '../../src/store';

const doc = () => useDocument.getState();

beforeEach(() => {
  doc().loadDocument(borderAt3(), { resetHistory: true });
  useSelection.getState().clear();
});

describe('copy and paste', () => {
  it('copies the selection as document JSON and pastes it with new ids', () => {
    const [data, neuron] = doc().nodes;
    useSelection.getState().select([data.id, neuron.id]);
    const text = copyText()!;
    expect(JSON.parse(text)).toMatchObject({
      format: 'neurograph',
      nodes: [{ id: data.id }, { id: neuron.id }],
    });
    // Only the edge between the two copied nodes comes along.
    expect(JSON.parse(text).edges).toHaveLength(1);

    const ids = pasteText(text)!;
    expect(doc().nodes).toHaveLength(6);
    expect(doc().edges).toHaveLength(5);
    const oldIds = new Set<string>([data.id, neuron.id]);
    for (const id of ids.nodeIds) expect(oldIds.has(id)).toBe(false);
    const pastedEdge = doc().edges.find((e) => e.id === ids.edgeIds[0])!;
    expect(ids.nodeIds).toContain(pastedEdge.source);
    expect(ids.nodeIds).toContain(pastedEdge.target);
    expect(pastedEdge.weight).toBe(1);
    // The pasted nodes are selected, shifted, and named apart from the originals.
    expect([...useSelection.getState().nodes]).toEqual(ids.nodeIds);
    const pasted = doc().nodes.find((n) => n.id === ids.nodeIds[1])!;
    expect(pasted.position.x).toBeGreaterThan(neuron.position.x);
    expect(pasted.label).not.toBe(neuron.label);
  });

  it('ignores text that is not a Neurograph document', () => {
    expect(pasteText('hello')).toBeNull();
    expect(pasteText('{"format":"neurograph"')).toBeNull();
    expect(doc().nodes).toHaveLength(4);
  });

  it('duplicates the selection in one undo entry', () => {
    const [, neuron] = doc().nodes;
    useSelection.getState().select([neuron.id]);
    const ids = duplicateSelection()!;
    expect(ids.nodeIds).toHaveLength(1);
    expect(ids.nodeIds[0]).not.toBe(neuron.id);
    expect(doc().nodes).toHaveLength(5);
    doc().undo();
    expect(doc().nodes).toHaveLength(4);
  });
});

describe('what pasted text is', () => {
  it('a cut-off document is an invalid document, with the syntax error and where it is', () => {
    const content = classifyClipboard('{"format":"neurograph","version":1,"nodes": [');
    expect(content.type).toBe('invalid');
    if (content.type !== 'invalid') return;
    expect(content.problems.length).toBeGreaterThan(0);
    expect(content.problems.map((p) => p.message).join(' ')).toMatch(/JSON|position|line|column|end/i);
  });

  it('text that only mentions neurograph is other text', () => {
    expect(classifyClipboard('I like "neurograph" a lot').type).toBe('other');
    expect(classifyClipboard('see {"neurograph"}').type).toBe('other');
  });
});
