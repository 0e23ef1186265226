import { lazyComponent } from '../lazy/lazy-component';
import { type QuickAddRequest, useQuickAdd } from './state';

/** The quick-add box's code loads the first time it opens (double-click or Space on the canvas). */
const LazyBox = lazyComponent('quick add', () => import('./QuickAdd').then((m) => m.QuickAdd));

const selectOpen = (s: { open: QuickAddRequest | null }) => s.open !== null;

/** Mounted once on the canvas; shows quick-add while it is open. */
export function QuickAdd() {
  return useQuickAdd(selectOpen) ? <LazyBox /> : null;
}
