/**
 * A node's name at a size one can read, whatever the zoom: where a card's own title would be drawn
 * under 11 px on screen (the view a network opens with is fitted to show all of it: the circle opens
 * near 18 %, the chain rule near 40 %), a chip over the card's header shows its name (and, where the
 * card is wide enough on screen, its kind's icon) at 12 px, at a constant size on screen like the
 * numbers (see number-blocks.ts). It is as wide as the card, or as its name where that is wider;
 * label placement treats it as part of the card (nothing is placed over it) and a node's numbers go
 * under it where it reaches below the card.
 *
 * A big network (thousands of cards) shows no chips: names there are read by zooming in or hovering.
 * Pure but for the text measure and the zoom store.
 */
import { create } from 'zustand';
import { isBigNetwork } from './big-network';
import type { Box } from './label-placement';
import { CARD_BORDER, HEADER_MIDDLE } from './node-size';
import { fontFamily, textWidth } from './text-width';

/** The font size of a card's title (node.css .ng-node__title), px at 100 %. */
export const CARD_TITLE_PX = 12.5;
/** The smallest text a learner is asked to read on the canvas, on screen. */
export const MIN_READABLE_PX = 11;
/** Below this zoom a card's title is drawn under MIN_READABLE_PX: the chip shows. */
export const TITLE_CHIP_ZOOM = MIN_READABLE_PX / CARD_TITLE_PX;
/** The chip's height on screen, px (node.css: a 15 px line and its border). */
export const CHIP_HEIGHT = 17;
/** The chip's padding and border either side, px. */
const CHIP_SIDE = 6;
/** The widest a chip grows for a long name (longer ones end in "…"), px. */
export const CHIP_MAX_WIDTH = 220;
/** A pixel to spare over the measured text: the page and the measure may round apart. */
const SLACK = 1;

/** Whether chips show at this zoom for a network of this many nodes. */
export function showsTitleChips(zoom: number, nodeCount: number): boolean {
  return zoom < TITLE_CHIP_ZOOM && !isBigNetwork(nodeCount);
}

/** The chip's width on screen (px) at its narrowest: its name (or its icon, if wider) and padding. */
export function chipMinWidth(name: string, icon: string): number {
  const family = fontFamily('--font', 'sans-serif');
  // Each laid out a whole number of pixels wide (rounded up); the icon with its 3 px padding.
  const text = Math.max(
    Math.ceil(textWidth(name, `600 12px ${family}`)),
    Math.ceil(textWidth(icon, `700 11px ${family}`)) + 6,
  );
  return Math.min(CHIP_MAX_WIDTH, text + 2 * CHIP_SIDE + SLACK);
}

/**
 * Where a node's chip is, in flow units, at `scale` (numberScale: 1 / zoom): centred on the card,
 * as wide as the inside of the card or `minWidth` px on screen, its middle on the header's middle
 * unless that would put its top above the card's (node.css follows the same rule, placing it
 * inside the card's border).
 */
export function chipBox(card: Box, minWidth: number, scale: number): Box {
  const width = Math.max(card.width - 2 * CARD_BORDER, minWidth * scale);
  // From the inside of the card's border, where node.css places it: the header's middle is at 19.5.
  const top = Math.max(0, HEADER_MIDDLE - CARD_BORDER - (CHIP_HEIGHT / 2) * scale);
  return {
    x: card.x + card.width / 2 - width / 2,
    y: card.y + CARD_BORDER + top,
    width,
    height: CHIP_HEIGHT * scale,
  };
}

/** The box around a card and its chip: what the node takes on the canvas. */
export function withChip(card: Box, chip: Box): Box {
  const x = Math.min(card.x, chip.x);
  const y = Math.min(card.y, chip.y);
  const right = Math.max(card.x + card.width, chip.x + chip.width);
  const bottom = Math.max(card.y + card.height, chip.y + chip.height);
  return { x, y, width: right - x, height: bottom - y };
}

interface TitleZoom {
  /** Whether the view is zoomed out past TITLE_CHIP_ZOOM. */
  below: boolean;
}

/** The zoom, as far as chips care: components re-render when it crosses the threshold, not on each step. */
export const useTitleZoom = create<TitleZoom>()(() => ({ below: false }));

export const selectBelowTitleZoom = (s: TitleZoom) => s.below;

export function showTitleZoom(zoom: number): void {
  const below = zoom < TITLE_CHIP_ZOOM;
  if (below !== useTitleZoom.getState().below) useTitleZoom.setState({ below });
}
