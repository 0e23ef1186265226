/**
 * A lesson is data, not code: a `.lesson.json` file that names a document (a built-in example or an
 * inline Neurograph document), checks on the network's prediction, the steps that teach (text,
 * highlights on the canvas, an action to run) and variants of the document, each one change away.
 * Every number a lesson states can be stated machine-checkably (a step's `after`, a variant's
 * `passes`), so a test replays the lesson through the engine and holds it to its words.
 *
 * These zod schemas are the one description of the file; the loader (load.ts) adds the checks that
 * need the document (ids, labels, input sizes).
 */
import { z } from 'zod';
import { PHASES } from '../runtime/trainer';

export const LESSON_FORMAT = 'neurograph-lesson';

/** The version this app reads and writes. */
export const LESSON_VERSION = 1;

/** Longest training a lesson may ask for in one action or variant (the UI runs it in a worker). */
export const MAX_TRAIN_STEPS = 100_000;

const text = (what: string) => z.string().min(1).meta({ description: what });

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected an id of lowercase letters, digits and single dashes, like "border-at-3"',
  })
  .meta({ description: 'Lowercase letters, digits and dashes, e.g. "border-at-3".' });

/**
 * A number as a lesson states it: a bare number with decimals holds when the actual value rounds to
 * it at the decimals written (−98.8 means within ±0.05); a whole number is meant exactly; an object
 * gives the tolerance explicitly.
 */
export const approxSchema = z
  .union([z.number(), z.strictObject({ value: z.number(), tolerance: z.number().nonnegative() })], {
    error: 'expected a number, or { "value": number, "tolerance": number }',
  })
  .meta({
    description:
      'A bare number with decimals must match to the decimals written (−98.8: within ±0.05), a whole number exactly; { value, tolerance } gives the allowed difference.',
  });

export const COMPARISONS = ['<', '<=', '>', '>=', '='] as const;

/** What a check expects of the value it reads. */
export const expectationSchema = z
  .union(
    [
      z.enum(['zero', 'positive', 'negative']),
      z.strictObject({
        op: z.enum(COMPARISONS),
        value: z.number(),
        tolerance: z
          .number()
          .nonnegative()
          .optional()
          .meta({ description: 'Only for "=": the allowed difference (default 0, exact).' }),
      }),
    ],
    {
      error:
        'expected "zero", "positive", "negative" or { "op": "<" | "<=" | ">" | ">=" | "=", "value": number }',
    },
  )
  .meta({
    description:
      '"zero" (exactly 0), "positive" (> 0), "negative" (< 0), or a comparison { "op", "value" } such as { "op": ">=", "value": 0.5 }.',
  });

export const checkSchema = z.strictObject({
  label: text(
    'What the check says, in KaTeX (without $ delimiters), e.g. "\\\\operatorname{relu}(w \\\\cdot 3 + b) > 0".',
  ),
  input: z.array(z.number()).meta({
    description:
      "The example's features, fed to the Dataset node (so they pass through the whole graph, any scaling included); [] when the document has no dataset.",
  }),
  expect: expectationSchema,
  node: z.string().min(1).optional().meta({
    description: "Node whose output is read; default: the node feeding the trained loss's prediction.",
  }),
  port: z.string().min(1).optional().meta({
    description: "Output port (or internal buffer such as a neuron's z); default: the node's first output.",
  }),
  index: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({ description: 'Which number of that output, when it holds several; default 0.' }),
});

export const actionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('reset') }),
      z.strictObject({
        type: z.literal('step'),
        count: z
          .number()
          .int()
          .min(1)
          .max(MAX_TRAIN_STEPS)
          .optional()
          .meta({ description: 'Complete training steps to run, shown one by one; default 1.' }),
      }),
      z.strictObject({
        type: z.literal('phase'),
        phase: z.enum(PHASES).optional().meta({
          description: 'The phase this runs, for the button label; the loader checks it is the next one.',
        }),
      }),
      z.strictObject({
        type: z.literal('train'),
        steps: z
          .number()
          .int()
          .min(1)
          .max(MAX_TRAIN_STEPS)
          .meta({ description: 'Training steps to run at full speed, without showing each.' }),
      }),
    ],
    { error: 'expected an action whose "type" is "reset", "step", "phase" or "train"' },
  )
  .meta({
    description:
      'What pressing the step’s button does: reset to the initial parameters, run whole steps, run the next phase, or train many steps fast.',
  });

