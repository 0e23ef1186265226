/**
 * Fields the format does not know: ignored, but each one warned about, because an unknown field is
 * usually a typo ("weigth") whose value the learner expected to count. The known fields are read
 * from the schemas themselves, so a field added to schema.ts is known here too.
 */
import type * as z from 'zod/mini';
import { formatPath, isJsonObject, type Problem } from './problem';
import { documentSchema, edgeSchema, nodeSchema, positionSchema, viewportSchema } from './schema';

type AnyObjectSchema = z.ZodMiniObject;

/** Warnings for unknown fields of the document, its nodes, edges, positions and viewport. */
export function unknownFieldWarnings(doc: Record<string, unknown>): Problem[] {
  const warnings: Problem[] = [];
  const check = (value: unknown, schema: AnyObjectSchema, path: PropertyKey[]) => {
    if (!isJsonObject(value)) return;
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(schema.shape, key)) {
        warnings.push({ path: formatPath([...path, key]), message: `unknown field \`${key}\` was ignored` });
      }
    }
  };

  check(doc, documentSchema, []);
  check(doc.viewport, viewportSchema, ['viewport']);
  if (Array.isArray(doc.nodes)) {
    doc.nodes.forEach((node, i) => {
      check(node, nodeSchema, ['nodes', i]);
      if (isJsonObject(node)) check(node.position, positionSchema, ['nodes', i, 'position']);
    });
  }
  if (Array.isArray(doc.edges)) {
    doc.edges.forEach((edge, i) => {
      check(edge, edgeSchema, ['edges', i]);
    });
  }
  return warnings;
}
