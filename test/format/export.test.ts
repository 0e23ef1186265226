import { describe, expect, it, vi } from 'vitest';
import { edgeId, nodeId } from '../../src/engine/graph';
import { type AnyKind, defineKind } from '../../src/engine/kind';
import { num, numbers } from '../../src/engine/params';
import { documentFileName, exportDocument } from '../../src/format/export';
import { importDocument } from '../../src/format/import';
import type { NeurographDocument } from '../../src/format/schema';
import { CURRENT_VERSION } from '../../src/format/schema';

// Stand-in kinds are injected below; the engine's registry is kept out of format tests.
vi.mock('../../src/engine/registry', () => ({ getKind: () => undefined, KINDS: [] }));

const neuron: AnyKind = defineKind({
  id: 'neuron',
  family: 'neurons',
  role: 'op',
  label: 'Neuron',
  description: 'test neuron',
  icon: 'N',
  params: {
    bias: num('Initial bias', 0),
    lr: num('Learning rate', 0.1, { min: 0 }),
    init: numbers('Initial'),
  },
  ports: () => ({
    inputs: [
      { id: 'in', label: 'x', accepts: ['scalar', 'vector'], multiple: true, hint: 'connect a number' },
    ],
    outputs: [{ id: 'out', label: 'y', type: 'scalar' }],
  }),
});
const getKind = (id: string) => (id === 'neuron' ? neuron : undefined);

function sampleDocument(): NeurographDocument {
  return {
    name: 'Border at x = 3',
    description: 'A single neuron learns where the border is.\nSecond line, "quoted".',
    createdWith: 'neurograph 0.1.0',
    seed: 42,
    nodes: [
      {
        id: nodeId('a'),
        kind: 'neuron',
        label: 'first',
        position: { x: -10.5, y: 3e-7 },
        params: { lr: 0.01, bias: 1 },
      },
      {
        id: nodeId('b'),
        kind: 'neuron',
        position: { x: 240, y: 0 },
        params: { init: [0.25, -1, 1e21] },
        paramLabels: { bias: 'b₂' },
      },
    ],
    edges: [
      {
        id: edgeId('a→b'),
        source: nodeId('a'),
        sourceHandle: 'out',
        target: nodeId('b'),
        targetHandle: 'in',
        weight: [0.1, -0.30000000000000004],
        label: 'w',
      },
      {
        id: edgeId('b→a'),
        source: nodeId('b'),
        sourceHandle: 'out',
        target: nodeId('a'),
        targetHandle: 'in',
      },
    ],
    viewport: { x: 12, y: -4, zoom: 0.75 },
  };
}

function reimport(text: string): NeurographDocument {
  const result = importDocument(text, { getKind });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.warnings).toEqual([]);
  return result.document;
}

describe('exportDocument', () => {
  it('round-trips: export → import → export is byte-identical', () => {
    const first = exportDocument(sampleDocument());
    const imported = reimport(first);
    expect(imported).toEqual(sampleDocument());
    expect(exportDocument(imported)).toBe(first);
  });

  it('round-trips a minimal document', () => {
    const minimal: NeurographDocument = { name: '', seed: 0, nodes: [], edges: [] };
    const text = exportDocument(minimal);
    expect(reimport(text)).toEqual(minimal);
    expect(exportDocument(reimport(text))).toBe(text);
  });

  it('writes the format tag and current version first, in a fixed key order', () => {
    const keys = Object.keys(JSON.parse(exportDocument(sampleDocument())));
    expect(keys).toEqual([
      'format',
      'version',
      'name',
      'description',
      'createdWith',
      'seed',
      'nodes',
      'edges',
      'viewport',
    ]);
    const file = JSON.parse(exportDocument(sampleDocument()));
    expect(file.format).toBe('neurograph');
    expect(file.version).toBe(CURRENT_VERSION);
    expect(Object.keys(file.nodes[1])).toEqual(['id', 'kind', 'position', 'params', 'paramLabels']);
    expect(Object.keys(file.edges[0])).toEqual([
      'id',
      'source',
      'sourceHandle',
      'target',
      'targetHandle',
      'weight',
      'label',
    ]);
  });

  it('gives the same bytes whatever order the fields were set in', () => {
    const doc = sampleDocument();
    const shuffled: NeurographDocument = {
      viewport: { zoom: 0.75, y: -4, x: 12 },
      edges: doc.edges.map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e),
      nodes: doc.nodes.map((n) => ({ ...n, params: Object.fromEntries(Object.entries(n.params).reverse()) })),
      seed: doc.seed,
      createdWith: doc.createdWith,
      description: doc.description,
      name: doc.name,
    };
    expect(exportDocument(shuffled)).toBe(exportDocument(doc));
  });

  it('is pretty: two-space indents, short flat objects and number lists on one line, a final newline', () => {
    const text = exportDocument(sampleDocument());
    expect(text).toContain('\n  "nodes": [\n    {\n      "id": "a",');
    expect(text).toContain('"position": { "x": -10.5, "y": 3e-7 }');
    expect(text).toContain('"params": { "bias": 1, "lr": 0.01 }');
    expect(text).toContain('"weight": [0.1, -0.30000000000000004]');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('does not write fields the format does not know', () => {
    const doc = { ...sampleDocument(), selection: ['a'] } as NeurographDocument;
    expect(exportDocument(doc)).not.toContain('selection');
  });

  it('keeps text that looks like JSON intact', () => {
    const doc: NeurographDocument = { ...sampleDocument(), name: 'weights [1,2] {"x":1}' };
    expect(reimport(exportDocument(doc)).name).toBe('weights [1,2] {"x":1}');
  });
});

describe('documentFileName', () => {
  it.each([
    ['Border at x = 3', 'border-at-x-3.neurograph.json'],
    ['  XOR / AND: the classics?  ', 'xor-and-the-classics.neurograph.json'],
    ['Réseau à 2 couches', 'réseau-à-2-couches.neurograph.json'],
    ['../../etc/passwd', 'etc-passwd.neurograph.json'],
    ['', 'untitled.neurograph.json'],
    ['***', 'untitled.neurograph.json'],
    ['CON', 'con-network.neurograph.json'],
  ])('%j → %s', (name, fileName) => {
    expect(documentFileName(name)).toBe(fileName);
  });

  it('keeps long names to a reasonable length', () => {
    expect(documentFileName('a'.repeat(500)).length).toBeLessThanOrEqual(80 + '.neurograph.json'.length);
  });
});
