import { exportIdle, runExport, withExporters } from '../code/run-export';
import { CodeIcon } from '../icons';
import type { Action } from './action';

export const exportNumpy: Action = {
  id: 'export-numpy',
  label: 'Export as NumPy script',
  description: 'Download a NumPy script of the forward pass with the current parameters',
  group: 'Document',
  icon: CodeIcon,
  menu: {
    menu: 'export',
    item: 'numpy',
    title: 'NumPy script (.py)',
    description: 'The forward pass with the current parameters, for predictions.',
  },
  ...exportIdle,
  run: () => runExport(() => withExporters((m) => m.downloadScript('numpy'))),
};
