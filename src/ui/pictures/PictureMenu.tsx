import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { DropdownMenu, type MenuItem } from '../menu/DropdownMenu';
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
  const [busy, setBusy] = useState(false);
  const flow = useReactFlow();
  const items: MenuItem[] = ITEMS.map((item) => ({
    id: item.id,
    title: item.title,
    description: item.text,
    onSelect: () => {
      setBusy(true);
      void exportCanvasPicture(flow, item.format, item.background).finally(() => setBusy(false));
    },
  }));
  return (
    <DropdownMenu
      icon={<PictureIcon />}
      label="Picture"
      title="A picture of the whole network, as PNG or SVG"
      listLabel="Export picture"
      items={items}
      testIdPrefix="picture-"
      buttonTestId="picture-menu"
      buttonAriaLabel="Picture of the network"
      disabled={busy}
    />
  );
}
