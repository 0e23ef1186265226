/**
 * Share links in the app: "Copy link" puts the whole network in a link (src/format/share-link.ts)
 * and copies it; opening the app with such a link opens the network as a new document, once the
 * autosaved one has been restored, so that nothing the learner had is lost without asking.
 */
import { useEffect } from 'react';
import { exportDocument, formatProblem, type NeurographDocument, type Problem } from '../../format';
import { hasSharedDocument } from '../../format/share-hash';
import { toDocument, useDocument, useSaveStatus, useSession } from '../../store';
import { isBlank, openAndShow } from '../actions/documents';

/** The app's own address, without any hash. */
export function appAddress(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** Copies text to the clipboard; false when the browser refuses (no permission, no focus). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "Copy link": the link to the network as it is now, copied and shown in a dialog. */
export async function copyShareLink(): Promise<void> {
  const doc: NeurographDocument = { ...toDocument(useDocument.getState()), createdWith: 'neurograph' };
  // The link writer (with fflate) loads on first use.
  const { shareLink } = await import('../../format/share-link');
  const link = shareLink(doc, appAddress());
  const copied = await writeClipboard(link.url);
  useSession.getState().openDialog({ type: 'share-link', url: link.url, copied, warning: link.warning });
}

/** Removes the hash from the address bar without reloading or adding a history entry. */
function clearHash(): void {
  history.replaceState(history.state, '', appAddress());
}

/** The document as its file would hold it, viewport aside: to tell whether two are the same network. */
const fingerprint = (doc: NeurographDocument) => {
  const { viewport: _v, createdWith: _c, ...rest } = doc;
  return exportDocument(rest);
};

/**
 * Opens the network in the address's hash, if any, and clears the hash. A bad link shows its
 * problems (the current network untouched); over anything of the learner's (a node, a name, a
 * description) the learner is asked first: opening also replaces the autosave, so after a reload
 * "Back to …" and Undo are gone.
 */
export async function openSharedFromAddress(): Promise<void> {
  const hash = location.hash;
  if (!hasSharedDocument(hash)) return;
  clearHash();
  const session = useSession.getState();
  let readShareHash: typeof import('../../format/share-link').readShareHash;
  try {
    ({ readShareHash } = await import('../../format/share-link'));
  } catch {
    // Offline before the reader was ever loaded: the link goes back, to be opened once online.
    history.replaceState(history.state, '', `${appAddress()}${hash}`);
    session.showToast('Could not load the link reader: are you offline?', {
      tone: 'error',
      action: { label: 'Retry', run: () => void openSharedFromAddress() },
    });
    return;
  }
  const result = readShareHash(hash);
  if (!result.ok) {
    session.openDialog({ type: 'import-problems', fileName: 'The shared link', problems: result.problems });
    return;
  }
  const current = toDocument(useDocument.getState());
  if (fingerprint(current) === fingerprint(result.document)) {
    session.showToast('The shared network is the one already open.', { tone: 'info' });
    return;
  }
  if (isBlank(current)) openShared(result.document, result.warnings);
  else session.openDialog({ type: 'open-shared', document: result.document, warnings: result.warnings });
}

/** Opens a shared network as the document; the previous one stays a click (and Ctrl+Z) away. */
export function openShared(doc: NeurographDocument, warnings: readonly Problem[]): void {
  const { createdWith: _app, ...document } = doc;
  const note = warnings.length === 0 ? '' : ` Note: ${formatProblem(warnings[0])}.`;
  openAndShow(document, `Opened the shared network “${document.name}”.${note}`);
}

/**
 * Watches the address for a shared network: at start (once autosave has restored the saved
 * network, so the shared one does not overwrite it unseen) and when the hash changes (a link
 * pasted into the address bar of an open tab).
 */
export function useSharedLinks(): void {
  useEffect(() => {
    const restoring = () => useSaveStatus.getState().status === 'loading';
    // After the restore's own follow-ups (its viewport), which run right after the status changes.
    const openSoon = () => window.setTimeout(() => void openSharedFromAddress(), 0);
    let unsubscribe = () => {};
    if (hasSharedDocument(location.hash)) {
      if (!restoring()) openSoon();
      else {
        unsubscribe = useSaveStatus.subscribe((s) => {
          if (s.status === 'loading') return;
          unsubscribe();
          openSoon();
        });
      }
    }
    const onHashChange = () => {
      if (!restoring()) void openSharedFromAddress();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
}
