import { exportCurrentDocument } from '../actions/file';
import { ExportIcon } from '../icons';
import type { Action } from './action';

export const exportFile: Action = {
  id: 'export',
  label: 'Export',
  description: 'Download this network as a .neurograph.json file',
  group: 'Document',
  icon: ExportIcon,
  run: exportCurrentDocument,
};
