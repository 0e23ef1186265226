/**
 * The `.lesson.json` file: a lesson (see src/engine/lessons/types.ts) as data, not code, with the
 * file's own fields around it (`$schema`, `format`, `version`) and its documents still references
 * (`{ "example": "<id>" }` or an inline Neurograph document).
 *
 * These zod/mini schemas (see ../schema-meta.ts for why mini) are the one description of the file; the loader (load.ts) adds the checks that
 * need the document (ids, labels, input sizes). At the end of this file the compiler holds them to
 * the engine's lesson types, field for field.
 */
import * as z from 'zod/mini';
import type {
  Approx,
  CheckExpectation,
  Comparison,
  Lesson,
  LessonAction,
  LessonCheck,
  LessonHighlight,
  LessonStep,
  LessonVariant,
  StepAfter,
  VariantAfter,
} from '../../engine/lessons';
import { PHASES } from '../../engine/runtime/trainer';
import { comparedRunsSchema } from '../compared-runs-schema';
import { meta } from '../schema-meta';

export const LESSON_FORMAT = 'neurograph-lesson';

/** The version this app reads and writes. */
export const LESSON_VERSION = 1;

/** Longest training a lesson may ask for in one action or variant (the UI runs it in a worker). */
export const MAX_TRAIN_STEPS = 1_000_000;

const text = (what: string) => meta(z.string().check(z.minLength(1)), { description: what });

const slug = meta(
  z.string().check(
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'expected an id of lowercase letters, digits and single dashes, like "border-at-3"',
    }),
  ),
  { description: 'Lowercase letters, digits and dashes, e.g. "border-at-3".' },
);

const nonnegative = () => z.number().check(z.nonnegative());
/** A whole number within [min, max] (either bound left out when undefined). */
const whole = (min?: number, max?: number) => {
  const bounds = [];
  if (min !== undefined) bounds.push(z.minimum(min));
  if (max !== undefined) bounds.push(z.maximum(max));
  return z.int().check(...bounds);
};

/**
 * A number as a lesson states it: a bare number with decimals holds when the actual value rounds to
 * it at the decimals written (−98.8 means within ±0.05); a whole number is meant exactly; an object
 * gives the tolerance explicitly.
 */
export const approxSchema = meta(
  z.union([z.number(), z.strictObject({ value: z.number(), tolerance: nonnegative() })], {
    error: 'expected a number, or { "value": number, "tolerance": number }',
  }),
  {
    description:
      'A bare number with decimals must match to the decimals written (−98.8: within ±0.05), a whole number exactly; { value, tolerance } gives the allowed difference.',
  },
);

export const COMPARISONS = ['<', '<=', '>', '>=', '='] as const satisfies readonly Comparison[];

/** What a check expects of the value it reads. */
export const expectationSchema = meta(
  z.union(
    [
      z.enum(['zero', 'positive', 'negative']),
      z.strictObject({
        op: z.enum(COMPARISONS),
        value: z.number(),
        tolerance: meta(z.optional(nonnegative()), {
          description: 'Only for "=": the allowed difference (default 0, exact).',
        }),
      }),
    ],
    {
      error:
        'expected "zero", "positive", "negative" or { "op": "<" | "<=" | ">" | ">=" | "=", "value": number }',
    },
  ),
  {
    description:
      '"zero" (exactly 0), "positive" (> 0), "negative" (< 0), or a comparison { "op", "value" } such as { "op": ">=", "value": 0.5 }.',
  },
);

export const checkSchema = z.strictObject({
  label: text(
    'What the check says, in KaTeX (without $ delimiters), e.g. "\\\\operatorname{relu}(w \\\\cdot 3 + b) > 0".',
  ),
  input: meta(z.array(z.number()), {
    description:
      "The example's features, fed to the Dataset node (so they pass through the whole graph, any scaling included); [] when the document has no dataset.",
  }),
  expect: expectationSchema,
  node: meta(z.optional(z.string().check(z.minLength(1))), {
    description: "Node whose output is read; default: the node feeding the trained loss's prediction.",
  }),
  port: meta(z.optional(z.string().check(z.minLength(1))), {
    description: "Output port (or internal buffer such as a neuron's z); default: the node's first output.",
  }),
  index: meta(z.optional(whole(0)), {
    description: 'Which number of that output, when it holds several; default 0.',
  }),
});

export const actionSchema = meta(
  z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('reset') }),
      z.strictObject({
        type: z.literal('step'),
        count: meta(z.optional(whole(1, MAX_TRAIN_STEPS)), {
          description: 'Complete training steps to run, shown one by one; default 1.',
        }),
      }),
      z.strictObject({
        type: z.literal('phase'),
        phase: meta(z.optional(z.enum(PHASES)), {
          description: 'The phase this runs, for the button label; the loader checks it is the next one.',
        }),
      }),
      z.strictObject({
        type: z.literal('train'),
        steps: meta(whole(1, MAX_TRAIN_STEPS), {
          description: 'Training steps to run at full speed, without showing each.',
        }),
      }),
    ],
    { error: 'expected an action whose "type" is "reset", "step", "phase" or "train"' },
  ),
  {
    description:
      'What pressing the step’s button does: reset to the initial parameters, run whole steps, run the next phase, or train many steps fast.',
  },
);

export const highlightSchema = z.strictObject({
  nodes: meta(z.optional(z.array(z.string().check(z.minLength(1)))), {
    description: 'Ids of nodes to highlight.',
  }),
  edges: meta(z.optional(z.array(z.string().check(z.minLength(1)))), {
    description: 'Ids of edges to highlight (an edge into a neuron is its weight).',
  }),
  notes: meta(
    z.optional(
      z.array(
        z.strictObject({
          node: meta(z.string().check(z.minLength(1)), {
            description: 'Id of the node the note sits next to.',
          }),
          text: text('The note, in Markdown with $…$ for KaTeX; shown on the canvas above the node.'),
        }),
      ),
    ),
    { description: 'Notes pinned next to nodes on the canvas while the step is shown.' },
  ),
});

