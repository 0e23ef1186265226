import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { PictureIcon } from '../icons';
import { DropdownMenu, type MenuItem } from '../menu/DropdownMenu';
import { withPictures } from './load-pictures';
import type { PictureBackground, PictureFormat } from './pictures';
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
      void withPictures((p) => p.exportCanvasPicture(flow, item.format, item.background)).finally(() =>
        setBusy(false),
      );
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
