/**
 * The one way an action waits for a library loaded on first use (engine/lazy.ts): at once when it has
 * loaded; otherwise a toast says what is loading (no dead click) and the action runs when it arrives;
 * a failed download gets a toast that says so, with Retry. Panels use ui/lazy/LazyView instead.
 */
import { type Lazy, LazyLoadError, loadAll } from '../engine/lazy';
import { useSession } from './session';

/** How long the "Loading …" toast may stay; it is replaced as soon as the action runs. */
const LOADING_TOAST_MS = 30_000;

export function withLibraries(libs: readonly Lazy<unknown>[], run: () => void): Promise<void> {
  const missing = libs.filter((lib) => lib.state() !== 'ready');
  if (missing.length === 0) {
    run();
    return Promise.resolve();
  }
  const session = useSession.getState();
  session.showToast(`Loading ${missing.map((lib) => lib.what).join(' and ')}…`, {
    tone: 'info',
    duration: LOADING_TOAST_MS,
  });
  const shown = useSession.getState().toast?.id;
  return loadAll(missing).then(
    () => {
      // The loading toast goes, unless something else has been said since.
      useSession.getState().dismissToast(shown);
      run();
    },
    (error: unknown) => reportLoadFailure(error, () => void withLibraries(libs, run)),
  );
}

/** An error toast for a library that did not arrive, with a Retry button that runs `retry`. */
export function reportLoadFailure(error: unknown, retry: () => void): void {
  const message =
    error instanceof LazyLoadError
      ? `${error.message}. Your work is safe; try again when the connection is back.`
      : String(error);
  useSession.getState().showToast(message, {
    tone: 'error',
    duration: LOADING_TOAST_MS,
    action: { label: 'Retry', run: retry },
  });
}
