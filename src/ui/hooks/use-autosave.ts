/**
 * Starts autosave when the app mounts: reads the saved network, restores it where it was (viewport
 * included), and from then on saves every change. Failures are toasts; the network stays open.
 * Other tabs' saves are heard on a BroadcastChannel: a conflict shows the notice (TabConflictNotice).
 * While something would be lost (a failing save, a conflict), closing or reloading the tab asks first.
 * A big saved network is read and checked in a worker (importTextSoon), as a big file is.
 */
import { useEffect } from 'react';
import { formatProblem } from '../../format';
import {
  broadcastChannel,
  idbStorage,
  startAutosave,
  useSaveStatus,
  useSession,
  useTabConflict,
} from '../../store';
import { openAndShow } from '../actions/documents';
import { showViewport } from '../actions/flow';
import { importTextSoon } from '../actions/import-off-thread';
import { warmUpNodes } from '../canvas/warm-up';

const page = {
  addEventListener: (type: 'pagehide' | 'visibilitychange', listener: () => void) =>
    type === 'pagehide' ? window.addEventListener(type, listener) : document.addEventListener(type, listener),
  removeEventListener: (type: 'pagehide' | 'visibilitychange', listener: () => void) =>
    type === 'pagehide'
      ? window.removeEventListener(type, listener)
      : document.removeEventListener(type, listener),
  hidden: () => document.visibilityState === 'hidden',
};

export function useAutosave(): void {
  useEffect(() => {
    const channel = broadcastChannel();
    const autosave = startAutosave({
      storage: idbStorage(),
      page,
      tabs: { id: crypto.randomUUID(), channel },
      // A big saved network is read in a worker: on the page, 5,000 nodes held it for a second.
      readText: async (text) => {
        const result = await importTextSoon(text);
        if (result.ok) await warmUpNodes(result.document.nodes);
        return result;
      },
      onStatus: (status) => useSaveStatus.getState().set(status),
      onError: (message) => useSession.getState().showToast(message, { tone: 'error', duration: 10_000 }),
      onConflict: (conflict) =>
        useTabConflict.getState().set(
          conflict
            ? {
                // Opened like New or an import: this tab's network stays a click away ("Back to …").
                loadTheirs: () =>
                  void autosave.loadTheirs((document) =>
                    openAndShow(document, 'Opened the version saved in another tab.'),
                  ),
                keepMine: () => void autosave.keepMine(),
              }
            : null,
        ),
    });
    void autosave.ready.then((outcome) => {
      if (outcome.status !== 'restored') return;
      showViewport(outcome.document.viewport);
      if (outcome.warnings.length > 0) {
        useSession
          .getState()
          .showToast(`Your saved network was opened with a warning: ${formatProblem(outcome.warnings[0])}`, {
            tone: 'info',
          });
      }
    });
    // The browser shows its own "Leave site?" prompt; the text cannot be chosen.
    const guardClosing = (event: BeforeUnloadEvent) => {
      if (!autosave.unsaved()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', guardClosing);
    return () => {
      window.removeEventListener('beforeunload', guardClosing);
      autosave.stop();
      channel?.close?.();
      useTabConflict.getState().set(null);
    };
  }, []);
}
