/**
 * The document format as a JSON Schema (neurograph.schema.json), for editors that validate and
 * complete JSON as people type. Generated from the zod schemas, so it cannot drift from the
 * importer; the registered kind ids are added as the allowed values of a node's `kind`.
 */
import * as z from 'zod/mini';
import type { AnyKind } from '../engine/kind';
import { KINDS } from '../engine/registry';
import { documentSchema, kindIdSchema, nodeSchema } from './schema';

export type JsonSchema = Record<string, unknown>;

export function documentJsonSchema(kinds: readonly AnyKind[] = KINDS): JsonSchema {
  const ids = kinds.map((k) => k.id);
  return z.toJSONSchema(documentSchema, {
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === kindIdSchema && ids.length > 0) jsonSchema.enum = ids;
      // A file may leave a node's params out (all take their defaults); the reader fills them in.
      if (zodSchema === nodeSchema && Array.isArray(jsonSchema.required)) {
        jsonSchema.required = jsonSchema.required.filter((name) => name !== 'params');
      }
    },
  }) as JsonSchema;
}
