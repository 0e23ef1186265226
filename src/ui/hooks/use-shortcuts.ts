/**
 * Editor shortcuts on the whole window; none fires while the learner types in a field or a dialog is open.
 * Delete/Backspace delete, Escape deselects, Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Ctrl+D duplicate, Ctrl+A select all,
 * Space / Shift+A quick-add (with the canvas focused), ? the shortcut list.
 * Copy and paste go through the clipboard events (use-clipboard.ts).
 */
import { useEffect } from 'react';
import {
  deleteSelection,
  duplicateSelection,
  redo,
  selectAll,
  undo,
  useSelection,
  useSession,
} from '../../store';
import { canvasElement } from '../actions/flow';
import { openQuickAddAtPointer, useQuickAdd } from '../quick-add/state';
import { TRAINING_SHORTCUTS } from '../training/use-training-shortcuts';
import { pressesFocusedControl } from './own-keys';
import { isTyping } from './typing';

/** The editor's shortcuts, for a help dialog. "Mod" is Ctrl (⌘ on a Mac). */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Delete / Backspace', action: 'Delete the selected nodes and connections' },
  { keys: 'Mod+Z', action: 'Undo' },
  { keys: 'Mod+Shift+Z / Mod+Y', action: 'Redo' },
  { keys: 'Mod+C / Mod+X / Mod+V', action: 'Copy, cut, paste (works between tabs)' },
  { keys: 'Mod+D', action: 'Duplicate the selection' },
  { keys: 'Mod+A', action: 'Select everything' },
  { keys: 'Escape', action: 'Clear the selection' },
  { keys: 'Shift+drag', action: 'Select the nodes in a box' },
  { keys: 'Shift / Mod+click', action: 'Add to or remove from the selection' },
  { keys: 'Arrow keys', action: 'Move the selected nodes' },
  { keys: 'Tab / Shift+Tab', action: 'Move between nodes, their ports and the connections' },
  {
    keys: 'Enter / Space',
    action:
      'On a port: connect it (a list of the ports that fit opens; ↑ ↓ choose, Enter connects). On a node or a connection: select it',
  },
  { keys: 'Space / Shift+A', action: 'Add a node: a search box opens at the pointer' },
  { keys: 'Double-click', action: 'Add a node where you double-click the empty canvas' },
  { keys: 'Drag a port to empty canvas', action: 'Add a node that fits that port, already connected' },
  { keys: 'Drop a .json file', action: 'Open a saved network (or use Import, or paste its text)' },
  { keys: '?', action: 'Show these shortcuts' },
  ...TRAINING_SHORTCUTS,
];

/** Whether keys typed now are meant for the canvas: nothing else (a button, a menu) has the focus. */
function canvasHasFocus(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !!canvasElement()?.contains(active);
}

export function handleShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || isTyping(e.target) || pressesFocusedControl(e)) return false;
  if (useSession.getState().dialog || useQuickAdd.getState().open) return false;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (!mod && !e.altKey && e.key === '?') {
    useSession.getState().openDialog({ type: 'shortcuts' });
    return true;
  }
  if (!mod && !e.altKey && !e.repeat && (e.key === ' ' || (key === 'a' && e.shiftKey)) && canvasHasFocus()) {
    openQuickAddAtPointer();
    return true;
  }
  if (!mod && !e.altKey && (e.key === 'Delete' || e.key === 'Backspace')) {
    deleteSelection();
    return true;
  }
  if (e.key === 'Escape' && !mod) {
    useSelection.getState().clear();
    return false;
  }
  if (!mod || e.altKey) return false;
  if (key === 'z' && !e.shiftKey) undo();
  else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
  else if (key === 'd') duplicateSelection();
  else if (key === 'a') selectAll();
  else return false;
  return true;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (handleShortcut(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
