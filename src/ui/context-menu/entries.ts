/**
 * What the context menu offers on a node, a connection or the empty canvas: the registry's own
 * actions (same names, keys and rules as the toolbar, the keys and the palette), run on what was
 * pressed — opening the menu selects it first, as a right-click does in any editor.
 */
import type { Position } from '../../engine/graph';
import { keysHint } from '../commands/ActionButton';
import { getAction } from '../commands/registry';
import { useQuickAdd } from '../quick-add/state';
import type { MenuTarget } from './state';

export interface MenuEntry {
  id: string;
  label: string;
  /** The keys that do the same, as a hint ("Ctrl+D"). */
  keys?: string;
  enabled: boolean;
  run(): void;
}

function fromAction(id: string, label?: string): MenuEntry {
  const action = getAction(id);
  return {
    id,
    label: label ?? action.label,
    keys: action.keys ? keysHint(action.keys) : undefined,
    enabled: action.enabled?.() ?? true,
    run: () => action.run(),
  };
}

export function menuEntries(target: MenuTarget, at: Position): MenuEntry[] {
  switch (target.kind) {
    case 'node':
      return [fromAction('duplicate'), fromAction('delete')];
    case 'edge':
      return [fromAction('delete', 'Delete connection')];
    case 'canvas':
      return [
        // Quick-add, at the point pressed rather than where the mouse last was.
        { ...fromAction('quick-add', 'Add a node here…'), run: () => useQuickAdd.getState().show(at) },
        fromAction('select-all'),
        fromAction('auto-layout'),
        fromAction('fit-view'),
      ];
  }
}

/** The menu's accessible name: what it acts on. */
export function menuLabel(target: MenuTarget): string {
  return target.kind === 'node' ? 'Node' : target.kind === 'edge' ? 'Connection' : 'Canvas';
}
