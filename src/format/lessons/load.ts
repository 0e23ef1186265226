/**
 * Reading a lesson: text (or an already parsed JSON value) → validated lesson with its documents
 * resolved. Like the document importer it never throws and reports every problem it finds, each at
 * a path into the file ("steps[3].highlight.edges[0]"), so an author fixes a lesson in one pass.
 *
 * Beyond the schema, it checks what needs the document: the example exists, an inline document
 * imports and compiles, highlighted ids exist, check inputs have the dataset's number of features,
 * stated parameters and outputs exist, `passes` and `after.checks` have one entry per check, and a
 * phase action names the phase that really comes next.
 */
import type * as z from 'zod/mini';
import type { ComparedRuns } from '../../engine/compare';
import { compile } from '../../engine/compiler/compile';
import type { Plan } from '../../engine/compiler/plan';
import { findExample } from '../../engine/examples';
import type { Graph } from '../../engine/graph';
import {
  type Lesson,
  type LessonCheck,
  type LessonDocument,
  type LessonStep,
  type LessonVariant,
  type StepAfter,
  splitOutputKey,
  type VariantAfter,
} from '../../engine/lessons';
import { PHASES, type Phase } from '../../engine/runtime/trainer';
import { findPrediction, nodeBuffer } from '../../engine/training/prediction';
import { checkComparedRuns } from '../check-compared-runs';
import { importDocument } from '../import';
import { findJsonSyntaxError, lineAndColumn } from '../json-syntax-error';
import { describeValue, formatPath, isJsonObject, type Problem } from '../problem';
import type { NeurographDocument } from '../schema';
import { issuesToProblems } from '../zod-problems';
import { LESSON_FORMAT, LESSON_VERSION, lessonSchema } from './schema';

/** A lesson as read from its file; its documents are the app's (name, description, viewport). */
export type LessonLoadResult =
  | { ok: true; lesson: Lesson<NeurographDocument>; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Reads a lesson from the text of a `.lesson.json` file. */
export function parseLesson(text: string): LessonLoadResult {
  if (typeof text !== 'string') {
    return {
      ok: false,
      problems: [{ path: '', message: `expected text, received ${describeValue(text)}` }],
      warnings: [],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return {
      ok: false,
      problems: [{ path: '', message: 'the file is empty: expected a lesson (a JSON object)' }],
      warnings: [],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const found = findJsonSyntaxError(body);
    const at = found && lineAndColumn(body, found.offset);
    const message =
      found && at
        ? `not valid JSON: ${found.message} (line ${at.line}, column ${at.column})`
        : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problems: [{ path: '', message }], warnings: [] };
  }
  return validateLesson(value);
}

/** Validates a parsed JSON value (e.g. a lesson file imported as a module) as a lesson. */
export function validateLesson(value: unknown): LessonLoadResult {
  try {
    return readLesson(value);
  } catch (error) {
    // Every step is written not to throw; this is the promise kept if one still does.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', message: `could not read this lesson: ${reason}` }],
      warnings: [],
    };
  }
}

function readLesson(value: unknown): LessonLoadResult {
  const head = headProblem(value);
  if (head) return { ok: false, problems: [head], warnings: [] };

  const parsed = lessonSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues, value), warnings: [] };
  const file = parsed.data;

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const resolve = (ref: Record<string, unknown>, path: string) => {
    const doc = resolveDocument(ref, path, problems, warnings);
    const plan = doc ? compileAt(doc.graph, path, problems) : undefined;
    return { doc, plan };
  };

  const main = resolve(file.document, 'document');
  if (main.doc && main.plan) {
    checkChecks(file.checks, 'checks', main.plan, problems);
    checkSteps(file.steps, file.checks.length, main.doc.graph, main.plan, problems);
  }

  const variants: LessonVariant<NeurographDocument>[] = [];
  const seen = new Map<string, number>();
  (file.variants ?? []).forEach((variant, i) => {
    const at = `variants[${i}]`;
    const first = seen.get(variant.id);
    if (first !== undefined) {
      problems.push({
        path: `${at}.id`,
        message: `duplicate variant id \`${variant.id}\` (variants[${first}] has it too)`,
      });
    } else seen.set(variant.id, i);
    const { doc, plan } = resolve(variant.document, `${at}.document`);
    const checks = variant.checks ?? file.checks;
    if (plan) {
      if (variant.checks) checkChecks(variant.checks, `${at}.checks`, plan, problems);
      else {
        // Inherited checks are reported at the lesson's checks, where they are written, and only
        // when they fail on this variant's document in a way they do not on the lesson's.
        const own: Problem[] = [];
        checkChecks(checks, 'checks', plan, own);
        const known = new Set(problems.map((p) => `${p.path}\n${p.message}`));
        for (const p of own) {
          if (!known.has(`${p.path}\n${p.message}`)) {
            problems.push({ path: p.path, message: `${p.message} (in variant \`${variant.id}\`)` });
          }
        }
      }
      if (variant.after) checkAfter(variant.after, `${at}.after`, plan, problems);
    }
    if (variant.passes.length !== checks.length) {
      problems.push({
        path: `${at}.passes`,
        message: `expected one entry per check (${checks.length}), received ${variant.passes.length}`,
      });
    }
    if (doc) variants.push({ ...variant, document: doc, checks });
  });

  // The runs compared must fit the lesson's network; the document opens with them.
  let document = main.doc;
  if (document && file.comparison) {
    const comparison = file.comparison as ComparedRuns;
    problems.push(...checkComparedRuns(document.graph, comparison));
    document = { ...document, graph: { ...document.graph, comparison } };
  }

  if (problems.length > 0 || !document) return { ok: false, problems, warnings };
  const { $schema: _schema, format: _format, ...rest } = file;
  return { ok: true, lesson: { ...rest, document, variants }, warnings };
}

