/**
 * Runs compared, as the file holds them (format version 2): each variant is a name and the changes
 * that make it (src/engine/compare), never a copy of the network. Whether each change fits the
 * network (a node that exists, an optimizer that is one) is checked by check-compared-runs.ts.
 */
import { z } from 'zod';
import { MAX_STEPS, MAX_VARIANTS } from '../engine/compare/limits';
import { INIT_SCHEMES } from '../engine/init';
import { ELEMENTWISE_IDS } from '../engine/kinds/activation-functions';

const kindId = z.string().min(1).meta({ description: 'A node kind, e.g. "opt.adam" or "loss.bce".' });
const params = z
  .record(z.string(), z.unknown())
  .optional()
  .meta({ description: 'Parameters of the new kind; missing ones take their defaults.' });

export const changeSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('learningRate'), value: z.number().positive() }),
      z.strictObject({ type: z.literal('optimizer'), kind: kindId, params }),
      z.strictObject({
        type: z.literal('activation'),
        node: z.string().min(1).meta({ description: 'Id of the neuron or dense layer.' }),
        activation: z.enum(ELEMENTWISE_IDS),
      }),
      z.strictObject({ type: z.literal('loss'), kind: kindId, params }),
      z.strictObject({ type: z.literal('init'), scheme: z.enum(INIT_SCHEMES) }),
      z.strictObject({ type: z.literal('seed'), value: z.number().int() }),
      z.strictObject({ type: z.literal('batchSize'), value: z.number().int().min(1) }),
    ],
    {
      error:
        'expected a change whose "type" is "learningRate", "optimizer", "activation", "loss", "init", "seed" or "batchSize"',
    },
  )
  .meta({ description: 'One named change: what it sets, e.g. { "type": "optimizer", "kind": "opt.adam" }.' });

export const variantSchema = z.strictObject({
  name: z.string().min(1).max(80).meta({ description: 'What the legend and the table call it.' }),
  changes: z
    .array(changeSchema)
    .meta({ description: 'What makes it differ from the network; [] for the network itself.' }),
});

export const comparedRunsSchema = z
  .strictObject({
    variants: z.array(variantSchema).min(1).max(MAX_VARIANTS),
    steps: z.number().int().min(1).max(MAX_STEPS).meta({ description: 'Training steps each run takes.' }),
    target: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'A training loss; the table says when each run first reaches it.' }),
    shown: z
      .strictObject({
        variant: z.number().int().nonnegative(),
        restore: z.array(changeSchema),
      })
      .optional()
      .meta({
        description:
          'The variant the canvas shows (the nodes above are that variant), and the changes that lead back to the network.',
      }),
  })
  .meta({
    description:
      'Runs compared: up to four variants of this network, each a name and its changes, trained side by side.',
  });
