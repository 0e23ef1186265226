/**
 * The canvas as a picture: PNG on white, PNG with the theme's background, SVG. Three actions of one
 * idea, so one file; each is its own line in the registry and its own item in the Export menu.
 */
import { flowInstance } from '../actions/flow';
import { exportIdle, runExport } from '../code/run-export';
import { PictureIcon } from '../icons';
import { withPictures } from '../pictures/load-pictures';
import type { PictureBackground, PictureFormat } from '../pictures/pictures';
import '../pictures/pictures.css';
import type { Action } from './action';

function pictureAction(
  id: string,
  format: PictureFormat,
  background: PictureBackground,
  label: string,
  title: string,
  description: string,
): Action {
  return {
    id: `export-${id}`,
    label,
    description,
    group: 'Document',
    icon: PictureIcon,
    menu: { menu: 'export', item: id, title, description, testId: `picture-${id}` },
    ...exportIdle,
    run: () => {
      const flow = flowInstance();
      if (flow) runExport(() => withPictures((p) => p.exportCanvasPicture(flow, format, background)));
    },
  };
}

export const exportPng = pictureAction(
  'png',
  'png',
  'white',
  'Export as PNG picture',
  'Picture, PNG',
  'White background, sharp at twice the screen resolution.',
);

export const exportPngAsShown = pictureAction(
  'png-theme',
  'png',
  'theme',
  'Export as PNG picture, as on screen',
  'Picture, PNG as on screen',
  'With the canvas background of the current theme.',
);

export const exportSvg = pictureAction(
  'svg',
  'svg',
  'white',
  'Export as SVG picture',
  'Picture, SVG',
  'Scalable, for web pages (some slide programs show PNG only).',
);
