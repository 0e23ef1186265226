/**
 * Upgrading old files. migrations[k] turns a version-k document into a version-k+1 one; migrate()
 * runs the chain from the file's version up to the current one, so every file ever saved still
 * opens. Migrations work on plain JSON (they run before validation, on shapes the current schema
 * may no longer accept) and need not set `version`: migrate() does after each step.
 */
import { describeValue, isJsonObject, type Problem } from './problem';
import { CURRENT_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;
export type Migration = (doc: JsonObject) => JsonObject;
export type MigrationChain = Readonly<Record<number, Migration>>;

/**
 * The real chain. When the format changes, bump CURRENT_VERSION, add migrations[old version] here
 * and a fixture for it in test/format/migrations.test.ts (a test fails until you do).
 */
export const migrations: MigrationChain = {
  /**
   * Version 2 adds `comparison` (runs compared, as named changes). A version-1 file has none, and
   * every field it has means the same in version 2; a field `comparison` that some other tool put
   * in a version-1 file was never ours, so it goes rather than being read as one.
   */
  1: ({ comparison: _, ...doc }) => doc,
};

export type MigrationResult =
  | { ok: true; document: JsonObject /** The version the file was saved with. */; from: number }
  | { ok: false; problems: Problem[] };

/** Never throws: a file it cannot upgrade becomes a problem naming the version. */
export function migrate(
  raw: unknown,
  chain: MigrationChain = migrations,
  current: number = CURRENT_VERSION,
): MigrationResult {
  if (!isJsonObject(raw)) {
    return failure('', `expected a Neurograph document (a JSON object), received ${describeValue(raw)}`);
  }
  const version = raw.version;
  if (version === undefined)
    return failure('version', 'missing field `version` (expected a whole number such as 1)');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return failure('version', `expected a whole number of at least 1, received ${describeValue(version)}`);
  }
  if (version > current) {
    return failure(
      'version',
      `this file was made by a newer Neurograph (version ${version}); this app reads up to version ${current}`,
    );
  }

  let doc = raw;
  for (let k = version; k < current; k++) {
    const step = Object.hasOwn(chain, k) ? chain[k] : undefined;
    if (!step)
      return failure('version', `cannot upgrade from version ${k}: no migration to version ${k + 1}`);
    try {
      const next = step(doc);
      if (!isJsonObject(next)) throw new Error(`the migration returned ${describeValue(next)}`);
      doc = { ...next, version: k + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return failure('', `could not upgrade this file from version ${k} to ${k + 1}: ${reason}`);
    }
  }
  return { ok: true, document: doc, from: version };
}

function failure(path: string, message: string): MigrationResult {
  return { ok: false, problems: [{ path, message }] };
}
