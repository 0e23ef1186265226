import { beforeEach, describe, expect, it } from 'vitest';
import { borderAt3 } from '../../src/engine/examples/border';
import { exportDocument } from '../../src/format';
import { CLIPBOARD_MARK, classifyClipboard, copyText, useDocument, useSelection } from '../../src/store';

const doc = () => useDocument.getState();

beforeEach(() => {
  doc().loadDocument(borderAt3(), { resetHistory: true });
  useSelection.getState().clear();
});

describe('what pasted text is', () => {
  it('copied nodes are a fragment; a saved network is a document; a broken one lists its problems', () => {
    const [data] = doc().nodes;
    useSelection.getState().select([data.id]);
    const copied = copyText()!;
    expect(JSON.parse(copied).createdWith).toBe(CLIPBOARD_MARK);
    expect(classifyClipboard(copied).type).toBe('fragment');

    const file = exportDocument({ ...borderAt3(), createdWith: 'neurograph' });
    const content = classifyClipboard(file);
    expect(content.type).toBe('document');
    if (content.type === 'document') expect(content.document.name).toBe('Border at x = 3');

    const broken = JSON.stringify({
      format: 'neurograph',
      version: 1,
      name: 'x',
      seed: 1,
      nodes: [{}],
      edges: [],
    });
    const invalid = classifyClipboard(broken);
    expect(invalid.type).toBe('invalid');
    if (invalid.type === 'invalid') expect(invalid.problems[0].path).toMatch(/^nodes\[0\]/);

    expect(classifyClipboard('hello').type).toBe('other');
    expect(classifyClipboard('{"talk": "about neurograph"}').type).toBe('other');
    expect(classifyClipboard('"neurograph" is a word').type).toBe('other');
  });
});
