import { exportIdle, runExport, withExporters } from '../code/run-export';
import { CodeIcon } from '../icons';
import type { Action } from './action';

export const exportPyTorch: Action = {
  id: 'export-pytorch',
  label: 'Export as PyTorch script',
  description: 'Download a PyTorch script that trains this network exactly as the app does',
  group: 'Document',
  icon: CodeIcon,
  menu: {
    menu: 'export',
    item: 'pytorch',
    title: 'PyTorch script (.py)',
    description: 'Trains this network exactly as the app does, in PyTorch.',
  },
  ...exportIdle,
  run: () => runExport(() => withExporters((m) => m.downloadScript('pytorch'))),
};
