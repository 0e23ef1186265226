import { beforeEach, describe, expect, it } from 'vitest';
import { GraphWriter } from '../../src/engine/examples/document';
import { createCompiledStore, createDocumentStore, type DocumentStore } from '../../src/store';
import { DEFER_COMPILE_FROM } from '../../src/store/compiled';

/** A chain of `n` neurons. */
function chain(n: number) {
  const g = new GraphWriter();
  for (let i = 0; i < n; i++) {
    g.node('neuron', `n${i}`, { x: i * 260, y: 0 });
    if (i > 0) g.edge(`n${i - 1}`, 'out', `n${i}`, 'in');
  }
  return g.graph('Chain', 1);
}

let doc: DocumentStore;
let queue: (() => void)[];
const defer = (run: () => void) => void queue.push(run);

beforeEach(() => {
  doc = createDocumentStore();
  queue = [];
});

describe('when the graph recompiles', () => {
  it('compiles a small graph at once', () => {
    const compiled = createCompiledStore(doc, defer);
    const start = compiled.getState().count;
    doc.getState().loadDocument(chain(10));
    expect(compiled.getState().count).toBe(start + 1);
    expect(queue).toHaveLength(0);
  });

  it('compiles a big graph after the edit is shown, once for several edits', () => {
    const compiled = createCompiledStore(doc, defer);
    const start = compiled.getState().count;
    doc.getState().loadDocument(chain(DEFER_COMPILE_FROM));
    expect(compiled.getState().count).toBe(start);
    const added = doc.getState().addNode('neuron', { x: 0, y: 300 })!;
    doc.getState().addNode('neuron', { x: 0, y: 600 });
    expect(queue).toHaveLength(1);
    expect(compiled.getState().byNode.has(added)).toBe(false);

    queue.shift()!();
    expect(compiled.getState().count).toBe(start + 1);
    expect(compiled.getState().byNode.get(added)?.[0].message).toMatch(/has nothing connected/);
    // A move is not a structural change: nothing to compile.
    doc.getState().moveNodes([{ id: added, position: { x: 10, y: 10 } }]);
    expect(queue).toHaveLength(0);
  });

  it('compiles a pending change at once when asked (flush)', () => {
    const compiled = createCompiledStore(doc, defer);
    doc.getState().loadDocument(chain(DEFER_COMPILE_FROM + 5));
    const before = compiled.getState().count;
    compiled.flush();
    expect(compiled.getState().count).toBe(before + 1);
    expect(compiled.getState().result.plan).toBeDefined();
    queue.shift()!();
    expect(compiled.getState().count).toBe(before + 1);
  });
});
