import { useEffect, useRef, useState } from 'react';
import { EXAMPLES, openExample } from '../actions/documents';
import { useGallery } from '../gallery/state';
import { ChevronIcon, ExamplesIcon } from '../icons';

/** "Open example": a menu of ready-made networks. */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Open a ready-made network"
        onClick={() => setOpen((o) => !o)}
      >
        <ExamplesIcon />
        <span className="toolbar__label">Examples</span>
        <ChevronIcon />
      </button>
      {open && (
        <div className="menu__list" role="menu" aria-label="Examples">
          {EXAMPLES.map((ex) => (
            <button
              key={ex.id}
              type="button"
              role="menuitem"
              className="menu__item"
              data-testid={`example-${ex.id}`}
              onClick={() => {
                setOpen(false);
                openExample(ex);
              }}
            >
              <span className="menu__title">{ex.title}</span>
              <span className="menu__description">{ex.description}</span>
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="menu__item menu__item--gallery"
            data-testid="open-gallery"
            onClick={() => {
              setOpen(false);
              useGallery.getState().show();
            }}
          >
            <span className="menu__title">All examples and lessons…</span>
            <span className="menu__description">Cards with what each reaches; step-by-step lessons.</span>
          </button>
        </div>
      )}
    </div>
  );
}
