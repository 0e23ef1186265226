/**
 * Reading a saved file: text → JSON → upgraded to the current version → validated → document.
 * Never throws, whatever the text, and reports every problem it finds rather than the first, each
 * with a path into the file, so a learner who edited a file by hand can fix it in one pass.
 */
import { edgeId, nodeId } from '../engine/graph';
import { getKind as registryGetKind } from '../engine/registry';
import { bringWithinBounds } from './bounds';
import { checkComparedRuns } from './check-compared-runs';
import { checkGraph, type KindLookup } from './check-graph';
import { type MigrationChain, migrate, migrations } from './migrations';
import { parseJson } from './parse-json';
import { describeValue, isJsonObject, type Problem } from './problem';
import {
  CURRENT_VERSION,
  documentSchema,
  FORMAT_TAG,
  type NeurographDocument,
  type ParsedDocument,
} from './schema';
import { unknownFieldWarnings } from './unknown-fields';
import { issuesToProblems } from './zod-problems';

export interface ImportOptions {
  /** Where node kinds are looked up; the registry unless a test injects its own. */
  getKind?: KindLookup;
  /** The upgrade chain and the version it leads to; injected by tests of the mechanism. */
  migrations?: MigrationChain;
  currentVersion?: number;
  /** Longest text read, in characters; beyond it the file is refused before parsing. */
  maxLength?: number;
}

export type ImportResult =
  | { ok: true; document: NeurographDocument; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** 50 million characters: far above any network a person draws, far below what freezes a tab. */
export const DEFAULT_MAX_LENGTH = 50_000_000;

/** A list of thousands of problems helps nobody and can stall the UI that shows it. */
const MAX_PROBLEMS = 200;

export function importDocument(text: string, opts: ImportOptions = {}): ImportResult {
  try {
    return readDocument(text, opts);
  } catch (error) {
    // Every step is written not to throw; this is the promise kept if one still does.
    const reason = error instanceof Error ? error.message : String(error);
    return failure([{ path: '', message: `could not read this file: ${reason}` }]);
  }
}

function readDocument(text: string, opts: ImportOptions): ImportResult {
  // Callers in plain JavaScript (or a file reader gone wrong) can still pass something else.
  if (typeof text !== 'string') {
    return failure([{ path: '', message: `expected text, received ${describeValue(text)}` }]);
  }
  const maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return failure([
      { path: '', message: `the file is too large (${text.length} characters; the limit is ${maxLength})` },
    ]);
  }

  const json = parseJson(text);
  if (!json.ok) return failure([json.problem]);

  const notOurs = notNeurographProblem(json.value);
  if (notOurs) return failure([notOurs]);

  const current = opts.currentVersion ?? CURRENT_VERSION;
  const migrated = migrate(json.value, opts.migrations ?? migrations, current);
  if (!migrated.ok) return failure(migrated.problems);
  const raw = migrated.document;

  const warnings = unknownFieldWarnings(raw);
  warnings.push(...bringWithinBounds(raw));
  if (migrated.from < current) {
    warnings.unshift({
      path: 'version',
      message: `this file was upgraded from version ${migrated.from} to version ${current}; saving it writes version ${current}`,
    });
  }

  const parsed = documentSchema.safeParse(raw);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, raw);
  problems.push(...checkGraph(raw, opts.getKind ?? registryGetKind));

  if (problems.length > 0 || !parsed.success) return failure(problems, warnings);
  const document = toDocument(parsed.data);
  if (document.comparison) problems.push(...checkComparedRuns(document, document.comparison));
  if (problems.length > 0) return failure(problems, warnings);
  return { ok: true, document, warnings: capped(warnings) };
}

/** Refuses anything that is not a Neurograph file before looking further: other JSON gives noise. */
function notNeurographProblem(value: unknown): Problem | undefined {
  if (!isJsonObject(value)) {
    return {
      path: '',
      message: `expected a Neurograph document (a JSON object), received ${describeValue(value)}`,
    };
  }
  if (value.format === FORMAT_TAG) return undefined;
  if (value.format === undefined) {
    return {
      path: 'format',
      message: `missing field \`format\`: this does not look like a Neurograph file (expected "format": "${FORMAT_TAG}")`,
    };
  }
  return {
    path: 'format',
    message: `expected "${FORMAT_TAG}", received ${describeValue(value.format)}: this is not a Neurograph file`,
  };
}

/** The validated file as the app's document: ids branded, file-only fields ($schema, format, version) left out. */
function toDocument(d: ParsedDocument): NeurographDocument {
  const doc: NeurographDocument = {
    name: d.name,
    seed: d.seed,
    nodes: d.nodes.map((n) => ({ ...n, id: nodeId(n.id) })),
    edges: d.edges.map((e) => ({
      ...e,
      id: edgeId(e.id),
      source: nodeId(e.source),
      target: nodeId(e.target),
    })),
  };
  if (d.orderSeed !== undefined) doc.orderSeed = d.orderSeed;
  if (d.description !== undefined) doc.description = d.description;
  if (d.createdWith !== undefined) doc.createdWith = d.createdWith;
  if (d.viewport !== undefined) doc.viewport = d.viewport;
  if (d.comparison !== undefined) doc.comparison = d.comparison as NeurographDocument['comparison'];
  return doc;
}

function failure(problems: Problem[], warnings: Problem[] = []): ImportResult {
  return { ok: false, problems: capped(problems), warnings: capped(warnings) };
}

function capped(list: Problem[]): Problem[] {
  if (list.length <= MAX_PROBLEMS) return list;
  const rest = list.length - MAX_PROBLEMS + 1;
  return [...list.slice(0, MAX_PROBLEMS - 1), { path: '', message: `...and ${rest} more like these` }];
}
