import { beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { GraphWriter } from '../../src/engine/examples/document';
import { createCompiledStore, createDocumentStore, type DocumentStore } from '../../src/store';
import { COMPILE_SLICE_MS, DEFER_COMPILE_FROM } from '../../src/store/compiled';

/** A chain of `n` neurons. */
function chain(n: number) {
  const g = new GraphWriter();
  for (let i = 0; i < n; i++) {
    g.node('neuron', `n${i}`, { x: i * 260, y: 0 });
    if (i > 0) g.edge(`n${i - 1}`, 'out', `n${i}`, 'in');
  }
  return g.graph('Chain', 1);
}

/** A dataset's x0 feeding a chain of `n` neurons: compiles to a plan (no loss: a warning only). */
function fedChain(n: number) {
  const g = new GraphWriter();
  g.node('dataset', 'data', { x: -260, y: 0 }, { dataset: 'circle' });
  for (let i = 0; i < n; i++) {
    g.node('neuron', `n${i}`, { x: i * 260, y: 0 });
    if (i > 0) g.edge(`n${i - 1}`, 'out', `n${i}`, 'in');
    else g.edge('data', 'x0', 'n0', 'in');
  }
  return g.graph('Fed chain', 1);
}

let doc: DocumentStore;
let queue: (() => void)[];
const defer = (run: () => void) => void queue.push(run);
/** A clock that stands still: a slice never runs out of time. */
const frozen = () => 0;

beforeEach(() => {
  doc = createDocumentStore();
  queue = [];
});

describe('when the graph recompiles', () => {
  it('compiles a small graph at once', () => {
    const compiled = createCompiledStore(doc, defer, frozen);
    const start = compiled.getState().count;
    doc.getState().loadDocument(chain(10));
    expect(compiled.getState().count).toBe(start + 1);
    expect(queue).toHaveLength(0);
  });

  it('compiles a big graph after the edit is shown, once for several edits', () => {
    const compiled = createCompiledStore(doc, defer, frozen);
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
    const compiled = createCompiledStore(doc, defer, frozen);
    doc.getState().loadDocument(chain(DEFER_COMPILE_FROM + 5));
    const before = compiled.getState().count;
    compiled.flush();
    expect(compiled.getState().count).toBe(before + 1);
    expect(compiled.getState().result.plan).toBeDefined();
    queue.shift()!();
    expect(compiled.getState().count).toBe(before + 1);
  });
});

describe('a big graph compiles in slices', () => {
  /** A clock that advances 1 ms each time it is read: a slice ends after COMPILE_SLICE_MS readings. */
  let time: number;
  const ticking = () => time++;
  beforeEach(() => {
    time = 0;
  });

  /** Runs deferred slices until none is left; how many ran. */
  function drain(): number {
    let slices = 0;
    while (queue.length > 0) {
      queue.shift()!();
      slices++;
    }
    return slices;
  }

  it('spreads the compile over several slices and ends with what compile gives', () => {
    const compiled = createCompiledStore(doc, defer, ticking);
    const start = compiled.getState().count;
    doc.getState().loadDocument(fedChain(2000));
    queue.shift()!();
    // One slice's worth of steps is not the whole compile: nothing published yet, one more queued.
    expect(compiled.getState().count).toBe(start);
    expect(queue).toHaveLength(1);
    expect(drain()).toBeGreaterThan(1);
    expect(compiled.getState().count).toBe(start + 1);
    const { nodes, edges, seed } = doc.getState();
    const whole = compile({ nodes, edges, seed });
    expect(compiled.getState().result.diagnostics).toEqual(whole.diagnostics);
    expect(compiled.getState().result.plan?.paramCount).toBe(whole.plan?.paramCount);
    // 2,000 neurons, 2,000 edges into them: a weight per edge and a bias per neuron.
    expect(whole.plan?.paramCount).toBe(2000 + 2000);
  });

  it('starts again when the structure changes between slices, and compiles the newest', () => {
    const compiled = createCompiledStore(doc, defer, ticking);
    const start = compiled.getState().count;
    doc.getState().loadDocument(chain(2000));
    queue.shift()!();
    const added = doc.getState().addNode('neuron', { x: 0, y: 300 })!;
    drain();
    expect(compiled.getState().count).toBe(start + 1);
    expect(compiled.getState().byNode.get(added)?.[0].message).toMatch(/has nothing connected/);
  });

  it('finishes a compile under way at once when asked (flush)', () => {
    const compiled = createCompiledStore(doc, defer, ticking);
    const start = compiled.getState().count;
    doc.getState().loadDocument(fedChain(2000));
    queue.shift()!();
    compiled.flush();
    expect(compiled.getState().count).toBe(start + 1);
    expect(compiled.getState().result.plan).not.toBeNull();
    drain();
    expect(compiled.getState().count).toBe(start + 1);
  });

  it('gives each slice about COMPILE_SLICE_MS of the clock', () => {
    createCompiledStore(doc, defer, ticking);
    doc.getState().loadDocument(chain(2000));
    const before = time;
    queue.shift()!();
    // Read once for the deadline, once per step until it has passed.
    expect(time - before).toBe(COMPILE_SLICE_MS + 1);
  });
});
