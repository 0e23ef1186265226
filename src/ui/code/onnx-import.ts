/**
 * Opening an ONNX model: read as an MLP (the reader and protobufjs load on first use), then drawn
 * as dense layers, or neuron by neuron when the person chooses it for a small one (a dialog asks).
 * A model that is not an MLP, or not whole, gets the import problems dialog; the network open now
 * is untouched until a drawing is chosen.
 */
import type { ImportLevel, Mlp } from '../../format/onnx';
import { useSession } from '../../store';
import { openAndShow } from '../actions/documents';

const problem = (fileName: string, message: string) =>
  useSession.getState().openDialog({ type: 'import-problems', fileName, problems: [{ path: '', message }] });

export async function importOnnxFile(file: File): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    problem(
      file.name,
      `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
  const { readMlp, offersNeurons } = await import('../../format/onnx');
  const read = readMlp(bytes, file.name);
  if (!read.ok) {
    useSession
      .getState()
      .openDialog({ type: 'import-problems', fileName: file.name, problems: read.problems });
    return false;
  }
  if (offersNeurons(read.mlp)) {
    useSession.getState().openDialog({ type: 'onnx-import', fileName: file.name, mlp: read.mlp });
    return true;
  }
  await openOnnx(read.mlp, 'dense', file.name);
  return true;
}

/** The MLP as a new document (the previous one a click away), saying what was drawn and what is left to do. */
export async function openOnnx(mlp: Mlp, level: ImportLevel, fileName: string): Promise<void> {
  const { mlpDocument } = await import('../../format/onnx');
  const { document, notes } = mlpDocument(mlp, level);
  const sizes = [mlp.features.length, ...mlp.stages.flatMap((s) => (s.type === 'layer' ? [s.units] : []))];
  const note = notes.length > 0 ? ` Note: ${notes.join('; ')}.` : '';
  openAndShow(
    document,
    `Opened “${fileName}”: an MLP ${sizes.join('-')} with its weights as initial values.${note}`,
  );
}

/** A short description of the MLP for the dialog: "2-8-8-1, tanh, tanh, sigmoid". */
export function describeMlp(mlp: Mlp): string {
  const layers = mlp.stages.filter((s) => s.type === 'layer');
  const sizes = [mlp.features.length, ...layers.map((l) => l.units)].join('-');
  return `${sizes} (${layers.map((l) => (l.activation === 'linear' ? 'identity' : l.activation)).join(', ')})`;
}