/** Refuses what is not a lesson before looking further, and a version this app cannot read. */
function headProblem(value: unknown): Problem | undefined {
  if (!isJsonObject(value)) {
    return { path: '', message: `expected a lesson (a JSON object), received ${describeValue(value)}` };
  }
  if (value.format === undefined) {
    return {
      path: 'format',
      message: `missing field \`format\`: this does not look like a lesson (expected "format": "${LESSON_FORMAT}")`,
    };
  }
  if (value.format !== LESSON_FORMAT) {
    return {
      path: 'format',
      message: `expected "${LESSON_FORMAT}", received ${describeValue(value.format)}: this is not a lesson`,
    };
  }
  if (
    typeof value.version === 'number' &&
    Number.isInteger(value.version) &&
    value.version > LESSON_VERSION
  ) {
    return {
      path: 'version',
      message: `this lesson is version ${value.version}, newer than this app reads (${LESSON_VERSION}); update Neurograph`,
    };
  }
  return undefined;
}

/** zod issues as problems; an unknown field is an error in a lesson (it is most likely a typo). */
function zodProblems(issues: readonly z.core.$ZodIssue[], root: unknown): Problem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          message: `unknown field \`${key}\``,
        }))
      : issuesToProblems([issue], root),
  );
}

const prefixed = (prefix: string, p: Problem): Problem => ({
  path: p.path ? (p.path.startsWith('[') ? `${prefix}${p.path}` : `${prefix}.${p.path}`) : prefix,
  message: p.message,
});

/** `{ "example": id }` → that example's document; anything else → the document importer's verdict. */
function resolveDocument(
  ref: Record<string, unknown>,
  path: string,
  problems: Problem[],
  warnings: Problem[],
): LessonDocument<NeurographDocument> | undefined {
  if (Object.hasOwn(ref, 'example')) {
    const extra = Object.keys(ref).filter((k) => k !== 'example');
    for (const key of extra) {
      problems.push({
        path: `${path}.${key}`,
        message: `unknown field \`${key}\`: a reference to an example holds only \`example\``,
      });
    }
    if (typeof ref.example !== 'string') {
      problems.push({
        path: `${path}.example`,
        message: `expected an example id, received ${describeValue(ref.example)}`,
      });
      return undefined;
    }
    const example = findExample(ref.example);
    if (!example) {
      problems.push({ path: `${path}.example`, message: `no example has id \`${ref.example}\`` });
      return undefined;
    }
    return extra.length > 0 ? undefined : { example: example.id, graph: example.build() };
  }
  const result = importDocument(JSON.stringify(ref));
  warnings.push(...result.warnings.map((w) => prefixed(path, w)));
  if (!result.ok) {
    problems.push(...result.problems.map((p) => prefixed(path, p)));
    return undefined;
  }
  return { graph: result.document };
}

/** The plan, or a problem for each of the compiler's errors, at the node or edge concerned. */
function compileAt(graph: Graph, path: string, problems: Problem[]): Plan | undefined {
  const { plan, diagnostics } = compile(graph);
  if (plan) return plan;
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const node = d.nodeId ? graph.nodes.findIndex((n) => n.id === d.nodeId) : -1;
    const edge = d.edgeId ? graph.edges.findIndex((e) => e.id === d.edgeId) : -1;
    const where = edge >= 0 ? `${path}.edges[${edge}]` : node >= 0 ? `${path}.nodes[${node}]` : path;
    problems.push({ path: where, message: `the lesson's document must run: ${d.message}` });
  }
  if (!problems.some((p) => p.path.startsWith(path))) {
    problems.push({ path, message: 'the lesson’s document does not compile' });
  }
  return undefined;
}

