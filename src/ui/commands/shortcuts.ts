/**
 * The shortcut list (?): every action that has keys, from the registry, then what the mouse and
 * the arrow keys do, which are no actions of their own.
 */
import { ACTIONS } from './registry';

export interface Shortcut {
  keys: string;
  action: string;
}

const GESTURES: readonly Shortcut[] = [
  { keys: 'Shift+drag', action: 'Select the nodes in a box' },
  { keys: 'Shift / Mod+click', action: 'Add to or remove from the selection' },
  { keys: 'Arrow keys', action: 'Move the selected nodes' },
  { keys: 'Tab / Shift+Tab', action: 'Move between nodes, their ports and the connections' },
  {
    keys: 'Enter / Space',
    action:
      'On a port: connect it (a list of the ports that fit opens; ↑ ↓ choose, Enter connects). On a node or a connection: select it',
  },
  { keys: 'Double-click', action: 'Add a node where you double-click the empty canvas' },
  { keys: 'Drag a port to empty canvas', action: 'Add a node that fits that port, already connected' },
  { keys: 'Drop a .json file', action: 'Open a saved network (or use Import, or paste its text)' },
];

export const SHORTCUTS: readonly Shortcut[] = [
  ...ACTIONS.flatMap((a) => (a.keys ? [{ keys: a.keys, action: a.description }] : [])),
  ...GESTURES,
];
