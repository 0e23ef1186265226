import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { ChevronIcon } from '../icons';
import { exportCanvasPicture, type PictureBackground, type PictureFormat } from './pictures';
import './pictures.css';

const ITEMS: {
  id: string;
  format: PictureFormat;
  background: PictureBackground;
  title: string;
  text: string;
}[] = [
  {
    id: 'png',
    format: 'png',
    background: 'white',
    title: 'PNG, white background',
    text: 'For slides and documents; sharp at twice the screen resolution.',
  },
  {
    id: 'png-theme',
    format: 'png',
    background: 'theme',
    title: 'PNG, as on screen',
    text: 'With the canvas background of the current theme (light or dark).',
  },
  {
    id: 'svg',
    format: 'svg',
    background: 'white',
    title: 'SVG, white background',
    text: 'Scalable, for web pages; shown by browsers (some slide programs show PNG only).',
  },
];

const PictureIcon = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="M21 17l-5-5-9 8" />
  </svg>
);

/** "Picture": the whole network as a PNG or SVG file, every node in frame. */
export function PictureMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
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
        title="A picture of the whole network, as PNG or SVG"
        disabled={busy}
        data-testid="picture-menu"
        aria-label="Picture of the network"
        onClick={() => setOpen((o) => !o)}
      >
        <PictureIcon />
        <span className="toolbar__label">Picture</span>
        <ChevronIcon />
      </button>
      {open && (
        <div className="menu__list" role="menu" aria-label="Export picture">
          {ITEMS.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="menu__item"
              data-testid={`picture-${item.id}`}
              onClick={() => {
                setOpen(false);
                setBusy(true);
                void exportCanvasPicture(flow, item.format, item.background).finally(() => setBusy(false));
              }}
            >
              <span className="menu__title">{item.title}</span>
              <span className="menu__description">{item.text}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
