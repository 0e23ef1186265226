/**
 * The one keyboard handler: a press goes to the first action of the registry whose keyTest takes
 * it. None fires while the learner types in a field, or while a dialog or quick-add is open.
 * Copy and paste go through the clipboard events (hooks/use-clipboard.ts).
 */
import { useEffect } from 'react';
import { useSession } from '../../store';
import { pressesFocusedControl } from '../hooks/own-keys';
import { isTyping } from '../hooks/typing';
import { useQuickAdd } from '../quick-add/state';
import { ACTIONS } from './registry';

/** Runs the action this press is for, if any; true when the press should do nothing else. */
export function handleActionKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || isTyping(e.target) || pressesFocusedControl(e)) return false;
  if (useSession.getState().dialog || useQuickAdd.getState().open) return false;
  const action = ACTIONS.find((a) => a.keyTest?.(e));
  if (!action || action.enabled?.() === false) return false;
  action.run();
  return !action.keepDefault;
}

export function useActionKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (handleActionKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
