/**
 * Where the context menu lives on the canvas: its code (the list, its entries and styles) loads the
 * first time a menu opens, since most sessions never open one.
 */
import { lazyComponent } from '../lazy/lazy-component';
import { useContextMenu } from './state';

const ContextMenu = lazyComponent('the menu', () => import('./ContextMenu').then((m) => m.ContextMenu), {
  quiet: true,
});

export function ContextMenuHost() {
  const open = useContextMenu((s) => s.open !== null);
  return open ? <ContextMenu /> : null;
}
