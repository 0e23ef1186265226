/**
 * Starts autosave when the app mounts: reads the saved network, restores it where it was (viewport
 * included), and from then on saves every change. Failures are toasts; the network stays open.
 */
import { useEffect } from 'react';
import { formatProblem } from '../../format';
import { idbStorage, startAutosave, useSaveStatus, useSession } from '../../store';
import { showViewport } from '../actions/flow';

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
    const autosave = startAutosave({
      storage: idbStorage(),
      page,
      onStatus: (status) => useSaveStatus.getState().set(status),
      onError: (message) => useSession.getState().showToast(message, { tone: 'error', duration: 10_000 }),
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
    return () => autosave.stop();
  }, []);
}
