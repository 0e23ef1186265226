import { exportIdle, runExport, withExporters } from '../code/run-export';
import { ExportIcon } from '../icons';
import type { Action } from './action';

export const exportOnnx: Action = {
  id: 'export-onnx',
  label: 'Export as ONNX model',
  description: 'Download an ONNX model with the current (trained) parameters',
  group: 'Document',
  icon: ExportIcon,
  menu: {
    menu: 'export',
    item: 'onnx',
    title: 'ONNX model (.onnx)',
    description: 'With the current (trained) parameters, for any ONNX runtime or Netron.',
  },
  ...exportIdle,
  run: () => runExport(() => withExporters((m) => m.downloadOnnx())),
};
