/**
 * The saved document as zod schemas: the one description of what a .neurograph.json file holds.
 * The importer validates with it, the unknown-field warnings read its key lists, and the JSON
 * Schema for editors is generated from it. Checks that need the node kinds (unknown kinds, ports,
 * parameter values) live in check-graph.ts, because they depend on the registry.
 */
import { z } from 'zod';
import type { ComparedRuns } from '../engine/compare';
import type { Graph } from '../engine/graph';
import { comparedRunsSchema } from './compared-runs-schema';

export const FORMAT_TAG = 'neurograph';

/** The version this app writes. Bumping it means adding migrations[CURRENT_VERSION - 1]. */
export const CURRENT_VERSION = 2;

// zod 4's z.number() already refuses Infinity and NaN (JSON.parse turns 1e999 into Infinity).
const coordinate = z.number();
const id = (what: string) => z.string().min(1).meta({ description: what });

export const positionSchema = z.object({ x: coordinate, y: coordinate });

export const viewportSchema = z
  .object({ x: coordinate, y: coordinate, zoom: z.number().positive() })
  .meta({ description: 'Where the canvas was scrolled and zoomed when the file was saved.' });

/** Its own instance so the JSON Schema can list the registered kinds on exactly this field. */
export const kindIdSchema = z
  .string()
  .min(1)
  .meta({ description: 'The node kind, e.g. "neuron", "dense" or "loss.mse".' });

export const nodeSchema = z.object({
  id: id('Unique among the nodes; edges refer to it.'),
  kind: kindIdSchema,
  label: z.string().optional().meta({ description: 'Name shown on the canvas.' }),
  position: positionSchema,
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .meta({ description: "Parameter values; missing ones (or all of them) take the kind's defaults." }),
  paramLabels: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: 'Names of trainable parameter blocks, e.g. { "bias": "b" }.' }),
});

export const edgeSchema = z.object({
  id: id('Unique among the edges.'),
  source: id('Id of the node the edge starts from.'),
  sourceHandle: z
    .string()
    .min(1)
    .meta({ description: 'Output port of the source node, e.g. "out" or "x0".' }),
  target: id('Id of the node the edge ends at.'),
  targetHandle: z.string().min(1).meta({ description: 'Input port of the target node, e.g. "in".' }),
  weight: z
    .union([z.number(), z.array(z.number())], { error: 'expected a number or a list of numbers' })
    .optional()
    .meta({
      description:
        "Initial weight: a number, or one per element of a vector; absent: drawn by the neuron's init.",
    }),
  label: z.string().optional().meta({ description: 'Name of the weight, e.g. "w".' }),
});

export const documentSchema = z
  .object({
    $schema: z
      .string()
      .optional()
      .meta({ description: 'Path or URL of neurograph.schema.json, for editors.' }),
    format: z.literal(FORMAT_TAG),
    version: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'Format version; older files are upgraded on import.' }),
    name: z.string(),
    description: z.string().optional(),
    createdWith: z
      .string()
      .optional()
      .meta({ description: 'The app that wrote the file, e.g. "neurograph 0.1.0".' }),
    seed: z.number().int().meta({ description: 'Seed for initial weights, datasets and shuffling.' }),
    nodes: z.array(nodeSchema),
    edges: z.array(edgeSchema),
    viewport: viewportSchema.optional(),
    comparison: comparedRunsSchema.optional(),
  })
  .meta({ title: 'Neurograph document', description: 'A neural network drawn in Neurograph.' });

export type ParsedDocument = z.output<typeof documentSchema>;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * A document as the app holds it: the engine's graph plus what the file adds around it. The format
 * tag and version are not here: they describe the file, and export always writes the current ones.
 */
export interface NeurographDocument extends Graph {
  name: string;
  description?: string;
  /** The app that wrote the file, e.g. "neurograph 0.1.0". */
  createdWith?: string;
  /** UI state: where the canvas was when saved. */
  viewport?: Viewport;
  /** Runs compared: variants of this network as named changes (version 2). */
  comparison?: ComparedRuns;
}
