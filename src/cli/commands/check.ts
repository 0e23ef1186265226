import { compile } from '../../engine';
import { loadDocument } from '../load';
import { describeDiagnostic } from '../plan';

/** `check <graph>`: prints every diagnostic; exit code 1 when there is an error. */
export function check(source: string | undefined): number {
  const doc = loadDocument(source);
  const { plan, diagnostics } = compile(doc);
  for (const d of diagnostics) process.stdout.write(`${describeDiagnostic(d)}\n`);
  if (!plan) return 1;
  process.stdout.write(
    `ok: "${doc.name}" — ${doc.nodes.length} nodes, ${doc.edges.length} edges, ${plan.trainableCount} trainable parameters\n`,
  );
  return 0;
}
