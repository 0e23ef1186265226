import { describe, expect, it, vi } from 'vitest';
import { type AnyKind, defineKind } from '../../src/engine/kind';
import { choice, num } from '../../src/engine/params';
import { importDocument } from '../../src/format/import';
import type { Problem } from '../../src/format/problem';
import { CURRENT_VERSION } from '../../src/format/schema';

// The format is tested against stand-in kinds, injected below; the real registry (and every engine
// kind it loads) is kept out so these tests pin the format's behaviour, not the kind catalogue.
vi.mock('../../src/engine/registry', () => ({ getKind: () => undefined, KINDS: [] }));

const neuron = defineKind({
  id: 'neuron',
  family: 'neurons',
  role: 'op',
  label: 'Neuron',
  description: 'test neuron',
  icon: 'N',
  params: { activation: choice('Activation', 'linear', ['linear', 'relu']), bias: num('Initial bias', 0) },
  ports: () => ({
    inputs: [{ id: 'in', label: 'x', accepts: ['scalar'], multiple: true, hint: 'connect a number' }],
    outputs: [{ id: 'out', label: 'y', type: 'scalar' }],
  }),
});

/** Its output ports depend on a parameter, like the Dataset's x0, x1, ... */
const source = defineKind({
  id: 'source',
  family: 'data',
  role: 'data',
  label: 'Source',
  description: 'test source',
  icon: 'S',
  params: { features: num('Features', 2, { integer: true, min: 1, max: 5 }) },
  ports: (p) => ({
    inputs: [],
    outputs: Array.from({ length: p.features }, (_, i) => ({
      id: `x${i}`,
      label: `x${i}`,
      type: 'scalar' as const,
    })),
  }),
});

const KINDS = new Map<string, AnyKind>([
  [neuron.id, neuron],
  [source.id, source],
]);
const getKind = (id: string) => KINDS.get(id);

/** A file's JSON, typed loosely: the tests below break it on purpose. */
type Loose = Record<string, unknown>;
interface FileNode extends Loose {
  position: Loose;
  params: Loose;
}
interface File extends Loose {
  nodes: FileNode[];
  edges: Loose[];
  viewport: Loose;
}

/** Source s → neuron n, as the file would hold it. */
function validFile(): File {
  return {
    format: 'neurograph',
    version: CURRENT_VERSION,
    name: 'Border at x = 3',
    seed: 1,
    nodes: [
      { id: 's', kind: 'source', label: 'data', position: { x: 0, y: 0 }, params: { features: 2 } },
      {
        id: 'n',
        kind: 'neuron',
        label: 'neuron',
        position: { x: 200, y: 0 },
        params: { activation: 'relu', bias: 1 },
        paramLabels: { bias: 'b' },
      },
    ],
    edges: [
      { id: 'e', source: 's', sourceHandle: 'x0', target: 'n', targetHandle: 'in', weight: 1, label: 'w' },
    ],
    viewport: { x: 0, y: 0, zoom: 1 },
  };
}

function importFile(edit: (file: File) => void = () => {}) {
  const file: File = validFile();
  edit(file);
  return importDocument(JSON.stringify(file, null, 2), { getKind });
}

function problemsOf(result: ReturnType<typeof importDocument>): Problem[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems;
}

