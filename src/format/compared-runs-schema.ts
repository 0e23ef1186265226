/**
 * Runs compared, as the file holds them (format version 2): each variant is a name and the changes
 * that make it (src/engine/compare), never a copy of the network. Whether each change fits the
 * network (a node that exists, an optimizer that is one) is checked by check-compared-runs.ts.
 * Written with zod/mini like the document's schema (see schema-meta.ts for why).
 */
import * as z from 'zod/mini';
import { MAX_STEPS, MAX_VARIANTS } from '../engine/compare/limits';
import { INIT_SCHEMES } from '../engine/init';
import { ELEMENTWISE_IDS } from '../engine/kinds/activation-functions';
import { meta } from './schema-meta';

const kindId = () =>
  meta(z.string().check(z.minLength(1)), { description: 'A node kind, e.g. "opt.adam" or "loss.bce".' });
const params = () =>
  meta(z.optional(z.record(z.string(), z.unknown())), {
    description: 'Parameters of the new kind; missing ones take their defaults.',
  });

export const changeSchema = meta(
  z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('learningRate'), value: z.number().check(z.positive()) }),
      z.strictObject({ type: z.literal('optimizer'), kind: kindId(), params: params() }),
      z.strictObject({
        type: z.literal('activation'),
        node: meta(z.string().check(z.minLength(1)), { description: 'Id of the neuron or dense layer.' }),
        activation: z.enum(ELEMENTWISE_IDS),
      }),
      z.strictObject({ type: z.literal('loss'), kind: kindId(), params: params() }),
      z.strictObject({ type: z.literal('init'), scheme: z.enum(INIT_SCHEMES) }),
      z.strictObject({ type: z.literal('seed'), value: z.int() }),
      z.strictObject({ type: z.literal('batchSize'), value: z.int().check(z.minimum(1)) }),
    ],
    {
      error:
        'expected a change whose "type" is "learningRate", "optimizer", "activation", "loss", "init", "seed" or "batchSize"',
    },
  ),
  { description: 'One named change: what it sets, e.g. { "type": "optimizer", "kind": "opt.adam" }.' },
);

export const variantSchema = z.strictObject({
  name: meta(z.string().check(z.minLength(1), z.maxLength(80)), {
    description: 'What the legend and the table call it.',
  }),
  changes: meta(z.array(changeSchema), {
    description: 'What makes it differ from the network; [] for the network itself.',
  }),
});

export const comparedRunsSchema = meta(
  z.strictObject({
    variants: z.array(variantSchema).check(z.minLength(1), z.maxLength(MAX_VARIANTS)),
    steps: meta(z.int().check(z.minimum(1), z.maximum(MAX_STEPS)), {
      description: 'Training steps each run takes.',
    }),
    target: meta(z.optional(z.number().check(z.positive())), {
      description: 'A training loss; the table says when each run first reaches it.',
    }),
    shown: meta(
      z.optional(
        z.strictObject({
          variant: z.int().check(z.minimum(0)),
          restore: z.array(changeSchema),
        }),
      ),
      {
        description:
          'The variant the canvas shows (the nodes above are that variant), and the changes that lead back to the network.',
      },
    ),
  }),
  {
    description:
      'Runs compared: up to four variants of this network, each a name and its changes, trained side by side.',
  },
);
