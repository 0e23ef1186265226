/**
 * zod/mini's form of classic zod's `.meta()`: records a schema's title and description for the JSON
 * Schemas written for editors (neurograph.schema.json, the lesson schema). Both formats use zod/mini,
 * not classic zod, because the document importer is part of the first load (issue #16): classic zod
 * brings a method for everything on every schema, ~16 kB gzip the first visit does not need.
 */
import * as z from 'zod/mini';

export function meta<T extends z.ZodMiniType>(schema: T, about: { title?: string; description: string }): T {
  z.globalRegistry.add(schema, about);
  return schema;
}
