import { type TabConflict, useTabConflict } from '../../store';
import { AlertIcon } from '../icons';
import './tab-conflict.css';

const selectConflict = (s: { conflict: TabConflict | null }) => s.conflict;

/**
 * Another tab saved this network since this tab loaded or saved it; saving here has stopped. Stays
 * until the learner picks a version: nothing is overwritten without being asked.
 */
export function TabConflictNotice() {
  const conflict = useTabConflict(selectConflict);
  if (!conflict) return null;
  return (
    <div role="alert" className="toast tab-conflict" data-testid="tab-conflict">
      <span className="toast__icon">
        <AlertIcon />
      </span>
      <span className="toast__message">
        <strong>This network was changed in another tab.</strong> Changes here are not being saved until you
        choose a version.
      </span>
      <span className="toast__actions">
        <button
          type="button"
          className="toast__action"
          title="Open the network saved by the other tab; yours stays a click away"
          onClick={conflict.loadTheirs}
        >
          Load theirs
        </button>
        <button
          type="button"
          className="toast__action"
          title="Save the network in this tab over the other tab’s"
          onClick={conflict.keepMine}
        >
          Keep mine
        </button>
      </span>
    </div>
  );
}
