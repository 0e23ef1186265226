/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker that keeps the app working offline (vite.config.ts): registered once the app
 * has painted, with workbox-window loaded then (not part of the first load). A new deployment found
 * at start, when the tab comes back into view, or every half hour is only offered: the learner
 * reloads when it suits them, after the autosave has written.
 */
import { create } from 'zustand';
import { useSaveStatus } from '../../store';

interface OfflineState {
  /** Set when a new version is installed and waiting: reloads into it. */
  reload: (() => Promise<void>) | null;
  /** The app is cached and will open with no network (said once, after the first visit). */
  offlineReady: boolean;
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

export const useOffline = create<OfflineState>()((set) => ({
  reload: null,
  offlineReady: false,
  dismissUpdate: () => set({ reload: null }),
  dismissOfflineReady: () => set({ offlineReady: false }),
}));

/** Browsers under automation (the e2e tests) register only when a test asks, by this key. */
export const SERVICE_WORKER_TEST_KEY = 'neurograph.serviceWorker';
const CHECK_EVERY_MS = 30 * 60 * 1000;

export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (navigator.webdriver && localStorage.getItem(SERVICE_WORKER_TEST_KEY) !== 'on') return;
  void import('virtual:pwa-register')
    .then(({ registerSW }) => {
      const update = registerSW({
        onNeedRefresh: () => useOffline.setState({ reload: () => reloadAfterSaving(update) }),
        onOfflineReady: () => useOffline.setState({ offlineReady: true }),
        onRegisteredSW: (_url, registration) => {
          if (!registration) return;
          const check = () => {
            if (navigator.onLine) registration.update().catch(() => undefined);
          };
          setInterval(check, CHECK_EVERY_MS);
          document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'visible') check();
          });
        },
      });
    })
    // No service worker (private mode, an old browser): the app still works online.
    .catch(() => undefined);
}

/** The most the reload waits for the autosave to finish writing. */
const SAVE_WAIT_MS = 3000;

/** Lets the autosave finish (it writes 0.5 s after the last edit), then switches to the new version. */
async function reloadAfterSaving(update: (reload?: boolean) => Promise<void>): Promise<void> {
  const settled = () => !['pending', 'saving', 'loading'].includes(useSaveStatus.getState().status);
  if (!settled()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, SAVE_WAIT_MS);
      const unsubscribe = useSaveStatus.subscribe(() => settled() && done());
      function done() {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
  await update(true);
}
