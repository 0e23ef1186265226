/**
 * The toolbar's Export menu: the network as a document (JSON), as code (PyTorch, NumPy), as a model
 * (ONNX) or as a picture (PNG, SVG). Code and models carry the parameters the network has now.
 */
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { lazy } from '../../engine/lazy';
import { reportLoadFailure } from '../../store';
import { exportCurrentDocument } from '../actions/file';
import { ExportIcon } from '../icons';
import { DropdownMenu, type MenuItem } from '../menu/DropdownMenu';
import { withPictures } from '../pictures/load-pictures';
import '../pictures/pictures.css';

/** The exporters (engine/export and the ONNX writer behind them) load with the first export. */
const exporters = lazy('the exporters', () => import('./exports'));

function withExporters(work: (m: typeof import('./exports')) => void | Promise<void>): Promise<void> {
  return exporters
    .load()
    .then(work, (error: unknown) => reportLoadFailure(error, () => void withExporters(work)));
}

export function ExportMenu() {
  const [busy, setBusy] = useState(false);
  const flow = useReactFlow();
  const run = (work: () => Promise<void>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  const items: MenuItem[] = [
    {
      id: 'json',
      title: 'Neurograph file (.json)',
      description: 'The whole network, to open again here or with the command line.',
      onSelect: exportCurrentDocument,
    },
    {
      id: 'pytorch',
      title: 'PyTorch script (.py)',
      description: 'Trains this network exactly as the app does, in PyTorch.',
      onSelect: () => run(() => withExporters((m) => m.downloadScript('pytorch'))),
    },
    {
      id: 'numpy',
      title: 'NumPy script (.py)',
      description: 'The forward pass with the current parameters, for predictions.',
      onSelect: () => run(() => withExporters((m) => m.downloadScript('numpy'))),
    },
    {
      id: 'onnx',
      title: 'ONNX model (.onnx)',
      description: 'With the current (trained) parameters, for any ONNX runtime or Netron.',
      onSelect: () => run(() => withExporters((m) => m.downloadOnnx())),
    },
    {
      id: 'png',
      title: 'Picture, PNG',
      description: 'White background, sharp at twice the screen resolution.',
      testId: 'picture-png',
      onSelect: () => run(() => withPictures((p) => p.exportCanvasPicture(flow, 'png', 'white'))),
    },
    {
      id: 'png-theme',
      title: 'Picture, PNG as on screen',
      description: 'With the canvas background of the current theme.',
      testId: 'picture-png-theme',
      onSelect: () => run(() => withPictures((p) => p.exportCanvasPicture(flow, 'png', 'theme'))),
    },
    {
      id: 'svg',
      title: 'Picture, SVG',
      description: 'Scalable, for web pages (some slide programs show PNG only).',
      testId: 'picture-svg',
      onSelect: () => run(() => withPictures((p) => p.exportCanvasPicture(flow, 'svg', 'white'))),
    },
  ];
  return (
    <DropdownMenu
      icon={<ExportIcon />}
      label="Export"
      title="Download this network: as a file, as code, as an ONNX model or as a picture"
      listLabel="Export as"
      items={items}
      testIdPrefix="export-"
      buttonTestId="export-menu"
      disabled={busy}
    />
  );
}