function checkChecks(checks: readonly LessonCheck[], path: string, plan: Plan, problems: Problem[]): void {
  const features = plan.data?.table.nFeatures ?? 0;
  const prediction = findPrediction(plan);
  checks.forEach((check, i) => {
    const at = `${path}[${i}]`;
    if (check.input.length !== features) {
      problems.push({
        path: `${at}.input`,
        message: plan.data
          ? `expected ${features} number(s), one per feature of the dataset, received ${check.input.length}`
          : `the document has no dataset, so the input must be [] (received ${check.input.length} number(s))`,
      });
    }
    if (check.node === undefined) {
      if (!prediction) {
        problems.push({
          path: at,
          message: `the document has no trained loss reading a prediction: name the \`node\` to read`,
        });
      }
      if (check.port !== undefined) {
        problems.push({ path: `${at}.port`, message: `a \`port\` needs a \`node\`` });
      }
      return;
    }
    const node = plan.nodes.get(check.node as never);
    if (!node) {
      problems.push({ path: `${at}.node`, message: `no node of the document has id \`${check.node}\`` });
      return;
    }
    if (node.kind.role === 'loss') {
      problems.push({
        path: `${at}.node`,
        message: `\`${check.node}\` is a loss: it needs a target, not just an input`,
      });
      return;
    }
    const port = check.port ?? Object.keys(node.outputs)[0];
    const slot = port === undefined ? undefined : nodeBuffer(node, port);
    if (!slot) {
      problems.push({
        path: `${at}.port`,
        message: `node \`${check.node}\` has no output or buffer \`${check.port}\`; it has ${listNames([...Object.keys(node.outputs), ...Object.keys(node.scratch)])}`,
      });
    } else if ((check.index ?? 0) >= slot.width) {
      problems.push({
        path: `${at}.index`,
        message: `must be less than ${slot.width}, the size of that output`,
      });
    }
  });
}

function checkSteps(
  steps: readonly LessonStep[],
  checkCount: number,
  graph: Graph,
  plan: Plan,
  problems: Problem[],
): void {
  const nodeIds = new Set<string>(graph.nodes.map((n) => n.id));
  const edgeIds = new Set<string>(graph.edges.map((e) => e.id));
  let next: Phase = 'forward';
  steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    step.highlight?.nodes?.forEach((id, k) => {
      if (!nodeIds.has(id))
        problems.push({
          path: `${at}.highlight.nodes[${k}]`,
          message: `no node of the document has id \`${id}\``,
        });
    });
    step.highlight?.notes?.forEach((note, k) => {
      if (!nodeIds.has(note.node))
        problems.push({
          path: `${at}.highlight.notes[${k}].node`,
          message: `no node of the document has id \`${note.node}\``,
        });
    });
    step.highlight?.edges?.forEach((id, k) => {
      if (!edgeIds.has(id))
        problems.push({
          path: `${at}.highlight.edges[${k}]`,
          message: `no edge of the document has id \`${id}\``,
        });
    });
    const action = step.action;
    if (action?.type === 'phase') {
      if (action.phase !== undefined && action.phase !== next) {
        problems.push({
          path: `${at}.action.phase`,
          message: `the next phase here is \`${next}\`, not \`${action.phase}\``,
        });
      }
      next = PHASES[(PHASES.indexOf(next) + 1) % PHASES.length];
    } else if (action) {
      next = 'forward';
    }
    if (step.after) {
      checkAfter(step.after, `${at}.after`, plan, problems);
      if (step.after.checks && step.after.checks.length !== checkCount) {
        problems.push({
          path: `${at}.after.checks`,
          message: `expected one entry per check (${checkCount}), received ${step.after.checks.length}`,
        });
      }
    }
  });
}

function checkAfter(after: VariantAfter | StepAfter, path: string, plan: Plan, problems: Problem[]): void {
  const labels = plan.blocks.map((b) => b.label);
  for (const field of ['parameters', 'gradients'] as const) {
    for (const label of Object.keys(after[field] ?? {})) {
      if (!labels.includes(label)) {
        problems.push({
          path: `${path}.${field}${childPath(label)}`,
          message: `no trainable parameter is labelled \`${label}\`; the labels are ${listNames(labels)}`,
        });
      }
    }
  }
  for (const key of Object.keys(after.outputs ?? {})) {
    const { node: id, port } = splitOutputKey(key);
    const node = plan.nodes.get(id as never);
    const slot = node && (port === undefined ? Object.values(node.outputs)[0] : nodeBuffer(node, port));
    if (!slot) {
      problems.push({
        path: `${path}.outputs${childPath(key)}`,
        message: node
          ? `node \`${id}\` has no output or buffer \`${port}\``
          : `no node of the document has id \`${id}\` (write "node" or "node:port")`,
      });
    }
  }
}

/** ".w" for a plain key, '["my rate"]' for one that needs quoting. */
function childPath(key: string): string {
  return formatPath(['x', key]).slice(1);
}

function listNames(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `\`${n}\``).join(', ');
}
