/**
 * The canvas's context menu: a short list of what can be done with what was pressed (a node, a
 * connection, the empty canvas). Keys as in any menu (WAI-ARIA menu pattern): the first item has
 * the focus, ↑/↓/Home/End move it, Enter or Space runs an item, Esc or Tab closes and gives the
 * focus back. A press anywhere else closes it.
 */
import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { canvasElement } from '../actions/flow';
import { canvasBounds, popupPlace } from '../canvas/popup-place';
import { menuEntries, menuLabel } from './entries';
import { type ContextMenuRequest, useContextMenu } from './state';
import './context-menu.css';

const selectOpen = (s: { open: ContextMenuRequest | null }) => s.open;

export function ContextMenu() {
  const request = useContextMenu(selectOpen);
  return request ? <MenuList key={request.id} request={request} /> : null;
}

function MenuList({ request }: { request: ContextMenuRequest }) {
  const entries = useMemo(() => menuEntries(request.target, request.at), [request]);
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  const close = (refocus: boolean) => {
    useContextMenu.getState().close();
    if (refocus && request.origin?.isConnected) request.origin.focus();
  };

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Beside the point, not under it: the finger that opened it lifts off the canvas, not an item.
    setPlace(
      popupPlace(
        request.at,
        { width: el.offsetWidth, height: el.offsetHeight },
        canvasBounds(canvasElement()),
        {
          gap: 6,
        },
      ),
    );
    el.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [request]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) useContextMenu.getState().close();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [
      ...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => {
      e.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return focus(at + 1);
      case 'ArrowUp':
        return focus(at - 1);
      case 'Home':
        return focus(0);
      case 'End':
        return focus(items.length - 1);
      case 'Escape':
      case 'Tab':
        e.preventDefault();
        e.stopPropagation();
        return close(true);
    }
    // Every other key stays in the menu: the canvas's shortcuts do not act behind it.
    e.stopPropagation();
  };

  return (
    <div
      ref={box}
      className="context-menu"
      role="menu"
      aria-label={menuLabel(request.target)}
      data-testid="context-menu"
      style={place ?? { left: request.at.x, top: request.at.y, opacity: 0 }}
      onKeyDown={onKeyDown}
    >
      {entries.map((entry) => (
        <button
          key={entry.id}
          type="button"
          role="menuitem"
          className="context-menu__item"
          disabled={!entry.enabled}
          data-testid={`context-${entry.id}`}
          onClick={() => {
            close(false);
            entry.run();
          }}
        >
          <span>{entry.label}</span>
          {entry.keys && <kbd className="context-menu__keys">{entry.keys}</kbd>}
        </button>
      ))}
    </div>
  );
}
