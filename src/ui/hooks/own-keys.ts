/**
 * Space and Enter on a focused button (a toolbar button, a menu item, a port) press that button and
 * nothing else: the editor's shortcuts for those keys (quick-add, step) leave them alone.
 */
const PRESSABLE =
  'button, a[href], summary, [role="button"], [role="menuitem"], [role="tab"], [role="option"]';

export function pressesFocusedControl(e: KeyboardEvent): boolean {
  if (e.key !== ' ' && e.key !== 'Enter') return false;
  return e.target instanceof Element && !!e.target.closest(PRESSABLE);
}
