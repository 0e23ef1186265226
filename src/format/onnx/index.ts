/**
 * ONNX in: a model file read as an MLP and drawn as a document. Loaded on demand in the app (it
 * brings protobufjs): `const { importOnnx } = await import('../format/onnx')`.
 */
import type { Problem } from '../problem';
import { drawableAsNeurons, type ImportLevel, mlpDocument } from './mlp-document';
import { type Mlp, readMlp } from './read-mlp';

export { drawableAsNeurons, type ImportLevel, MAX_NEURONS, mlpDocument } from './mlp-document';
export { type Mlp, readMlp, type Stage } from './read-mlp';

export type OnnxImportResult =
  | { ok: true; mlp: Mlp; document: ReturnType<typeof mlpDocument>['document']; notes: string[] }
  | { ok: false; problems: Problem[] };

/** Reads `bytes` and draws the MLP at `level` (dense layers unless neurons are chosen and fit). */
export function importOnnx(
  bytes: Uint8Array,
  level: ImportLevel = 'dense',
  fileName?: string,
): OnnxImportResult {
  const read = readMlp(bytes, fileName);
  if (!read.ok) return read;
  const { document, notes } = mlpDocument(read.mlp, level);
  return { ok: true, mlp: read.mlp, document, notes };
}

/** Whether the model is small enough, and plain enough, to be offered neuron by neuron. */
export const offersNeurons = drawableAsNeurons;
