import { useEffect } from 'react';
import { useSession } from '../../store';
import { AlertIcon, InfoIcon } from '../icons';

const selectToast = (s: ReturnType<typeof useSession.getState>) => s.toast;
const DURATION = 5000;

/** A short message: near the pointer after a refused drop, else at the top of the canvas. */
export function Toast() {
  const toast = useSession(selectToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => useSession.getState().dismissToast(toast.id), toast.duration ?? DURATION);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  const style = toast.at
    ? {
        left: Math.max(12, Math.min(toast.at.x + 14, window.innerWidth - 372)),
        top: Math.max(12, Math.min(toast.at.y + 14, window.innerHeight - 120)),
      }
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
