import { EXAMPLES } from '../../engine';
import { exportDocument } from '../../format';
import { UsageError } from '../args';
import { loadDocument } from '../load';

/** `examples`: one line per built-in example. */
export function listExamples(): number {
  const width = Math.max(...EXAMPLES.map((e) => e.id.length));
  for (const e of EXAMPLES) process.stdout.write(`example:${e.id.padEnd(width)}  ${e.title} — ${e.result}\n`);
  return 0;
}

export const EXPORT_FORMATS = ['json'] as const;

/** `export <graph | example:NAME> [--to json]`: prints the document. */
export function exportGraph(source: string | undefined, to: string): number {
  if (!(EXPORT_FORMATS as readonly string[]).includes(to)) {
    throw new UsageError(`cannot export to "${to}"; formats: ${EXPORT_FORMATS.join(', ')}`);
  }
  process.stdout.write(exportDocument(loadDocument(source)));
  return 0;
}
