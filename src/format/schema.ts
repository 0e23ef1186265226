/**
 * The saved document as zod schemas: the one description of what a .neurograph.json file holds.
 * The importer validates with it, the unknown-field warnings read its key lists, and the JSON
 * Schema for editors is generated from it. Checks that need the node kinds (unknown kinds, ports,
 * parameter values) live in check-graph.ts, because they depend on the registry.
 * Written with zod/mini (see schema-meta.ts for why).
 */
import * as z from 'zod/mini';
import type { ComparedRuns } from '../engine/compare';
import type { Graph } from '../engine/graph';
import { comparedRunsSchema } from './compared-runs-schema';
import { meta } from './schema-meta';

export const FORMAT_TAG = 'neurograph';

/** The version this app writes. Bumping it means adding migrations[CURRENT_VERSION - 1]. */
export const CURRENT_VERSION = 2;

// zod 4's z.number() already refuses Infinity and NaN (JSON.parse turns 1e999 into Infinity).
const coordinate = z.number();
const id = (what: string) => meta(z.string().check(z.minLength(1)), { description: what });

export const positionSchema = z.object({ x: coordinate, y: coordinate });

export const viewportSchema = meta(
  z.object({ x: coordinate, y: coordinate, zoom: z.number().check(z.positive()) }),
  { description: 'Where the canvas was scrolled and zoomed when the file was saved.' },
);

/** Its own instance so the JSON Schema can list the registered kinds on exactly this field. */
export const kindIdSchema = meta(z.string().check(z.minLength(1)), {
  description: 'The node kind, e.g. "neuron", "dense" or "loss.mse".',
});

export const nodeSchema = z.object({
  id: id('Unique among the nodes; edges refer to it.'),
  kind: kindIdSchema,
  label: meta(z.optional(z.string()), { description: 'Name shown on the canvas.' }),
  position: positionSchema,
  params: meta(z._default(z.record(z.string(), z.unknown()), {}), {
    description: "Parameter values; missing ones (or all of them) take the kind's defaults.",
  }),
  paramLabels: meta(z.optional(z.record(z.string(), z.string())), {
    description: 'Names of trainable parameter blocks, e.g. { "bias": "b" }.',
  }),
});

export const edgeSchema = z.object({
  id: id('Unique among the edges.'),
  source: id('Id of the node the edge starts from.'),
  sourceHandle: meta(z.string().check(z.minLength(1)), {
    description: 'Output port of the source node, e.g. "out" or "x0".',
  }),
  target: id('Id of the node the edge ends at.'),
  targetHandle: meta(z.string().check(z.minLength(1)), {
    description: 'Input port of the target node, e.g. "in".',
  }),
  weight: meta(
    z.optional(
      z.union([z.number(), z.array(z.number())], { error: 'expected a number or a list of numbers' }),
    ),
    {
      description:
        "Initial weight: a number, or one per element of a vector; absent: drawn by the neuron's init.",
    },
  ),
  label: meta(z.optional(z.string()), { description: 'Name of the weight, e.g. "w".' }),
});

export const documentSchema = meta(
  z.object({
    $schema: meta(z.optional(z.string()), {
      description: 'Path or URL of neurograph.schema.json, for editors.',
    }),
    format: z.literal(FORMAT_TAG),
    version: meta(z.int().check(z.minimum(1)), {
      description: 'Format version; older files are upgraded on import.',
    }),
    name: z.string(),
    description: z.optional(z.string()),
    createdWith: meta(z.optional(z.string()), {
      description: 'The app that wrote the file, e.g. "neurograph 0.1.0".',
    }),
    seed: meta(z.int(), { description: 'Seed for initial weights, datasets and shuffling.' }),
    orderSeed: meta(z.optional(z.int()), {
      description:
        'Seed of the training order (shuffled batches, dropout masks); absent: `seed`. A compared run that changes the seed keeps the order.',
    }),
    nodes: z.array(nodeSchema),
    edges: z.array(edgeSchema),
    viewport: z.optional(viewportSchema),
    comparison: z.optional(comparedRunsSchema),
  }),
  { title: 'Neurograph document', description: 'A neural network drawn in Neurograph.' },
);

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
