/**
 * Ctrl+C / Ctrl+V (and Ctrl+X) through the browser's clipboard events: the clipboard receives the
 * selection as document JSON, so copies travel between tabs. Text fields keep their own copy and paste.
 */
import { useEffect } from 'react';
import { classifyClipboard, copyText, deleteSelection, pasteText, useSession } from '../../store';
import { isTyping } from './typing';

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
      e.preventDefault();
      if (cut) deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(document.activeElement) || !e.clipboardData) return;
      const session = useSession.getState();
      if (session.dialog) return;
      const text = e.clipboardData.getData('text/plain');
      if (!text) return;
      // Copied nodes are inserted; a whole network (a saved file's text) is offered to open.
      const content = classifyClipboard(text);
      if (content.type === 'other') return;
      e.preventDefault();
      if (content.type === 'fragment') pasteText(text);
      else if (content.type === 'document') {
        session.openDialog({
          type: 'paste-document',
          text,
          document: content.document,
          warnings: content.warnings,
        });
      } else {
        session.openDialog({ type: 'import-problems', fileName: 'Pasted text', problems: content.problems });
      }
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