const numbersByName = (what: string) =>
  meta(z.optional(z.record(z.string(), approxSchema)), { description: what });

/** Numbers that hold after a variant's training; a step's `after` adds its step count and the checks. */
export const variantAfterSchema = z.strictObject({
  loss: meta(z.optional(approxSchema), { description: 'L on the last batch (after its loss phase).' }),
  parameters: numbersByName(
    'Trainable parameters by label (the label of a weight edge, or a paramLabels name).',
  ),
  gradients: numbersByName('∂L/∂θ of the last backward pass, by parameter label.'),
  outputs: numbersByName(
    'Buffers of the last forward pass for the batch’s first example: "node" (its first output) or "node:port" (an output or an internal buffer such as "neuron:z").',
  ),
});

export const stepAfterSchema = z.extend(variantAfterSchema, {
  step: meta(z.optional(whole(0)), { description: 'Completed training steps.' }),
  checks: meta(z.optional(z.array(z.boolean())), {
    description: "Whether each of the lesson's checks passes, in order.",
  }),
});

export const stepSchema = z.strictObject({
  title: text('Short heading of the step.'),
  body: text('Markdown, with $…$ and $$…$$ for KaTeX.'),
  highlight: z.optional(highlightSchema),
  action: z.optional(actionSchema),
  after: meta(z.optional(stepAfterSchema), {
    description: 'What holds once the action has run (checked by the tests; the UI may show it).',
  }),
});

/**
 * Either `{ "example": "<id>" }` or an inline Neurograph document; the loader tells them apart by
 * the `example` field and validates the document with the document importer.
 */
export const documentRefSchema = meta(
  z.record(z.string(), z.unknown(), {
    error: 'expected an object: { "example": "<id>" } or a Neurograph document',
  }),
  { description: '{ "example": "<id>" } or an inline Neurograph document.' },
);

export const variantSchema = z.strictObject({
  id: slug,
  title: text('Short name of the variant.'),
  change: text('The change from the lesson’s document, in Markdown (each one, when there are several).'),
  changes: meta(z.optional(whole(1)), {
    description: 'How many separate changes from the lesson’s document (default 1); the panel shows it.',
  }),
  document: documentRefSchema,
  checks: meta(z.optional(z.array(checkSchema)), {
    description: "Checks adapted to this variant's output; default: the lesson's checks.",
  }),
  trainSteps: meta(whole(0, MAX_TRAIN_STEPS), {
    description: 'Training steps from the initial parameters before the checks are judged.',
  }),
  passes: meta(z.array(z.boolean()), {
    description: 'Whether each check passes after trainSteps steps, in order: the honest result.',
  }),
  result: text('The result in words (Markdown): what happens and why.'),
  after: z.optional(variantAfterSchema),
});

export const lessonSchema = meta(
  z.strictObject({
    $schema: z.optional(z.string()),
    format: z.literal(LESSON_FORMAT),
    version: whole(1),
    id: slug,
    title: text('Title of the lesson.'),
    summary: text('One or two sentences, Markdown.'),
    document: documentRefSchema,
    checks: z.array(checkSchema),
    steps: z.array(stepSchema).check(z.minLength(1)),
    variants: z.optional(z.array(variantSchema)),
    comparison: meta(z.optional(comparedRunsSchema), {
      description: "Runs compared on the lesson's network, opened with it: variants as named changes.",
    }),
  }),
  { title: 'Neurograph lesson', description: 'A guided lesson on a Neurograph document.' },
);

/** The file as the schema reads it, before the loader resolves its documents. */
export type LessonFile = z.output<typeof lessonSchema>;
export type VariantFile = z.output<typeof variantSchema>;

/**
 * `true` when A and B are the same type (not merely assignable each way: an optional field one has
 * and the other lacks makes them differ), `false` otherwise.
 */
type Agree<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Compile time only: the schemas read exactly the engine's lesson types, so a field added to,
// removed from or retyped in one and not the other fails here, at its name. The lesson and its
// variants differ only where the loader resolves them (documents, inherited checks).
({
  approx: true,
  expectation: true,
  check: true,
  action: true,
  highlight: true,
  variantAfter: true,
  stepAfter: true,
  step: true,
  variant: true,
  lesson: true,
}) satisfies {
  approx: Agree<z.output<typeof approxSchema>, Approx>;
  expectation: Agree<z.output<typeof expectationSchema>, CheckExpectation>;
  check: Agree<z.output<typeof checkSchema>, LessonCheck>;
  action: Agree<z.output<typeof actionSchema>, LessonAction>;
  highlight: Agree<z.output<typeof highlightSchema>, LessonHighlight>;
  variantAfter: Agree<z.output<typeof variantAfterSchema>, VariantAfter>;
  stepAfter: Agree<z.output<typeof stepAfterSchema>, StepAfter>;
  step: Agree<z.output<typeof stepSchema>, LessonStep>;
  variant: Agree<Omit<VariantFile, 'document' | 'checks'>, Omit<LessonVariant, 'document' | 'checks'>>;
  lesson: Agree<
    Omit<LessonFile, 'document' | 'variants' | '$schema' | 'format'>,
    Omit<Lesson, 'document' | 'variants'>
  >;
};

/** The lesson format as a JSON Schema, for editors that validate and complete lesson files. */
export function lessonJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(lessonSchema) as Record<string, unknown>;
}
