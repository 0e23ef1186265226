/**
 * The `.lesson.json` file: a lesson (see src/engine/lessons/types.ts) as data, not code, with the
 * file's own fields around it (`$schema`, `format`, `version`) and its documents still references
 * (`{ "example": "<id>" }` or an inline Neurograph document).
 *
 * These zod schemas are the one description of the file; the loader (load.ts) adds the checks that
 * need the document (ids, labels, input sizes). At the end of this file the compiler holds them to
 * the engine's lesson types, field for field.
 */
import { z } from 'zod';
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

export const LESSON_FORMAT = 'neurograph-lesson';

/** The version this app reads and writes. */
export const LESSON_VERSION = 1;

/** Longest training a lesson may ask for in one action or variant (the UI runs it in a worker). */
export const MAX_TRAIN_STEPS = 1_000_000;

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

export const COMPARISONS = ['<', '<=', '>', '>=', '='] as const satisfies readonly Comparison[];

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
  notes: z
    .array(
      z.strictObject({
        node: z.string().min(1).meta({ description: 'Id of the node the note sits next to.' }),
        text: text('The note, in Markdown with $…$ for KaTeX; shown on the canvas above the node.'),
      }),
    )
    .optional()
    .meta({ description: 'Notes pinned next to nodes on the canvas while the step is shown.' }),
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
  change: text('The change from the lesson’s document, in Markdown (each one, when there are several).'),
  changes: z.number().int().min(1).optional().meta({
    description: 'How many separate changes from the lesson’s document (default 1); the panel shows it.',
  }),
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
    comparison: comparedRunsSchema.optional().meta({
      description: "Runs compared on the lesson's network, opened with it: variants as named changes.",
    }),
  })
  .meta({ title: 'Neurograph lesson', description: 'A guided lesson on a Neurograph document.' });

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
