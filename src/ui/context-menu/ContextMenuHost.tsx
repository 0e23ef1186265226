/**
 * Where the context menu lives on the canvas. Its code (the list, its entries and styles) stays out
 * of the first load and comes once the page is idle, so that the first Shift+F10 or right-click
 * opens it at once and no key pressed right after is lost.
 */
import { useEffect } from 'react';
import { lazyComponent } from '../lazy/lazy-component';
import { whenIdle } from '../lazy/when-idle';
import { useContextMenu } from './state';

const ContextMenu = lazyComponent('the menu', () => import('./ContextMenu').then((m) => m.ContextMenu), {
  quiet: true,
});

export function ContextMenuHost() {
  const open = useContextMenu((s) => s.open !== null);
  useEffect(() => whenIdle(ContextMenu.preload), []);
  return open ? <ContextMenu /> : null;
}
