import { canvasElement } from '../actions/flow';
import { openMenuOnFocused } from '../context-menu/open-menu';
import type { Action } from './action';
import { canvasHasFocus } from './focus';

/** What a right-click or a long press opens, from the keyboard (the focused node or connection, or the canvas). */
export const contextMenu: Action = {
  id: 'context-menu',
  label: 'Context menu',
  description: 'Open the menu of the focused node or connection (a right-click or a long press does too)',
  group: 'Edit',
  keys: 'Shift+F10 / Menu',
  keyTest: (e) =>
    !e.ctrlKey &&
    !e.metaKey &&
    !e.altKey &&
    (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) &&
    canvasHasFocus() &&
    canvasElement() !== null,
  // It acts on what has the focus on the canvas: the palette would take that focus away.
  hiddenFromPalette: true,
  run: openMenuOnFocused,
};
