/**
 * importDocument must never throw, whatever it is given: a few hundred seeded random mutations of a
 * valid file (deleted fields, wrong types, unknown fields, cut or corrupted text) each end as a
 * document or as a list of problems. Documents that survive must also export and re-import
 * unchanged.
 */
import { describe, expect, it, vi } from 'vitest';
import { type AnyKind, defineKind } from '../../src/engine/kind';
import { choice, num } from '../../src/engine/params';
import { exportDocument } from '../../src/format/export';
import { type ImportResult, importDocument } from '../../src/format/import';

// Stand-in kinds are injected below; the engine's registry is kept out of format tests.
vi.mock('../../src/engine/registry', () => ({ getKind: () => undefined, KINDS: [] }));

const neuron: AnyKind = defineKind({
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
const source: AnyKind = defineKind({
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
const getKind = (id: string) => [neuron, source].find((k) => k.id === id);

const VALID = {
  format: 'neurograph',
  version: 1,
  name: 'Border at x = 3',
  description: 'fuzzing base',
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
    { id: 'e0', source: 's', sourceHandle: 'x0', target: 'n', targetHandle: 'in', weight: 1, label: 'w' },
    { id: 'e1', source: 's', sourceHandle: 'x1', target: 'n', targetHandle: 'in', weight: [0.5] },
  ],
  viewport: { x: 0, y: 0, zoom: 1 },
};

/** mulberry32: a tiny seeded generator, so a failing case can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const deep = (depth: number): unknown => (depth === 0 ? 1 : [deep(depth - 1)]);

const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -0,
  '',
  'x',
  'neuron',
  's',
  'in',
  'out',
  'x0',
  '1',
  [],
  {},
  [1, 'a'],
  [null],
  { x: 1 },
  { x: 'a', y: [] },
  'ü💥\u0000',
  'a'.repeat(5000),
  deep(40),
  Array.from({ length: 300 }, (_, i) => i),
];

type Container = Record<string, unknown> | unknown[];

/** Every object and list inside `value`, with itself first. */
function containers(value: unknown): Container[] {
  if (typeof value !== 'object' || value === null) return [];
  const inner = Object.values(value).flatMap(containers);
  return [value as Container, ...inner];
}

function mutateValue(doc: Record<string, unknown>, r: Rng): void {
  const target = r.pick(containers(doc));
  const keys = Object.keys(target);
  const key = keys.length > 0 ? r.pick(keys) : '0';
  const slot = target as Record<string, unknown>;
  switch (r.int(6)) {
    case 0:
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete slot[key];
      break;
    case 1:
    case 2:
      slot[key] = structuredClone(r.pick(ODD_VALUES));
      break;
    case 3:
      if (Array.isArray(target)) target.push(structuredClone(target[r.int(target.length)] ?? null));
      else slot[r.pick(['extra', 'weigth', 'id', 'kind', '__proto__', 'constructor'])] = r.pick(ODD_VALUES);
      break;
    case 4:
      if (!Array.isArray(target) && keys.length > 0) {
        slot[`${key}_renamed`] = slot[key];
        delete slot[key];
      }
      break;
    default: {
      const [a, b] = [r.pick(keys), r.pick(keys)];
      if (a !== undefined && b !== undefined) [slot[a], slot[b]] = [slot[b], slot[a]];
    }
  }
}

function mutateText(text: string, r: Rng): string {
  const at = r.int(text.length + 1);
  switch (r.int(4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return (
        text.slice(0, at) +
        r.pick(['{', '}', '[', ']', ',', ':', '"', "'", '\\', '\n', 'x', '/*', '\u0001']) +
        text.slice(at)
      );
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + r.int(20));
    default:
      return text.replace(/"\w+":/, '"__proto__":');
  }
}

function expectWellFormed(result: ImportResult): void {
  expect(typeof result.ok).toBe('boolean');
  const listed = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of [...listed, ...result.warnings]) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message).toMatch(/\S/);
  }
}

function importSafely(text: string): ImportResult {
  let result: ImportResult | undefined;
  expect(
    () => {
      result = importDocument(text, { getKind });
    },
    text.slice(0, 2000),
  ).not.toThrow();
  return result as ImportResult;
}

describe('importDocument never throws', () => {
  it('on a few hundred mutated documents; the ones it accepts round-trip', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const doc = structuredClone(VALID) as Record<string, unknown>;
      const mutations = 1 + r.int(4);
      for (let m = 0; m < mutations; m++) mutateValue(doc, r);
      let text = JSON.stringify(doc, null, r.int(3));
      if (r.next() < 0.25) text = mutateText(text, r);

      const result = importSafely(text);
      expectWellFormed(result);
      if (result.ok) {
        accepted++;
        const exported = exportDocument(result.document);
        const again = importDocument(exported, { getKind });
        expect(again.ok).toBe(true);
        if (again.ok) expect(exportDocument(again.document)).toBe(exported);
      }
    }
    // Some mutations are harmless (an unknown field, a swapped label); the loop must see both outcomes.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(400);
  });

  it('on JSON values that are not documents', () => {
    const r = rng(7);
    for (const value of [...ODD_VALUES, { format: 'neurograph' }, { format: 'neurograph', version: 1 }]) {
      expectWellFormed(importSafely(JSON.stringify(value)));
      expectWellFormed(importSafely(JSON.stringify({ ...VALID, nodes: value, edges: r.pick(ODD_VALUES) })));
    }
  });

  it('on random characters', () => {
    const r = rng(11);
    const alphabet = '{}[],:"\\ \n\t0123456789-+.eEtruefalsnl\'/*abc💥\u0000';
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: r.int(60) }, () => r.pick([...alphabet])).join('');
      expectWellFormed(importSafely(text));
    }
  });

  it('on deeply nested JSON', () => {
    const depth = 100_000;
    expectWellFormed(importSafely(`${'['.repeat(depth)}${']'.repeat(depth)}`));
    expectWellFormed(importSafely('['.repeat(depth)));
    const nestedParams = JSON.stringify({
      ...VALID,
      nodes: [{ ...VALID.nodes[1], params: { bias: 0 } }],
    }).replace('"bias":0', `"bias":${'['.repeat(depth)}${']'.repeat(depth)}`);
    expectWellFormed(importSafely(nestedParams));
  });

  it('on a large document', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({
      ...VALID.nodes[1],
      id: `n${i}`,
      kind: i % 3 ? 'neuron' : 'bad',
    }));
    const result = importSafely(JSON.stringify({ ...VALID, nodes, edges: [] }));
    expectWellFormed(result);
    // Thousands of identical problems help nobody: the list is capped with a closing summary.
    if (!result.ok) expect(result.problems.length).toBeLessThanOrEqual(200);
  });
});
