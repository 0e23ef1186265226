/**
 * The network as code and as an ONNX model, from the compiled plan and the parameters it has now
 * (the training run's, once it has run). The Code view and the Export menu both read these.
 */
import type { Plan } from '../../engine';
import { ExportError, exportNumpy, exportPyTorch, type PythonScript } from '../../engine/export';
import { documentFileName } from '../../format';
import { useCompiled, useDocument, useSession } from '../../store';
import { currentParameters } from '../../store/trained-parameters';
import { useOverlay, useTraining } from '../../store/training-app';
import { downloadBlob } from '../pictures/pictures';

export type ScriptKind = 'pytorch' | 'numpy';

export type ScriptResult = { ok: true; script: PythonScript; step: number } | { ok: false; message: string };

/** Why there is no plan to export: the compiler's first error, in a sentence. */
function notRunnable(): string {
  const { result } = useCompiled.getState();
  const first = result.diagnostics.find((d) => d.severity === 'error');
  return `The network cannot run yet${first ? `: ${first.message}` : ''}. Fix it on the canvas and the code follows.`;
}

const plan = (): Plan | null => useCompiled.getState().result.plan ?? null;

/** The script of the current network (NumPy with the current parameters), or why there is none. */
export function currentScript(kind: ScriptKind): ScriptResult {
  const p = plan();
  if (!p) return { ok: false, message: notRunnable() };
  const name = useDocument.getState().name;
  try {
    if (kind === 'pytorch') return { ok: true, script: exportPyTorch(p, { name }), step: 0 };
    const { theta, step } = currentParameters(p, useOverlay.getState(), useTraining.getState());
    return { ok: true, script: exportNumpy(p, { name, theta: step > 0 ? theta : undefined }), step };
  } catch (e) {
    if (e instanceof ExportError) return { ok: false, message: sentence(e.message) };
    throw e;
  }
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

function refuse(message: string): void {
  useSession.getState().showToast(message, { tone: 'error', duration: 10_000 });
}

export function downloadScript(kind: ScriptKind): void {
  const r = currentScript(kind);
  if (!r.ok) {
    refuse(r.message);
    return;
  }
  downloadBlob(new Blob([r.script.source], { type: 'text/x-python' }), r.script.filename);
}

/** Downloads the network as .onnx with its current parameters; the writer is loaded on first use. */
export async function downloadOnnx(): Promise<void> {
  const p = plan();
  if (!p) {
    refuse(notRunnable());
    return;
  }
  const { exportOnnx } = await import('../../engine/export/onnx');
  const { theta, step } = currentParameters(p, useOverlay.getState(), useTraining.getState());
  const name = useDocument.getState().name;
  try {
    const file = exportOnnx(p, { name, theta: step > 0 ? theta : undefined });
    downloadBlob(new Blob([file.bytes as BlobPart], { type: 'application/octet-stream' }), file.filename);
    useSession
      .getState()
      .showToast(
        `Saved “${file.filename}” with the ${step > 0 ? `parameters of step ${step}` : 'initial parameters'}: inputs ${file.inputs.join(', ') || 'none'}, output ${file.outputs.join(', ')}.`,
        { tone: 'info' },
      );
  } catch (e) {
    if (e instanceof ExportError) refuse(sentence(e.message));
    else throw e;
  }
}

/** The file stem the downloads share: "Border at x = 3" → "border-at-x-3". */
export const fileStem = () =>
  documentFileName(useDocument.getState().name).replace(/\.neurograph\.json$/, '');
