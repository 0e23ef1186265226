/**
 * The toolbar's menus: how each menu's button reads. What a menu lists is not here: the actions of
 * the registry that name the menu (`Action.menu`), in registry order.
 */
import type { ReactNode } from 'react';
import { ExamplesIcon, ExportIcon } from '../icons';
import type { MenuId } from './action';

export interface MenuButton {
  icon: () => ReactNode;
  label: string;
  /** The button's tooltip. */
  title: string;
  /** The list's accessible name. */
  listLabel: string;
  /** Each item's test id is this and the item's key, e.g. "example-xor". */
  testIdPrefix: string;
  buttonTestId?: string;
}

export const MENUS: Record<MenuId, MenuButton> = {
  examples: {
    icon: ExamplesIcon,
    label: 'Examples',
    title: 'Open a ready-made network',
    listLabel: 'Examples',
    testIdPrefix: 'example-',
  },
  export: {
    icon: ExportIcon,
    label: 'Export',
    title: 'Download this network: as a file, as code, as an ONNX model or as a picture',
    listLabel: 'Export as',
    testIdPrefix: 'export-',
    buttonTestId: 'export-menu',
  },
};
