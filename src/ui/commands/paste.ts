import type { Position } from '../../engine/graph';
import { useSession } from '../../store';
import { readClipboard } from '../hooks/clipboard-access';
import { pasteFromText } from '../hooks/use-clipboard';
import type { Action } from './action';

/**
 * Pastes the clipboard's nodes (their top-left at `at`, a flow position, if given), or offers to
 * open the network it holds. Says so when it holds neither.
 */
export async function pasteFromClipboard(at?: Position): Promise<void> {
  const text = await readClipboard();
  if (text && pasteFromText(text, at)) return;
  useSession
    .getState()
    .showToast('Nothing to paste: copy nodes first (Ctrl+C, or Copy in a node’s menu).', { tone: 'info' });
}

/** Ctrl+V goes through the browser's paste event (hooks/use-clipboard.ts); this is the menus' Paste. */
export const paste: Action = {
  id: 'paste',
  label: 'Paste',
  description: 'Paste copied nodes (also from another tab), or open a network whose text was copied',
  group: 'Edit',
  keys: 'Mod+V',
  run: () => void pasteFromClipboard(),
};
