/**
 * What the context menu offers on a node, a connection or the empty canvas: the registry's own
 * actions (same names, keys and rules as the toolbar, the keys and the palette), run on what was
 * pressed — opening the menu selects it first, as a right-click does in any editor.
 */
import type { Position } from '../../engine/graph';
import { useSelection } from '../../store';
import { screenToFlow } from '../actions/flow';
import { keysHint } from '../commands/ActionButton';
import { pasteFromClipboard } from '../commands/paste';
import { getAction } from '../commands/registry';
import { useConnectMenu } from '../connect/state';
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

/**
 * "Connect input x…" for each port of the node as drawn: the list of the ports that fit it opens
 * (as Enter on the port does). Menu rows are 32 px tall at any zoom: the way to a port whose own
 * target is smaller (a port between two others, zoomed out).
 */
function connectEntries(nodeId: string, only?: 'target' | 'source'): MenuEntry[] {
  const card = document.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`);
  if (!card) return [];
  const handles = `.react-flow__handle[data-handleid]${only ? `.${only}` : ''}`;
  return [...card.querySelectorAll<HTMLElement>(handles)].map((handle) => {
    const type = handle.classList.contains('target') ? 'target' : 'source';
    const handleId = handle.getAttribute('data-handleid') ?? '';
    const name = handle.getAttribute('aria-label') ?? '';
    const side = type === 'target' ? 'input' : 'output';
    // "Neuron 1 input x" → "input x".
    const port = name.includes(` ${side} `) ? name.slice(name.lastIndexOf(` ${side} `) + 1) : side;
    return {
      id: `connect-${type}-${handleId}`,
      label: `Connect ${port}…`,
      enabled: true,
      run: () => useConnectMenu.getState().show({ nodeId, handleId, type }, handle),
    };
  });
}

/**
 * One of the connections whose ends share a grab circle: choosing it selects it, and the circle
 * there is then its own, to drag (canvas/shared-ends.ts).
 */
function endEntry(edgeId: string): MenuEntry {
  const edge = document.querySelector(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"]`);
  const name = edge?.getAttribute('aria-label') ?? 'connection';
  return {
    id: `end-${edgeId}`,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    enabled: true,
    run: () => useSelection.getState().select([], [edgeId]),
  };
}

export function menuEntries(target: MenuTarget, at: Position): MenuEntry[] {
  switch (target.kind) {
    case 'node':
      return [
        ...connectEntries(target.id),
        fromAction('cut'),
        fromAction('copy'),
        fromAction('duplicate'),
        fromAction('delete'),
      ];
    case 'ports':
      return connectEntries(target.id, target.side);
    case 'ends':
      return target.ids.map((id) => endEntry(id));
    case 'edge':
      return [fromAction('delete', 'Delete connection')];
    case 'canvas':
      return [
        // Quick-add, at the point pressed rather than where the mouse last was.
        { ...fromAction('quick-add', 'Add a node here…'), run: () => useQuickAdd.getState().show(at) },
        // Pasted nodes land where the canvas was pressed too.
        { ...fromAction('paste', 'Paste here'), run: () => void pasteFromClipboard(screenToFlow(at)) },
        fromAction('select-all'),
        fromAction('auto-layout'),
        fromAction('fit-view'),
      ];
  }
}

/** The menu's accessible name: what it acts on. */
export function menuLabel(target: MenuTarget): string {
  switch (target.kind) {
    case 'node':
      return 'Node';
    case 'ports':
      return target.side === 'target' ? 'Inputs' : 'Outputs';
    case 'ends':
      return 'Connections here';
    case 'edge':
      return 'Connection';
    case 'canvas':
      return 'Canvas';
  }
}
