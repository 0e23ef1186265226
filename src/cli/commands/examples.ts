import { EXAMPLES, Trainer } from '../../engine';
import { ExportError, exportNumpy, exportPyTorch } from '../../engine/export';
import { exportDocument } from '../../format';
import { UsageError } from '../args';
import { InputError, loadDocument } from '../load';
import { compileOrFail } from '../plan';

/** `examples`: one line per built-in example. */
export function listExamples(): number {
  const width = Math.max(...EXAMPLES.map((e) => e.id.length));
  for (const e of EXAMPLES) process.stdout.write(`example:${e.id.padEnd(width)}  ${e.title} — ${e.result}\n`);
  return 0;
}

export const EXPORT_FORMATS = ['json', 'pytorch', 'numpy'] as const;

export interface ExportOptions {
  /** NumPy only: embed the parameters reached after this many training steps (default: the initial ones). */
  steps?: number;
}

/**
 * `export <graph | example:NAME> [--to json|pytorch|numpy] [--steps N]`: prints the document, a
 * PyTorch script that trains it exactly as the engine does, or a NumPy script of its forward pass.
 */
export function exportGraph(source: string | undefined, to: string, options: ExportOptions = {}): number {
  if (!(EXPORT_FORMATS as readonly string[]).includes(to)) {
    throw new UsageError(`cannot export to "${to}"; formats: ${EXPORT_FORMATS.join(', ')}`);
  }
  if (options.steps !== undefined && to !== 'numpy') {
    throw new UsageError(
      '--steps applies to --to numpy (parameters after N steps); the PyTorch script takes its own --steps',
    );
  }
  const doc = loadDocument(source);
  if (to === 'json') {
    process.stdout.write(exportDocument(doc));
    return 0;
  }
  const plan = compileOrFail(doc);
  let script: { source: string };
  try {
    if (to === 'pytorch') script = exportPyTorch(plan, { name: doc.name });
    else {
      const trainer = new Trainer(plan);
      for (let s = 0; s < (options.steps ?? 0); s++) trainer.trainStep();
      script = exportNumpy(plan, { name: doc.name, theta: options.steps ? trainer.theta : undefined });
    }
  } catch (e) {
    if (e instanceof ExportError) throw new InputError(e.message);
    throw e;
  }
  process.stdout.write(script.source);
  return 0;
}
