import { ToolbarButton } from '../toolbar/ToolbarButton';
import { getAction } from './registry';
import { useActionState } from './use-action-state';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+Shift+Z / Mod+Y" as a tooltip shows it: the first alternative, Mod as Ctrl+ or ⌘. */
export function keysHint(keys: string): string {
  const first = keys.split(' / ')[0];
  return first.replace(/^Mod\+/, MAC ? '⌘' : 'Ctrl+');
}

/** A toolbar button for the action `id`: its icon, label, tooltip (with its keys), state and run. */
export function ActionButton({ id, iconOnly }: { id: string; iconOnly?: boolean }) {
  const action = getAction(id);
  const { enabled, pressed } = useActionState(action);
  const title = action.keys ? `${action.description} (${keysHint(action.keys)})` : action.description;
  return (
    <ToolbarButton
      icon={action.icon?.({})}
      label={action.label}
      iconOnly={iconOnly}
      title={title}
      onClick={action.run}
      disabled={!enabled}
      pressed={pressed}
      testId={action.testId}
    />
  );
}
