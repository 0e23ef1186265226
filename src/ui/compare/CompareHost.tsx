/** Where the compare panel lives in the app; its code loads the first time "Compare…" opens it. */
import { lazyComponent } from '../lazy/lazy-component';
import { useComparePanel } from './panel-state';

const ComparePanel = lazyComponent('runs compared', () =>
  import('./ComparePanel').then((m) => m.ComparePanel),
);

export function CompareHost() {
  const open = useComparePanel((s) => s.open);
  return open ? <ComparePanel onClose={() => useComparePanel.getState().setOpen(false)} /> : null;
}
