import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildMlp } from '../../src/engine/examples/mlp';
import { nodeId } from '../../src/engine/graph';
import { createRng } from '../../src/engine/rng';
import {
  hasSharedDocument,
  LONG_LINK_CHARS,
  type NeurographDocument,
  readShareHash,
  shareHash,
  shareLink,
} from '../../src/format';

const BASE = 'https://example.org/neurograph/';

function sampleDocument(): NeurographDocument {
  const g = buildMlp({
    name: 'XOR — “shared” ✓',
    sizes: [2, 3, 1],
    hidden: 'tanh',
    output: 'sigmoid',
    level: 'neuron',
    dataset: { dataset: 'xor', batchSize: 4 },
    loss: { kind: 'loss.mse' },
    optimizer: { kind: 'opt.adam', params: { lr: 0.05 } },
  });
  return {
    ...g,
    description: 'Line one\nline “two”, with ünïcödé and 😀',
    createdWith: 'neurograph',
    nodes: [
      ...g.nodes,
      {
        id: nodeId('csv'),
        kind: 'dataset.csv',
        label: 'My table',
        position: { x: -300, y: 40.5 },
        params: { csv: 'a,b,label\r\n1,"2,5",yes\n3,4,no\n', features: ['a', 'b'], target: 'label' },
      },
    ],
    viewport: { x: 10, y: 20, zoom: 1.5 },
  };
}

const hashOf = (url: string) => new URL(url).hash;

/** Valid link data for any text: what a link to a non-document would carry. */
const packed = (text: string) => `#doc=${Buffer.from(deflateSync(strToU8(text))).toString('base64url')}`;

function problemsOf(hash: string): string[] {
  const result = readShareHash(hash);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
}

describe('share links', () => {
  it('round-trips a document (all but the viewport, which the receiver fits to their screen)', () => {
    const doc = sampleDocument();
    const link = shareLink(doc, BASE);
    expect(link.url.startsWith(`${BASE}#doc=`)).toBe(true);
    expect(link.length).toBe(link.url.length);
    const result = readShareHash(hashOf(link.url));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { viewport: _v, ...expected } = doc;
    expect(result.document).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it('uses only characters a URL keeps as they are, and compresses', () => {
    const doc = sampleDocument();
    const hash = shareHash(doc);
    expect(hash).toMatch(/^#doc=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(JSON.stringify(doc).length);
  });

  it('replaces a hash already on the base address', () => {
    const link = shareLink(sampleDocument(), `${BASE}#doc=old`);
    expect(link.url.indexOf('#')).toBe(BASE.length);
    expect(link.url.split('#')).toHaveLength(2);
  });

  it('is the same link for the same document', () => {
    expect(shareHash(sampleDocument())).toBe(shareHash(sampleDocument()));
  });

  it('finds the document among other hash parameters', () => {
    const hash = shareHash(sampleDocument());
    expect(hasSharedDocument(hash)).toBe(true);
    expect(hasSharedDocument('')).toBe(false);
    expect(hasSharedDocument('#section-2')).toBe(false);
    expect(readShareHash(`#from=mail&${hash.slice(1)}`).ok).toBe(true);
  });
});

describe('a damaged link is reported precisely, never thrown', () => {
  const good = shareHash(sampleDocument());

  it('a character that a link never contains, with its position', () => {
    const broken = `${good.slice(0, 20)}%${good.slice(21)}`;
    expect(problemsOf(broken)).toEqual([
      'this link is damaged: character 16 of its data is “%”, which a share link never contains (was it changed or cut when copied?)',
    ]);
  });

  it('a link cut short', () => {
    const messages = [good.slice(0, good.length - 7), good.slice(0, 40), good.slice(0, 9)].flatMap(
      problemsOf,
    );
    for (const m of messages) expect(m).toMatch(/^this link is damaged: .*cut short/);
  });

  it('changed data that still looks like a link', () => {
    const data = good.slice(5);
    const flipped = `#doc=${data.slice(0, 30)}${data[30] === 'A' ? 'B' : 'A'}${data.slice(31)}`;
    const result = readShareHash(flipped);
    expect(result.ok).toBe(false);
  });

  it('no data at all', () => {
    expect(problemsOf('#doc=')).toEqual(['this link is damaged: it holds no data after “#doc=”']);
    expect(problemsOf('#other=1')).toEqual([
      'this link holds no network (expected “#doc=…” after the address)',
    ]);
  });

  it('something that is not a Neurograph document', () => {
    expect(problemsOf(packed('{"hello": 1}'))).toEqual([
      'format: missing field `format`: this does not look like a Neurograph file (expected "format": "neurograph")',
    ]);
    expect(problemsOf(packed('{"format": "neuro'))[0]).toMatch(/^not valid JSON: .*line 1, column 12/);
  });

  it('a document with a problem, with its path, as an imported file would', () => {
    const doc = JSON.stringify({
      format: 'neurograph',
      version: 1,
      name: 'x',
      seed: 1,
      nodes: [{ id: 'a', kind: 'no.such.kind', position: { x: 0, y: 0 }, params: {} }],
      edges: [],
    });
    expect(problemsOf(packed(doc))).toEqual(['nodes[0].kind: unknown kind `no.such.kind`']);
  });

  it('a link that would unpack to too much', () => {
    const bomb = `#doc=${Buffer.from(deflateSync(new Uint8Array(9_000_000))).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(20_000);
    expect(problemsOf(bomb)).toEqual(['this link is damaged: it unpacks to more than 8000000 bytes']);
  });

  it('bytes that are not UTF-8 text', () => {
    const hash = `#doc=${Buffer.from(deflateSync(Uint8Array.of(0xff, 0xfe, 0x80))).toString('base64url')}`;
    expect(problemsOf(hash)).toEqual([
      'this link is damaged: its data unpacks to something that is not text',
    ]);
  });
});

describe('long links', () => {
  it('a small network gives a short link and no warning', () => {
    const link = shareLink(sampleDocument(), BASE);
    expect(link.length).toBeLessThan(LONG_LINK_CHARS);
    expect(link.warning).toBeUndefined();
  });

  it('beyond about 8 kB, the link comes with advice to share the file instead', () => {
    const rng = createRng(5);
    const rows = Array.from({ length: 800 }, () => `${rng.next()},${rng.next()},${rng.int(2)}`);
    const doc = sampleDocument();
    doc.nodes[doc.nodes.length - 1].params.csv = `a,b,label\n${rows.join('\n')}\n`;
    const link = shareLink(doc, BASE);
    expect(link.length).toBeGreaterThan(LONG_LINK_CHARS);
    expect(link.warning).toMatch(
      /^This link is long \(\d+(\.\d)?k characters\): .*share the file instead \(Export\)\.$/,
    );
    // Still a working link.
    expect(readShareHash(hashOf(link.url)).ok).toBe(true);
  });
});
