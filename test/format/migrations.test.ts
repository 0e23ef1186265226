import { describe, expect, it, vi } from 'vitest';
import { importDocument } from '../../src/format/import';
import { type JsonObject, type MigrationChain, migrate, migrations } from '../../src/format/migrations';
import { CURRENT_VERSION } from '../../src/format/schema';

// Migrations work on plain JSON and need no node kinds; keep the engine's registry out of these tests.
vi.mock('../../src/engine/registry', () => ({ getKind: () => undefined, KINDS: [] }));

/**
 * One fixture per entry of the real chain: a file as version k wrote it, and what migrations[k]
 * must turn it into. The coverage test below fails when a migration is added without one.
 */
const v1Network = {
  format: 'neurograph',
  version: 1,
  name: 'Border at x = 3',
  seed: 1,
  nodes: [{ id: 'sgd', kind: 'opt.sgd', position: { x: 0, y: 0 }, params: { lr: 0.0001 } }],
  edges: [],
  viewport: { x: 0, y: 0, zoom: 1 },
};
const FIXTURES: Record<number, { before: JsonObject; after: JsonObject }> = {
  // Version 2 added runs compared: a version-1 file keeps every field, and a `comparison` some other
  // tool wrote into it is not read as one.
  1: { before: { ...v1Network, comparison: { anything: true } }, after: v1Network },
};

describe('the real migration chain', () => {
  it('has a fixture for every migration, and each fixture migrates as expected', () => {
    for (const key of Object.keys(migrations)) {
      const from = Number(key);
      const fixture = FIXTURES[from];
      expect(fixture, `migrations[${from}] has no fixture in FIXTURES`).toBeDefined();
      expect(migrate(structuredClone(fixture.before), migrations, from + 1)).toEqual({
        ok: true,
        document: { ...fixture.after, version: from + 1 },
        from,
      });
    }
  });

  it('leads from version 1 to the current version without a gap', () => {
    for (let k = 1; k < CURRENT_VERSION; k++)
      expect(migrations[k], `migrations[${k}]`).toBeTypeOf('function');
  });

  it('leaves a current file as it is', () => {
    const file = { format: 'neurograph', version: CURRENT_VERSION, name: 'n' };
    expect(migrate(file)).toEqual({ ok: true, document: file, from: CURRENT_VERSION });
  });
});

/**
 * A made-up history for testing the mechanism: version 1 called the name "title", version 2 renamed
 * it, version 3 added the seed.
 */
function testChain(calls: string[]): MigrationChain {
  return {
    1: (doc) => {
      calls.push(`1→2 saw version ${doc.version}`);
      const { title, ...rest } = doc;
      return { ...rest, name: title };
    },
    2: (doc) => {
      calls.push(`2→3 saw version ${doc.version}`);
      return { ...doc, seed: 7 };
    },
  };
}

describe('migrate with an injected chain', () => {
  it('runs the migrations in order, each on the version it was written for', () => {
    const calls: string[] = [];
    const result = migrate({ format: 'neurograph', version: 1, title: 'XOR' }, testChain(calls), 3);
    expect(calls).toEqual(['1→2 saw version 1', '2→3 saw version 2']);
    expect(result).toEqual({
      ok: true,
      document: { format: 'neurograph', version: 3, name: 'XOR', seed: 7 },
      from: 1,
    });
  });

  it('starts from the version the file has', () => {
    const calls: string[] = [];
    migrate({ version: 2, name: 'XOR' }, testChain(calls), 3);
    expect(calls).toEqual(['2→3 saw version 2']);
  });

  it('refuses a file from a newer Neurograph', () => {
    expect(migrate({ version: 3 }, {}, 1)).toEqual({
      ok: false,
      problems: [
        {
          path: 'version',
          message: 'this file was made by a newer Neurograph (version 3); this app reads up to version 1',
        },
      ],
    });
  });

  it('names a missing or malformed version', () => {
    expect(migrate({ format: 'neurograph' })).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'missing field `version` (expected a whole number such as 1)' }],
    });
    for (const version of ['1', 1.5, 0, null]) {
      const result = migrate({ version });
      expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['version']);
    }
  });

  it('reports a gap in the chain instead of skipping a step', () => {
    const result = migrate({ version: 1 }, { 2: (doc) => doc }, 3);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'cannot upgrade from version 1: no migration to version 2' }],
    });
  });

  it('turns a migration that throws into a problem', () => {
    const chain: MigrationChain = {
      1: () => {
        throw new Error('layers field is malformed');
      },
    };
    expect(migrate({ version: 1 }, chain, 2)).toEqual({
      ok: false,
      problems: [
        { path: '', message: 'could not upgrade this file from version 1 to 2: layers field is malformed' },
      ],
    });
  });
});

describe('importDocument with an injected chain', () => {
  it('upgrades an old file, validates the result, and says it was upgraded', () => {
    const v1 = { format: 'neurograph', version: 1, title: 'XOR', nodes: [], edges: [] };
    const result = importDocument(JSON.stringify(v1), {
      migrations: testChain([]),
      currentVersion: 3,
      getKind: () => undefined,
    });
    expect(result).toEqual({
      ok: true,
      document: { name: 'XOR', seed: 7, nodes: [], edges: [] },
      warnings: [
        {
          path: 'version',
          message: 'this file was upgraded from version 1 to version 3; saving it writes version 3',
        },
      ],
    });
  });

  it('refuses a newer file with the version message', () => {
    const result = importDocument('{"format": "neurograph", "version": 3}', { getKind: () => undefined });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'version',
          message: `this file was made by a newer Neurograph (version 3); this app reads up to version ${CURRENT_VERSION}`,
        },
      ],
      warnings: [],
    });
  });
});
