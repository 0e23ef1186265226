import { pickFileToImport } from '../actions/file';
import { ImportIcon } from '../icons';
import type { Action } from './action';

export const importFile: Action = {
  id: 'import',
  label: 'Import',
  description: 'Open a .neurograph.json file or an ONNX model (.onnx)',
  group: 'Document',
  icon: ImportIcon,
  run: pickFileToImport,
};
