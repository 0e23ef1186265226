/**
 * The clipboard for the menus' Copy, Cut and Paste, which have no clipboard event to ride on (as
 * Ctrl+C and Ctrl+V do, hooks/use-clipboard.ts). A browser may refuse the page a read of the
 * clipboard (no permission, or no secure context): Paste then takes what this tab copied last.
 */

/** The text this tab copied last, by keys or by a menu. */
let copiedHere: string | null = null;

/** Notes text copied by Ctrl+C or Ctrl+X, for a Paste from a menu that may not read the clipboard. */
export function rememberCopied(text: string): void {
  copiedHere = text;
}

/** Puts `text` on the clipboard (and in this tab's memory, should the browser refuse). */
export async function writeClipboard(text: string): Promise<void> {
  rememberCopied(text);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Refused: this tab's Paste still has it.
  }
}

/** The clipboard's text, or this tab's last copy where the browser does not let the page read it. */
export async function readClipboard(): Promise<string | null> {
  try {
    const text = await navigator.clipboard.readText();
    if (text) return text;
  } catch {
    // Refused: fall back on this tab's last copy.
  }
  return copiedHere;
}