describe('importDocument: a valid file', () => {
  it('gives the document, without the file-only fields, and no warnings', () => {
    const result = importFile();
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.document).toEqual({
      name: 'Border at x = 3',
      seed: 1,
      nodes: validFile().nodes,
      edges: validFile().edges,
      viewport: { x: 0, y: 0, zoom: 1 },
    });
    expect(result.document).not.toHaveProperty('format');
    expect(result.document).not.toHaveProperty('version');
  });

  it('accepts a byte-order mark, which some editors write', () => {
    expect(importDocument(`\uFEFF${JSON.stringify(validFile())}`, { getKind }).ok).toBe(true);
  });

  it('accepts a $schema field (editors use it) without a warning', () => {
    const result = importFile((f) => {
      f.$schema = './neurograph.schema.json';
    });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('importDocument: text that is not JSON', () => {
  it('names the line and column where the JSON breaks', () => {
    const text = '{\n  "format": "neurograph",\n  "version": 1,,\n}';
    expect(problemsOf(importDocument(text, { getKind }))).toEqual([
      { path: '', message: expect.stringMatching(/^not valid JSON: .*\(line 3, column 16\)$/) },
    ]);
  });

  it.each([
    ['a trailing comma', '{"format": "neurograph",}', /comma before '}'.*line 1, column 25/],
    ['single quotes', "{'format': 'neurograph'}", /double quotes.*line 1, column 2/],
    ['a comment', '{\n// saved by hand\n}', /comments.*line 2, column 1/],
    ['an unclosed string', '{"name": "Border}', /closing " is missing.*line 1, column 10/],
    ['a missing comma', '{"a": 1\n "b": 2}', /is a comma missing\?.*line 2, column 2/],
    ['a cut-off file', '{"nodes": [', /ends too early.*line 1, column 12/],
    ['plain words', 'hello', /double quotes.*line 1, column 1/],
    ['NaN', '{"seed": NaN}', /no NaN or Infinity/],
  ])('explains %s', (_, text, message) => {
    const [problem] = problemsOf(importDocument(text, { getKind }));
    expect(problem.message).toMatch(message);
  });

  it('says an empty file is empty', () => {
    expect(problemsOf(importDocument('  \n', { getKind }))[0].message).toMatch(/empty/);
  });

  it('refuses a text longer than the limit before parsing it', () => {
    const problems = problemsOf(importDocument(JSON.stringify(validFile()), { getKind, maxLength: 100 }));
    expect(problems[0].message).toMatch(/too large/);
  });
});

describe('importDocument: JSON that is not a Neurograph document', () => {
  it('refuses a list or a number', () => {
    expect(problemsOf(importDocument('[]', { getKind }))[0].message).toBe(
      'expected a Neurograph document (a JSON object), received an empty list',
    );
    expect(problemsOf(importDocument('42', { getKind }))[0].message).toMatch(/received the number 42/);
  });

  it('refuses another kind of JSON file with one problem, not a list of missing fields', () => {
    const problems = problemsOf(importDocument('{"name": "my-package", "version": "1.0.0"}', { getKind }));
    expect(problems).toEqual([
      { path: 'format', message: expect.stringContaining('does not look like a Neurograph file') },
    ]);
  });

  it('refuses a wrong format tag', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.format = 'tensorflow';
      }),
    );
    expect(problems).toEqual([
      {
        path: 'format',
        message: 'expected "neurograph", received the text "tensorflow": this is not a Neurograph file',
      },
    ]);
  });

  it('names the missing version field', () => {
    const problems = problemsOf(
      importFile((f) => {
        delete f.version;
      }),
    );
    expect(problems).toEqual([
      { path: 'version', message: expect.stringContaining('missing field `version`') },
    ]);
  });
});

describe('importDocument: wrong shapes', () => {
  it('says what was expected and what was received', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.nodes[0].position.x = '0';
        f.seed = 1.5;
        f.nodes = [...f.nodes, 'not a node' as unknown as FileNode];
      }),
    );
    expect(problems).toEqual([
      { path: 'seed', message: 'expected a whole number, received the number 1.5' },
      { path: 'nodes[0].position.x', message: 'expected a number, received the text "0"' },
      { path: 'nodes[2]', message: 'expected an object, received the text "not a node"' },
    ]);
  });

  it('names missing fields', () => {
    const problems = problemsOf(
      importFile((f) => {
        delete f.edges[0].target;
        delete f.name;
      }),
    );
    expect(problems).toEqual([
      { path: 'name', message: 'missing field `name` (expected text)' },
      { path: 'edges[0].target', message: 'missing field `target` (expected text)' },
    ]);
  });

  it('refuses empty ids', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.nodes[1].id = '';
      }),
    );
    expect(problems).toContainEqual({ path: 'nodes[1].id', message: 'must not be empty' });
  });

  it('points at the wrong element of a weight vector', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.edges[0].weight = [0.5, 'x'];
      }),
    );
    expect(problems).toEqual([
      { path: 'edges[0].weight[1]', message: 'expected a number, received the text "x"' },
    ]);
  });

  it('says a weight is a number or a list of numbers', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.edges[0].weight = 'heavy';
      }),
    );
    expect(problems).toEqual([
      {
        path: 'edges[0].weight',
        message: 'expected a number or a list of numbers, received the text "heavy"',
      },
    ]);
  });

  it('refuses numbers too large to store (JSON.parse reads 1e999 as Infinity)', () => {
    const text = JSON.stringify(validFile()).replace('"zoom":1', '"zoom":1e999');
    expect(problemsOf(importDocument(text, { getKind }))).toEqual([
      { path: 'viewport.zoom', message: 'expected a finite number' },
    ]);
  });
});

