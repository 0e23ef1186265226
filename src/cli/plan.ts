/** Compiles a document for a command, turning diagnostics into one readable error. */
import { compile, type Diagnostic, type Plan } from '../engine';
import type { NeurographDocument } from '../format';
import { InputError } from './load';

export function describeDiagnostic(d: Diagnostic): string {
  const where = d.nodeId ? ` (node ${d.nodeId})` : d.edgeId ? ` (edge ${d.edgeId})` : '';
  return `${d.severity}: ${d.message}${where}`;
}

export function compileOrFail(doc: NeurographDocument): Plan {
  const { plan, diagnostics } = compile(doc);
  for (const d of diagnostics)
    if (d.severity === 'warning') process.stderr.write(`${describeDiagnostic(d)}\n`);
  if (!plan) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `  ${describeDiagnostic(d)}`);
    throw new InputError(`the graph "${doc.name}" cannot run:\n${errors.join('\n')}`);
  }
  return plan;
}
