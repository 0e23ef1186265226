/**
 * A toolbar button that opens a list of choices (Examples, Picture): each item a title and a line
 * of description. Clicking outside or pressing Escape closes it; choosing an item closes it first.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ChevronIcon } from '../icons';

export interface MenuItem {
  id: string;
  title: string;
  description: string;
  onSelect(): void;
  /** Default: `${testIdPrefix}${id}` of the menu. */
  testId?: string;
  className?: string;
  /** It cannot run now (e.g. while another export runs). */
  disabled?: boolean;
}

export interface DropdownMenuProps {
  icon: ReactNode;
  label: string;
  /** The button's tooltip. */
  title: string;
  /** The list's accessible name. */
  listLabel: string;
  items: readonly MenuItem[];
  /** Each item's test id is this prefix and its id, e.g. "example-" → "example-xor". */
  testIdPrefix: string;
  buttonTestId?: string;
  buttonAriaLabel?: string;
  disabled?: boolean;
}

/** Closes the menu on a press outside `root` or on Escape, while it is open. */
function useDismiss(open: boolean, root: React.RefObject<HTMLElement | null>, close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onEvent = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node))
        close();
    };
    document.addEventListener('pointerdown', onEvent);
    document.addEventListener('keydown', onEvent);
    return () => {
      document.removeEventListener('pointerdown', onEvent);
      document.removeEventListener('keydown', onEvent);
    };
  }, [open, root, close]);
}

export function DropdownMenu(props: DropdownMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useRef(() => setOpen(false)).current;
  useDismiss(open, root, close);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={props.buttonAriaLabel}
        title={props.title}
        disabled={props.disabled}
        data-testid={props.buttonTestId}
        onClick={() => setOpen((o) => !o)}
      >
        {props.icon}
        <span className="toolbar__label">{props.label}</span>
        <ChevronIcon />
      </button>
      {open && (
        <div className="menu__list" role="menu" aria-label={props.listLabel}>
          {props.items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className={item.className ? `menu__item ${item.className}` : 'menu__item'}
              data-testid={item.testId ?? `${props.testIdPrefix}${item.id}`}
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              <span className="menu__title">{item.title}</span>
              <span className="menu__description">{item.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