describe('importDocument: problems that need the node kinds', () => {
  it('reports an unknown kind', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.nodes[1].kind = 'neuronn';
      }),
    );
    expect(problems).toEqual([{ path: 'nodes[1].kind', message: 'unknown kind `neuronn`' }]);
  });

  it('a node without params takes every default; an unknown kind is still named', () => {
    const withoutParams = importFile((f) => {
      delete (f.nodes[1] as { params?: unknown }).params;
    });
    expect(withoutParams.ok && withoutParams.document.nodes[1].params).toEqual({});
    const problems = problemsOf(
      importFile((f) => {
        f.nodes[1].kind = 'nope';
        delete (f.nodes[1] as { params?: unknown }).params;
      }),
    );
    expect(problems).toEqual([{ path: 'nodes[1].kind', message: 'unknown kind `nope`' }]);
  });

  it('reports invalid and unknown parameters under nodes[i].params', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.nodes[1].params = { activation: 'sigmoidd', bias: '1', lr: 0.1 };
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'nodes[1].params.activation',
      'nodes[1].params.bias',
      'nodes[1].params.lr',
    ]);
    expect(problems[0].message).toMatch(/Activation must be one of linear, relu/);
    expect(problems[2].message).toMatch(/unknown parameter "lr"/);
  });

  it('reports edges to nodes that do not exist', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.edges[0].source = 'ghost';
        f.edges[0].target = 'nobody';
      }),
    );
    expect(problems).toEqual([
      { path: 'edges[0].source', message: 'no node has id `ghost`' },
      { path: 'edges[0].target', message: 'no node has id `nobody`' },
    ]);
  });

  it('reports ports the node does not have, listing the ones it has', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.edges[0].sourceHandle = 'x7';
        f.edges[0].targetHandle = 'input';
      }),
    );
    expect(problems).toEqual([
      {
        path: 'edges[0].sourceHandle',
        message: 'node `s` (Source) has no output port `x7`; its outputs are `x0`, `x1`',
      },
      {
        path: 'edges[0].targetHandle',
        message: 'node `n` (Neuron) has no input port `input`; its inputs are `in`',
      },
    ]);
  });

  it("reads a node's ports from its parameters", () => {
    const threeFeatures = importFile((f) => {
      f.nodes[0].params.features = 3;
      f.edges[0].sourceHandle = 'x2';
    });
    expect(threeFeatures.ok).toBe(true);
    const twoFeatures = importFile((f) => {
      f.edges[0].sourceHandle = 'x2';
    });
    expect(problemsOf(twoFeatures).map((p) => p.path)).toEqual(['edges[0].sourceHandle']);
  });

  it('reports duplicate node and edge ids', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.nodes.push({ ...f.nodes[1], position: { x: 200, y: 100 } });
        f.edges.push({ ...f.edges[0] });
      }),
    );
    expect(problems).toEqual([
      { path: 'nodes[2].id', message: 'duplicate node id `n` (nodes[1] has it too)' },
      { path: 'edges[1].id', message: 'duplicate edge id `e` (edges[0] has it too)' },
    ]);
  });

  it('collects every problem in one pass, not just the first', () => {
    const problems = problemsOf(
      importFile((f) => {
        f.nodes[0].position.y = null;
        f.nodes[1].kind = 'mystery';
        f.nodes.push({ ...f.nodes[1], id: 'm', kind: 'neuron', params: { bias: 'high' } });
        f.edges.push({ ...f.edges[0], id: 'e2', target: 'ghost' });
      }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'nodes[0].position.y',
      'nodes[1].kind',
      'nodes[2].params.bias',
      'edges[1].target',
    ]);
  });

  it('does not throw when a kind throws: the throw becomes a problem', () => {
    const broken = defineKind({
      ...neuron,
      ports: () => {
        throw new Error('boom');
      },
    });
    const result = importDocument(JSON.stringify(validFile()), {
      getKind: (id) => (id === 'neuron' ? broken : getKind(id)),
    });
    expect(problemsOf(result)).toEqual([
      { path: 'nodes[1].params', message: expect.stringContaining('boom') },
    ]);
  });
});

