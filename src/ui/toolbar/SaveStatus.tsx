import { type SaveStatus as Status, useSaveStatus } from '../../store';

const TEXT: Record<Status, string> = {
  loading: 'Opening…',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
  off: 'Autosave off',
  conflict: 'Not saved',
};

const TITLE: Record<Status, string> = {
  loading: 'Opening the network saved in this browser',
  pending: 'Your changes are being saved in this browser',
  saving: 'Your changes are being saved in this browser',
  saved: 'Every change is saved in this browser: reloading the page brings it back',
  error: 'The last change could not be saved in this browser: export the network to keep a copy',
  off: 'This browser’s storage is not available: export the network to keep it',
  conflict: 'Another tab saved this network since: choose which version to keep',
};

const selectStatus = (s: { status: Status }) => s.status;

/** Whether the network is saved in the browser: "Saved", "Saving…", "Not saved". */
export function SaveStatus() {
  const status = useSaveStatus(selectStatus);
  return (
    <span
      className={`save-status save-status--${status}`}
      data-testid="save-status"
      data-status={status}
      title={TITLE[status]}
      aria-live="polite"
    >
      <span className="save-status__dot" aria-hidden="true" />
      <span className="save-status__text">{TEXT[status]}</span>
    </span>
  );
}
