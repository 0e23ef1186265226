/** "Compare…" in the training panel, beside Landscape: the same action as the toolbar's and the palette's. */
import { getAction } from '../commands/registry';
import { useActionState } from '../commands/use-action-state';
import './toggle.css';

export function CompareToggle() {
  const action = getAction('compare');
  const { pressed } = useActionState(action);
  return (
    <button
      type="button"
      className="btn train-landscape-toggle train-compare-toggle"
      aria-pressed={pressed}
      title={action.description}
      data-testid="compare-toggle"
      onClick={action.run}
    >
      {action.label}
    </button>
  );
}
