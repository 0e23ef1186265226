import { useMemo, useSyncExternalStore } from 'react';
import { DropdownMenu, type MenuItem } from '../menu/DropdownMenu';
import type { Action, MenuId } from './action';
import { MENUS } from './menus';
import { menuActions } from './registry';

/** Whether each action can run now, as one string (a stable snapshot), following their stores. */
function useEnabled(actions: readonly Action[]): boolean[] {
  const subscribe = useMemo(
    () => (onChange: () => void) => {
      const stops = actions.map((a) => a.subscribe?.(onChange));
      return () => {
        for (const stop of stops) stop?.();
      };
    },
    [actions],
  );
  const flags = useSyncExternalStore(subscribe, () =>
    actions.map((a) => ((a.enabled?.() ?? true) ? '1' : '0')).join(''),
  );
  return [...flags].map((f) => f === '1');
}

/** A toolbar menu: the actions of the registry that sit in menu `id`; disabled while none can run. */
export function ActionMenu({ id }: { id: MenuId }) {
  const menu = MENUS[id];
  const actions = menuActions(id);
  const enabled = useEnabled(actions);
  const items: MenuItem[] = actions.map((a, i) => ({
    id: a.menu!.item,
    title: a.menu!.title,
    description: a.menu!.description ?? a.description,
    testId: a.menu!.testId,
    className: a.menu!.className,
    disabled: !enabled[i],
    onSelect: a.run,
  }));
  return (
    <DropdownMenu
      icon={menu.icon()}
      label={menu.label}
      title={menu.title}
      listLabel={menu.listLabel}
      items={items}
      testIdPrefix={menu.testIdPrefix}
      buttonTestId={menu.buttonTestId}
      disabled={!enabled.some(Boolean)}
    />
  );
}
