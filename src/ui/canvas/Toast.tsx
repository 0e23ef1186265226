import { useEffect } from 'react';
import { useSession } from '../../store';
import { canvasElement } from '../actions/flow';
import { AlertIcon, InfoIcon } from '../icons';
import { canvasBounds, popupPlace } from './popup-place';

const selectToast = (s: ReturnType<typeof useSession.getState>) => s.toast;
const DURATION = 5000;
/** The message's largest box (max-width in canvas.css, three lines): room kept beside the pointer. */
const TOAST_SIZE = { width: 360, height: 90 };

/** A short message: near the pointer after a refused drop, else at the top of the canvas. */
export function Toast() {
  const toast = useSession(selectToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => useSession.getState().dismissToast(toast.id), toast.duration ?? DURATION);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  // Beside the pointer, on the canvas: never over the inspector or the toolbar.
  const style = toast.at
    ? popupPlace(toast.at, TOAST_SIZE, canvasBounds(canvasElement()), { margin: 12, gap: 14 })
    : undefined;
  const dismiss = () => useSession.getState().dismissToast(toast.id);
  return (
    <div
      key={toast.id}
      role="alert"
      className={`toast toast--${toast.tone}${toast.at ? ' toast--at-pointer' : ''}`}
      style={style}
      data-testid="toast"
      onClick={toast.action ? undefined : dismiss}
      onKeyDown={toast.action ? undefined : dismiss}
    >
      <span className="toast__icon">{toast.tone === 'info' ? <InfoIcon /> : <AlertIcon />}</span>
      <span className="toast__message">{toast.message}</span>
      {toast.action && (
        <span className="toast__actions">
          <button
            type="button"
            className="toast__action"
            data-testid="toast-action"
            onClick={() => {
              dismiss();
              toast.action?.run();
            }}
          >
            {toast.action.label}
          </button>
          <button type="button" className="toast__close" aria-label="Dismiss" onClick={dismiss}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