export const highlightSchema = z.strictObject({
  nodes: z.array(z.string().min(1)).optional().meta({ description: 'Ids of nodes to highlight.' }),
  edges: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Ids of edges to highlight (an edge into a neuron is its weight).' }),
});

const numbersByName = (what: string) =>
  z.record(z.string(), approxSchema).optional().meta({ description: what });

/** Numbers that hold after a variant's training; a step's `after` adds its step count and the checks. */
export const variantAfterSchema = z.strictObject({
  loss: approxSchema.optional().meta({ description: 'L on the last batch (after its loss phase).' }),
  parameters: numbersByName(
    'Trainable parameters by label (the label of a weight edge, or a paramLabels name).',
  ),
  gradients: numbersByName('∂L/∂θ of the last backward pass, by parameter label.'),
  outputs: numbersByName(
    'Buffers of the last forward pass for the batch’s first example: "node" (its first output) or "node:port" (an output or an internal buffer such as "neuron:z").',
  ),
});

export const stepAfterSchema = variantAfterSchema.extend({
  step: z.number().int().nonnegative().optional().meta({ description: 'Completed training steps.' }),
  checks: z
    .array(z.boolean())
    .optional()
    .meta({ description: "Whether each of the lesson's checks passes, in order." }),
});

export const stepSchema = z.strictObject({
  title: text('Short heading of the step.'),
  body: text('Markdown, with $…$ and $$…$$ for KaTeX.'),
  highlight: highlightSchema.optional(),
  action: actionSchema.optional(),
  after: stepAfterSchema
    .optional()
    .meta({ description: 'What holds once the action has run (checked by the tests; the UI may show it).' }),
});

/**
 * Either `{ "example": "<id>" }` or an inline Neurograph document; the loader tells them apart by
 * the `example` field and validates the document with the document importer.
 */
export const documentRefSchema = z
  .record(z.string(), z.unknown(), {
    error: 'expected an object: { "example": "<id>" } or a Neurograph document',
  })
  .meta({ description: '{ "example": "<id>" } or an inline Neurograph document.' });

export const variantSchema = z.strictObject({
  id: slug,
  title: text('Short name of the variant.'),
  change: text('The one change from the lesson’s document, in Markdown.'),
  document: documentRefSchema,
  checks: z
    .array(checkSchema)
    .optional()
    .meta({ description: "Checks adapted to this variant's output; default: the lesson's checks." }),
  trainSteps: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_TRAIN_STEPS)
    .meta({ description: 'Training steps from the initial parameters before the checks are judged.' }),
  passes: z
    .array(z.boolean())
    .meta({ description: 'Whether each check passes after trainSteps steps, in order: the honest result.' }),
  result: text('The result in words (Markdown): what happens and why.'),
  after: variantAfterSchema.optional(),
});

export const lessonSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(LESSON_FORMAT),
    version: z.number().int().min(1),
    id: slug,
    title: text('Title of the lesson.'),
    summary: text('One or two sentences, Markdown.'),
    document: documentRefSchema,
    checks: z.array(checkSchema),
    steps: z.array(stepSchema).min(1),
    variants: z.array(variantSchema).optional(),
  })
  .meta({ title: 'Neurograph lesson', description: 'A guided lesson on a Neurograph document.' });

export type Approx = z.output<typeof approxSchema>;
export type CheckExpectation = z.output<typeof expectationSchema>;
export type LessonCheck = z.output<typeof checkSchema>;
export type LessonAction = z.output<typeof actionSchema>;
export type LessonHighlight = z.output<typeof highlightSchema>;
export type VariantAfter = z.output<typeof variantAfterSchema>;
export type StepAfter = z.output<typeof stepAfterSchema>;
export type LessonStep = z.output<typeof stepSchema>;
export type LessonFile = z.output<typeof lessonSchema>;
export type VariantFile = z.output<typeof variantSchema>;

/** The lesson format as a JSON Schema, for editors that validate and complete lesson files. */
export function lessonJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(lessonSchema) as Record<string, unknown>;
}
