/** Reading lesson files: the built-in ones are valid, and a malformed one gets precise errors. */
import { readdirSync, readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { expectationTex, type Lesson } from '../../src/engine/lessons';
import {
  builtinLessons,
  findLesson,
  lessonFiles,
  lessonJsonSchema,
  type Problem,
  parseLesson,
  validateLesson,
} from '../../src/format';

const FILES = ['border-at-3', 'chain-rule', 'sgd-momentum-adam', 'what-a-neuron-learns'];
const fileText = (id: string) =>
  readFileSync(new URL(`../../src/lessons/${id}.lesson.json`, import.meta.url), 'utf8');
const fileJson = (id: string) => JSON.parse(fileText(id));

function load(value: unknown): Lesson {
  const result = validateLesson(value);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.lesson;
}

/** The problems of a lesson file changed by `edit` (a fresh copy of the file). */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach deep into raw JSON, as a hand edit would.
function problemsOf(edit: (lesson: Record<string, any>) => void, id = 'border-at-3'): Problem[] {
  const lesson = fileJson(id);
  edit(lesson);
  const result = validateLesson(lesson);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

/** Every KaTeX formula of a Markdown text: $$…$$ and $…$. */
function formulas(markdown: string): string[] {
  return [...markdown.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((m) => m[1] ?? m[2]);
}

describe('the lesson files', () => {
  it.each(FILES)('%s validates, with no warnings', (id) => {
    const result = parseLesson(fileText(id));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.lesson.id).toBe(id);
  });

  it('are the built-in lessons, with unique ids: every file in src/lessons, nothing to register', () => {
    const onDisk = readdirSync(new URL('../../src/lessons/', import.meta.url))
      .filter((f) => f.endsWith('.lesson.json'))
      .map((f) => f.replace(/\.lesson\.json$/, ''))
      .sort();
    expect(onDisk).toEqual(FILES);
    expect(lessonFiles().map((f) => (f as { id: string }).id)).toEqual(FILES);
    expect(builtinLessons().map((l) => l.id)).toEqual(FILES);
    expect(findLesson('chain-rule')?.document.example).toBe('micrograd');
  });

  it('has a JSON Schema for editors', () => {
    const schema = lessonJsonSchema();
    expect(schema.title).toBe('Neurograph lesson');
    expect(Object.keys(schema.properties as object)).toContain('variants');
  });

  it.each(FILES)('%s: every formula and check label renders with KaTeX', (id) => {
    const lesson = load(fileJson(id));
    const texts = [
      lesson.summary,
      ...lesson.steps.flatMap((s) => [s.title, s.body]),
      ...lesson.variants.flatMap((v) => [v.change, v.result]),
    ];
    const tex = [
      ...texts.flatMap(formulas),
      ...[...lesson.checks, ...lesson.variants.flatMap((v) => v.checks)].flatMap((c) => [
        c.label,
        expectationTex(c.expect),
      ]),
    ];
    expect(tex.length).toBeGreaterThan(10);
    for (const t of tex) expect(() => katex.renderToString(t, { throwOnError: true }), t).not.toThrow();
    // An odd number of $ would leave a formula open.
    for (const t of texts) expect((t.match(/\$/g) ?? []).length % 2, t).toBe(0);
  });
});

describe('a malformed lesson gets precise errors', () => {
  it('refuses text that is not JSON, with line and column', () => {
    const result = parseLesson('{\n  "format": "neurograph-lesson",\n  "id": oops\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toMatch(/^not valid JSON: .*\(line 3, column 9\)$/);
    expect(!result.ok && result.problems[0].message).not.toContain('undefined');
    expect(parseLesson('  ')).toMatchObject({
      ok: false,
      problems: [{ path: '', message: expect.stringContaining('empty') }],
    });
  });

  it('refuses other files and newer versions before looking further', () => {
    expect(problemsOf((l) => delete l.format)).toEqual([
      { path: 'format', message: expect.stringContaining('missing field `format`') },
    ]);
    expect(problemsOf((l) => (l.format = 'neurograph'))).toEqual([
      {
        path: 'format',
        message: 'expected "neurograph-lesson", received the text "neurograph": this is not a lesson',
      },
    ]);
    expect(problemsOf((l) => (l.version = 2))).toEqual([
      { path: 'version', message: expect.stringContaining('newer than this app reads (1)') },
    ]);
    expect(validateLesson([1])).toMatchObject({
      ok: false,
      problems: [{ path: '', message: expect.stringContaining('received a list') }],
    });
  });

  it('reports schema problems at their paths, all at once', () => {
    const problems = problemsOf((l) => {
      l.id = 'Border at 3';
      delete l.title;
      l.steps[1].hightlight = l.steps[1].highlight;
      l.steps[2].action = { type: 'jump' };
      l.steps[3].action = { type: 'train' };
      l.checks[0].input = ['2.9'];
      l.checks[1].expect = 'nonzero';
      l.checks[2].expect = { op: '!=', value: 0 };
      l.steps[4].after.gradients.w = 'eleven';
      l.variants[0].trainSteps = 1.5;
    });
    expect(problems).toEqual([
      { path: 'id', message: expect.stringContaining('lowercase letters, digits and single dashes') },
      { path: 'title', message: 'missing field `title` (expected text)' },
      { path: 'checks[0].input[0]', message: 'expected a number, received the text "2.9"' },
      {
        path: 'checks[1].expect',
        message: expect.stringMatching(
          /^expected "zero", "positive", "negative" or .*received the text "nonzero"$/,
        ),
      },
      { path: 'checks[2].expect.op', message: expect.stringContaining('received the text "!="') },
      { path: 'steps[1].hightlight', message: 'unknown field `hightlight`' },
      {
        path: 'steps[2].action.type',
        message: expect.stringContaining('"reset", "step", "phase" or "train"'),
      },
      { path: 'steps[3].action.steps', message: 'missing field `steps` (expected a number)' },
      { path: 'steps[4].after.gradients.w', message: expect.stringContaining('received the text "eleven"') },
      { path: 'variants[0].trainSteps', message: 'expected a whole number, received the number 1.5' },
    ]);
  });

  it('checks references against the document', () => {
    const problems = problemsOf((l) => {
      l.checks[0].input = [2.9, 1];
      l.checks[1].node = 'nowhere';
      l.checks[2].node = 'neuron';
      l.checks[2].port = 'zz';
      l.steps[0].highlight.edges.push('e9');
      l.steps[1].highlight.nodes[0] = 'lossy';
      l.steps[1].highlight.notes = [{ node: 'ghost', text: 'a note on no node' }];
      l.steps[4].action.phase = 'update';
      l.steps[0].after.parameters.wx = 1;
      l.steps[2].after.outputs['nope:z'] = 1;
      l.steps[0].after.checks = [false];
      l.variants[1].passes = [true];
      l.variants[2].id = l.variants[0].id;
    });
    expect(problems).toEqual([
      {
        path: 'checks[0].input',
        message: 'expected 1 number(s), one per feature of the dataset, received 2',
      },
      { path: 'checks[1].node', message: 'no node of the document has id `nowhere`' },
      { path: 'checks[2].port', message: 'node `neuron` has no output or buffer `zz`; it has `out`, `z`' },
      { path: 'steps[0].highlight.edges[1]', message: 'no edge of the document has id `e9`' },
      {
        path: 'steps[0].after.parameters.wx',
        message: 'no trainable parameter is labelled `wx`; the labels are `b`, `w`',
      },
      { path: 'steps[0].after.checks', message: 'expected one entry per check (4), received 1' },
      { path: 'steps[1].highlight.nodes[0]', message: 'no node of the document has id `lossy`' },
      { path: 'steps[1].highlight.notes[0].node', message: 'no node of the document has id `ghost`' },
      {
        path: 'steps[2].after.outputs["nope:z"]',
        message: expect.stringContaining('no node of the document has id `nope`'),
      },
      { path: 'steps[4].action.phase', message: 'the next phase here is `backward`, not `update`' },
      { path: 'variants[1].passes', message: 'expected one entry per check (4), received 1' },
      {
        path: 'variants[2].id',
        message: 'duplicate variant id `smaller-learning-rate` (variants[0] has it too)',
      },
    ]);
  });

  it('validates documents: unknown examples, and inline documents through the document importer', () => {
    expect(problemsOf((l) => (l.document = { example: 'border-at-4' }))).toEqual([
      { path: 'document.example', message: 'no example has id `border-at-4`' },
    ]);
    expect(problemsOf((l) => (l.document = 'border-at-3'))).toEqual([
      { path: 'document', message: 'expected an object, received the text "border-at-3"' },
    ]);
    const problems = problemsOf((l) => {
      l.variants[0].document.nodes[1].kind = 'neuronn';
      l.variants[1].document.nodes[0].params.batchSize = 0;
      l.variants[3].document.edges[0].source = 'ghost';
    });
    expect(problems).toEqual([
      { path: 'variants[0].document.nodes[1].kind', message: 'unknown kind `neuronn`' },
      {
        path: 'variants[1].document.nodes[0].params.batchSize',
        message: expect.stringContaining('at least 1'),
      },
      { path: 'variants[3].document.edges[0].source', message: 'no node has id `ghost`' },
    ]);
  });

  it('requires a document that runs, and points at the node that does not', () => {
    const problems = problemsOf((l) => {
      // Drop the edge from the data's target to the loss: the loss has no target.
      l.variants[4].document.edges = l.variants[4].document.edges.filter(
        (e: { id: string }) => e.id !== 'e3',
      );
    });
    expect(problems).toEqual([
      { path: 'variants[4].document.nodes[2]', message: expect.stringContaining('A loss needs a target') },
    ]);
  });

  it('checks a variant inherits are judged on its document too', () => {
    expect(problemsOf((l) => (l.variants[0].document.nodes[0].params.dataset = 'xor-table'))).toEqual([
      {
        path: 'checks[0].input',
        message:
          'expected 2 number(s), one per feature of the dataset, received 1 (in variant `smaller-learning-rate`)',
      },
      expect.objectContaining({ path: 'checks[1].input' }),
      expect.objectContaining({ path: 'checks[2].input' }),
      expect.objectContaining({ path: 'checks[3].input' }),
    ]);
  });

  it('a check with no dataset must have an empty input', () => {
    expect(problemsOf((l) => (l.checks[0].input = [1]), 'chain-rule')).toEqual([
      {
        path: 'checks[0].input',
        message: 'the document has no dataset, so the input must be [] (received 1 number(s))',
      },
    ]);
  });
});