describe('importDocument: values within bounds', () => {
  it('moves a node placed beyond ±10,000,000 back to the limit, with a warning naming the coordinate', () => {
    const result = importFile((f) => {
      f.nodes[1].position.y = 1e20;
      f.nodes[0].position.x = -1e308;
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.nodes[0].position).toEqual({ x: -10_000_000, y: 0 });
    expect(result.document.nodes[1].position).toEqual({ x: 200, y: 10_000_000 });
    expect(result.warnings).toEqual([
      {
        path: 'nodes[0].position.x',
        message: '-1e+308 is too far from the origin; it was moved to -10000000 (the limit is ±10,000,000)',
      },
      {
        path: 'nodes[1].position.y',
        message: '1e+20 is too far from the origin; it was moved to 10000000 (the limit is ±10,000,000)',
      },
    ]);
  });

  it('keeps a node exactly at the limit, and a viewport far out, as they are', () => {
    const result = importFile((f) => {
      f.nodes[1].position.x = 10_000_000;
      f.viewport.x = -2e9;
    });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('keeps the first 10,000 characters of a longer description, and says so', () => {
    const result = importFile((f) => {
      f.description = 'ab'.repeat(6_000);
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.description).toHaveLength(10_000);
    expect(result.warnings).toEqual([
      {
        path: 'description',
        message: 'the description is 12,000 characters; only its first 10,000 were kept',
      },
    ]);
    // An emoji at the cut is not split in half.
    const emoji = importFile((f) => {
      f.description = `${'a'.repeat(9_999)}😀 and more`;
    });
    if (emoji.ok) expect(emoji.document.description).toBe('a'.repeat(9_999));
  });
});

describe('importDocument: unknown fields', () => {
  it('ignores them with a warning naming each one', () => {
    const result = importFile((f) => {
      f.author = 'me';
      f.nodes[0].colour = 'red';
      f.nodes[0].position.z = 0;
      f.edges[0].weigth = 2;
      f.viewport.rotation = 0;
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { path: 'author', message: 'unknown field `author` was ignored' },
      { path: 'viewport.rotation', message: 'unknown field `rotation` was ignored' },
      { path: 'nodes[0].colour', message: 'unknown field `colour` was ignored' },
      { path: 'nodes[0].position.z', message: 'unknown field `z` was ignored' },
      { path: 'edges[0].weigth', message: 'unknown field `weigth` was ignored' },
    ]);
    if (result.ok) expect(result.document.nodes[0]).not.toHaveProperty('colour');
  });

  it('still warns about them when the file has errors, since a typo often explains the error', () => {
    const result = importFile((f) => {
      f.nodez = f.nodes;
      delete (f as Loose).nodes;
    });
    expect(result.ok).toBe(false);
    expect(result.warnings).toEqual([{ path: 'nodez', message: 'unknown field `nodez` was ignored' }]);
  });
});
