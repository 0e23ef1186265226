import { exportCurrentDocument } from '../actions/file';
import { exportIdle } from '../code/run-export';
import { ExportIcon } from '../icons';
import type { Action } from './action';

export const exportFile: Action = {
  id: 'export',
  label: 'Export',
  description: 'Download this network as a .neurograph.json file',
  group: 'Document',
  icon: ExportIcon,
  menu: {
    menu: 'export',
    item: 'json',
    title: 'Neurograph file (.json)',
    description: 'The whole network, to open again here or with the command line.',
  },
  ...exportIdle,
  run: exportCurrentDocument,
};
