import { EXAMPLES, Trainer } from '../../engine';
import { ExportError, exportNumpy, exportPyTorch } from '../../engine/export';
import { exportOnnx } from '../../engine/export/onnx';
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

export const EXPORT_FORMATS = ['json', 'pytorch', 'numpy', 'onnx'] as const;

export interface ExportOptions {
  /** NumPy and ONNX: the parameters reached after this many training steps (default: the initial ones). */
  steps?: number;
}

/**
 * `export <graph | example:NAME> [--to json|pytorch|numpy|onnx] [--steps N]`: prints the document, a
 * PyTorch script that trains it exactly as the engine does, a NumPy script of its forward pass, or
 * an ONNX model of it (binary: redirect it to a file).
 */
export function exportGraph(source: string | undefined, to: string, options: ExportOptions = {}): number {
  if (!(EXPORT_FORMATS as readonly string[]).includes(to)) {
    throw new UsageError(`cannot export to "${to}"; formats: ${EXPORT_FORMATS.join(', ')}`);
  }
  if (options.steps !== undefined && to !== 'numpy' && to !== 'onnx') {
    throw new UsageError(
      '--steps applies to --to numpy and --to onnx (parameters after N steps); the PyTorch script takes its own --steps',
    );
  }
  if (to === 'onnx' && process.stdout.isTTY) {
    throw new UsageError('an ONNX model is binary: send it to a file, e.g. `> net.onnx`');
  }
  const doc = loadDocument(source);
  if (to === 'json') {
    process.stdout.write(exportDocument(doc));
    return 0;
  }
  const plan = compileOrFail(doc);
  let output: string | Uint8Array;
  try {
    if (to === 'pytorch') output = exportPyTorch(plan, { name: doc.name }).source;
    else {
      const trainer = new Trainer(plan);
      for (let s = 0; s < (options.steps ?? 0); s++) trainer.trainStep();
      const theta = options.steps ? trainer.theta : undefined;
      output =
        to === 'onnx'
          ? exportOnnx(plan, { name: doc.name, theta }).bytes
          : exportNumpy(plan, { name: doc.name, theta }).source;
    }
  } catch (e) {
    if (e instanceof ExportError) throw new InputError(e.message);
    throw e;
  }
  process.stdout.write(output);
  return 0;
}
