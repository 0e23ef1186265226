import type { Mlp } from '../../format/onnx';
import { useSession } from '../../store';
import { Modal } from '../dialogs/Modal';
import { describeMlp, openOnnx } from './onnx-import';

/** A small ONNX MLP can be drawn as dense layers or neuron by neuron: the person chooses. */
export function OnnxImportDialog({ fileName, mlp }: { fileName: string; mlp: Mlp }) {
  const choose = (level: 'dense' | 'neuron') => {
    useSession.getState().closeDialog();
    void openOnnx(mlp, level, fileName);
  };
  return (
    <Modal title={`Open “${fileName}”`} titleId="onnx-import-title" testId="onnx-import">
      <p className="dialog__lead">
        An MLP {describeMlp(mlp)}, named “{mlp.name}”. Its weights become the network’s initial values. How
        should it be drawn?
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={() => choose('neuron')} data-testid="onnx-as-neurons">
          Neuron by neuron
        </button>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => choose('dense')}
          data-testid="onnx-as-dense"
          data-autofocus
        >
          Dense layers
        </button>
      </div>
    </Modal>
  );
}
