import './offline.css';
import { useOffline } from './service-worker';

const selectReload = (s: ReturnType<typeof useOffline.getState>) => s.reload;
const selectReady = (s: ReturnType<typeof useOffline.getState>) => s.offlineReady;

/**
 * "A new version is ready — reload": shown when a new deployment has been downloaded. It stays until
 * the learner chooses (Reload, or Later: it is offered again at the next start); nothing is forced.
 * After the first visit, a short note says the app now works offline.
 */
export function UpdatePrompt() {
  const reload = useOffline(selectReload);
  const offlineReady = useOffline(selectReady);
  if (reload) {
    return (
      <div className="update-prompt" role="status" data-testid="update-prompt">
        <span>A new version is ready — reload to use it. Your work is saved first.</span>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="update-reload"
          onClick={() => void reload()}
        >
          Reload
        </button>
        <button
          type="button"
          className="btn btn--outline"
          onClick={() => useOffline.getState().dismissUpdate()}
        >
          Later
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="update-prompt" role="status" data-testid="offline-ready">
        <span>Neurograph now works offline in this browser.</span>
        <button
          type="button"
          className="btn btn--outline"
          onClick={() => useOffline.getState().dismissOfflineReady()}
        >
          OK
        </button>
      </div>
    );
  }
  return null;
}
