/**
 * Hostile files, kept in the suite: every built-in example, exported, is mutated by a seeded
 * generator (fields deleted, retyped, swapped, extreme numbers, cut or corrupted text) and goes
 * through import and, when accepted, the compiler — with the real registry. Each case either loads
 * (and compiles without throwing, to a plan or to diagnostics) or is rejected with problems that say
 * where (a path, or a line and column for broken JSON). Nothing throws. A failing case is replayed
 * from its example and seed, which the assertion message names.
 */
import { describe, expect, it } from 'vitest';
import { compile, EXAMPLES } from '../../src/engine';
import { exportDocument, importDocument, type Problem } from '../../src/format';

/** mulberry32: tiny and seeded. */
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

/** Values the probe found trouble with: far positions, huge and tiny numbers, wrong types, long text. */
const ODD: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  0.5,
  1e20,
  -1e308,
  1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  -0,
  1e-320,
  '',
  'x',
  'relu',
  'data',
  'out',
  'in',
  '1',
  [],
  {},
  [1, 'a'],
  [1e308, -1e308],
  { x: 1e20, y: -1e308 },
  'ü💥\u0000',
  'a'.repeat(3000),
];

type Container = Record<string, unknown> | unknown[];

function containers(value: unknown): Container[] {
  if (typeof value !== 'object' || value === null) return [];
  return [value as Container, ...Object.values(value).flatMap(containers)];
}

function mutateValue(doc: Record<string, unknown>, r: Rng): void {
  const target = r.pick(containers(doc));
  const keys = Object.keys(target);
  const key = keys.length > 0 ? r.pick(keys) : '0';
  const slot = target as Record<string, unknown>;
  switch (r.int(7)) {
    case 0:
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete slot[key];
      break;
    case 1:
    case 2:
      slot[key] = structuredClone(r.pick(ODD));
      break;
    case 3:
      // A number nudged to an extreme: the same field, a value no form would allow.
      if (typeof slot[key] === 'number')
        slot[key] = (slot[key] as number) * r.pick([-1, 1e6, 1e20, 1e300, 0]);
      else slot[key] = r.pick([1e9, -1e9, 0.5, 1e20]);
      break;
    case 4:
      if (Array.isArray(target)) target.push(structuredClone(target[r.int(target.length)] ?? null));
      else slot[r.pick(['extra', 'id', 'kind', 'weight', '__proto__'])] = structuredClone(r.pick(ODD));
      break;
    case 5: {
      // Two nodes or two edges share an id, or an edge points at another node's port.
      const lists = [doc.nodes, doc.edges].filter(Array.isArray) as Record<string, unknown>[][];
      const list = lists.length > 0 ? r.pick(lists) : [];
      if (list.length >= 2) {
        const [a, b] = [r.pick(list), r.pick(list)];
        const field = r.pick(['id', 'source', 'target', 'sourceHandle', 'targetHandle', 'kind', 'params']);
        const isObject = (v: unknown) => typeof v === 'object' && v !== null;
        if (isObject(a) && isObject(b)) a[field] = structuredClone(b[field]);
      }
      break;
    }
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
      return text.slice(0, at) + r.pick(['{', '}', ']', ',', '"', '\\', 'x', '1e400', '-']) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + r.int(20));
    default:
      // A number beyond the largest double: JSON.parse reads it as Infinity.
      return text.replace(/(-?\d+(\.\d+)?)(?=[,\s}\]])/, '1e400');
  }
}

/** Whether a problem says where: a path into the file, or a line and column in the text. */
const located = (p: Problem) =>
  p.path !== '' || /line \d+, column \d+|is empty|more like these/.test(p.message);

const CASES_PER_EXAMPLE = Math.ceil(1200 / EXAMPLES.length);

describe('every example, mutated: loads or is rejected with a path, never throws', () => {
  it(`${CASES_PER_EXAMPLE * EXAMPLES.length} seeded cases through import and compile`, {
    timeout: 30_000,
  }, () => {
    let loaded = 0;
    let rejected = 0;
    for (const example of EXAMPLES) {
      const base = exportDocument(example.build());
      for (let seed = 1; seed <= CASES_PER_EXAMPLE; seed++) {
        const r = rng(seed * 7919 + example.id.length);
        const doc = JSON.parse(base) as Record<string, unknown>;
        const edits = 1 + r.int(3);
        for (let k = 0; k < edits; k++) mutateValue(doc, r);
        let text = JSON.stringify(doc);
        if (r.int(4) === 0) text = mutateText(text, r);
        const replay = `example ${example.id}, seed ${seed}: ${text.slice(0, 300)}`;

        const result = importDocument(text);
        if (!result.ok) {
          rejected++;
          expect(result.problems.length, replay).toBeGreaterThan(0);
          const unlocated = result.problems.filter((p) => !located(p));
          expect(unlocated, replay).toEqual([]);
          continue;
        }
        loaded++;
        const { nodes, edges, seed: graphSeed } = result.document;
        let compiled: ReturnType<typeof compile> | undefined;
        expect(() => {
          compiled = compile({ nodes, edges, seed: graphSeed });
        }, replay).not.toThrow();
        // Compiles to a plan, or says why not.
        expect(compiled!.plan !== null || compiled!.diagnostics.length > 0, replay).toBe(true);
        // Whatever loaded is within the format's bounds.
        for (const n of nodes)
          expect(Math.abs(n.position.x) + Math.abs(n.position.y), replay).toBeLessThan(2e7 + 1);
      }
    }
    // The mutations are neither all harmless nor all fatal.
    expect(loaded).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
