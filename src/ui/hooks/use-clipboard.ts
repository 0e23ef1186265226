/**
 * Ctrl+C / Ctrl+V (and Ctrl+X) through the browser's clipboard events: the clipboard receives the
 * selection as document JSON, so copies travel between tabs. Text fields keep their own copy and paste.
 * Big pasted text is read and checked in a worker, as a big file is (actions/import-off-thread.ts).
 */
import { useEffect } from 'react';
import { formatSize } from '../../engine/datasets/csv';
import type { Position } from '../../engine/graph';
import {
  type ClipboardContent,
  classifyClipboard,
  copyText,
  deleteSelection,
  mayBeOurs,
  pasteText,
  useSession,
} from '../../store';
import { importOffThread } from '../actions/import-off-thread';
import { warmUpNodes } from '../canvas/warm-up';
import { rememberCopied } from './clipboard-access';
import { isTyping } from './typing';

/** Pasted text from this many characters is read off the page (a 5,000-node network is ~350 kB). */
export const PASTE_OFF_THREAD_FROM = 100_000;

/**
 * Copied nodes are inserted (their top-left at `at`, a flow position, if given); a whole network
 * (a saved file's text) is offered to open.
 */
function paste(text: string, content: ClipboardContent, at?: Position): void {
  const session = useSession.getState();
  if (session.toast?.message.startsWith('Reading the pasted')) session.dismissToast();
  if (content.type === 'fragment') pasteText(text, { fragment: content.fragment, at });
  else if (content.type === 'document') {
    session.openDialog({
      type: 'paste-document',
      text,
      document: content.document,
      warnings: content.warnings,
    });
  } else if (content.type === 'invalid') {
    session.openDialog({ type: 'import-problems', fileName: 'Pasted text', problems: content.problems });
  }
}

/**
 * Pastes text that may be ours: read here, or in a worker when it is big. False when it is not a
 * Neurograph document at all (the caller leaves it to whoever else wants it).
 */
export function pasteFromText(text: string, at?: Position): boolean {
  if (!mayBeOurs(text)) return false;
  if (text.length < PASTE_OFF_THREAD_FROM) {
    const content = classifyClipboard(text);
    if (content.type === 'other') return false;
    paste(text, content, at);
    return true;
  }
  useSession.getState().showToast(`Reading the pasted network (${formatSize(text.length)})…`, {
    tone: 'info',
    duration: 60_000,
  });
  void importOffThread(text).then(async (result) => {
    if (result.ok) await warmUpNodes(result.document.nodes);
    paste(text, classifyClipboard(text, result), at);
  });
  return true;
}

function textSelected(): boolean {
  const s = window.getSelection();
  return !!s && !s.isCollapsed && s.toString().trim() !== '';
}

export function useClipboard(): void {
  useEffect(() => {
    const onCopy = (cut: boolean) => (e: ClipboardEvent) => {
      if (isTyping(document.activeElement) || textSelected() || !e.clipboardData) return;
      const text = copyText();
      if (!text) return;
      e.clipboardData.setData('text/plain', text);
      rememberCopied(text);
      e.preventDefault();
      if (cut) deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(document.activeElement) || !e.clipboardData) return;
      const session = useSession.getState();
      if (session.dialog) return;
      const text = e.clipboardData.getData('text/plain');
      if (text && pasteFromText(text)) e.preventDefault();
    };
    const copy = onCopy(false);
    const cut = onCopy(true);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
