/**
 * Running one export at a time: the exporters (engine/export and the ONNX writer behind them) and
 * the picture code load with the first export, and while one export runs the Export menu's items
 * wait (the menu is disabled), so a second click does not start a second download.
 */
import { create } from 'zustand';
import { lazy } from '../../engine/lazy';
import { reportLoadFailure } from '../../store';

export const useExportBusy = create<{ busy: boolean }>()(() => ({ busy: false }));

const exporters = lazy('the exporters', () => import('./exports'));

/** Runs `work` with the exporters once they have loaded; a failed load gets a toast with Retry. */
export function withExporters(work: (m: typeof import('./exports')) => void | Promise<void>): Promise<void> {
  return exporters
    .load()
    .then(work, (error: unknown) => reportLoadFailure(error, () => void withExporters(work)));
}

/** Runs an export, the menu disabled until it is done. */
export function runExport(work: () => Promise<void>): void {
  useExportBusy.setState({ busy: true });
  void work().finally(() => useExportBusy.setState({ busy: false }));
}

/** For an export action: it can run while no other export runs. */
export const exportIdle = {
  enabled: () => !useExportBusy.getState().busy,
  subscribe: (onChange: () => void) => useExportBusy.subscribe(onChange),
};
