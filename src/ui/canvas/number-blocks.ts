/**
 * Where each node's numbers go (its outputs and ∂L/∂output, a neuron's b and ∂L/∂b): a block centred
 * under its card, drawn at a constant size on screen like the edge labels (see numberScale). Zoomed
 * out, a block grows in flow units and would cover the node under it in a column (the spiral's
 * hidden layers): such a block is not shown, so nothing is hidden under it; it shows while its
 * neuron is hovered or selected (focus). Pure: the caller supplies card boxes, row counts and widths.
 */
import { type Box, Grid } from './label-placement';

/**
 * The room on screen (px) kept for a block whose text is not known: about "y −0.1234 ∂−0.1234" at
 * 11 px. A block is as wide as its text (blockWidth).
 */
export const BLOCK_WIDTH = 150;
/** A row of heat strips (a layer's units) on screen, px (training.css). */
export const STRIP_WIDTH = 150;
/** One row's height on screen (px), and the gap between the card and the block. */
export const BLOCK_ROW = 18;
export const BLOCK_GAP = 3;
/** A row's border and padding either side, and the gap between its parts, px (training.css). */
const ROW_SIDE = 6;
const ROW_GAP = 5;
/** A pixel to spare over the measured text: the page and the measure may round apart. */
const SLACK = 1;

export interface NumberBlock {
  id: string;
  /** The node's card, in flow units (with its name chip, where it shows one). */
  card: Box;
  /** Rows the block prints (0: none). */
  rows: number;
  /** Its width on screen, px (default BLOCK_WIDTH). */
  width?: number;
}

/** What a row of a block prints (ui/training/printed.ts): a name, a value and ∂, or heat strips. */
export interface BlockRowText {
  name: string;
  value: string;
  grad: string;
  strip: boolean;
}

/** The width of a text in one of a row's fonts (training.css), px on screen. */
export type MeasureRowText = (text: string, font: 'key' | 'value' | 'grad' | 'mark') => number;

/**
 * How wide a block is on screen (px), laid out as training.css lays its rows out: each row its
 * border and padding, its name, its value and (unless `gradients` is off: a loss) "∂" and the
 * gradient, with a gap between them, and a pixel to spare; a row of strips STRIP_WIDTH. Numbers that changed since get a
 * new width at the next placement (label-slots.ts keeps each block's widest).
 */
export function blockWidth(
  rows: readonly BlockRowText[],
  gradients: boolean,
  measure: MeasureRowText,
): number {
  let widest = 0;
  for (const row of rows) {
    let width: number;
    if (row.strip) width = STRIP_WIDTH;
    else {
      // Each part of a row is laid out a whole number of pixels wide (rounded up).
      width =
        2 * ROW_SIDE + Math.ceil(measure(row.name, 'key')) + ROW_GAP + Math.ceil(measure(row.value, 'value'));
      if (gradients) width += ROW_GAP + Math.ceil(measure('∂', 'mark') + measure(row.grad, 'grad'));
      width += SLACK;
    }
    widest = Math.max(widest, width);
  }
  return widest;
}

/**
 * How much the numbers are scaled in flow units so they keep their size on screen: 1 zoomed in
 * (they grow with the view, like everything else), 1 / zoom zoomed out (they stay as at 100 %).
 */
export function numberScale(zoom: number): number {
  return zoom > 0 && zoom < 1 ? 1 / zoom : 1;
}

/**
 * A label's CSS transform: centred on `at`, at the numbers' constant size on screen, or `dy` px on
 * screen below it (above if negative): a label beside its edge keeps its distance at any zoom.
 */
export function labelTransform(at: { x: number; y: number }, dy = 0): string {
  const beside = dy === 0 ? '' : ` translate(0px, ${dy}px)`;
  return `translate(${at.x}px, ${at.y}px) scale(var(--ng-num-scale, 1))${beside} translate(-50%, -50%)`;
}

/** Under its card, or (the top node of a full column) above it. */
export type BlockSide = 'below' | 'above';

/**
 * The box a block of `rows` rows, `width` px wide on screen, takes under (or above) `card` at
 * `scale`, in flow units.
 */
export function blockBox(
  card: Box,
  rows: number,
  scale: number,
  side: BlockSide = 'below',
  blockWidthPx = BLOCK_WIDTH,
): Box {
  const width = blockWidthPx * scale;
  const height = rows * BLOCK_ROW * scale;
  const gap = BLOCK_GAP * scale;
  return {
    x: card.x + card.width / 2 - width / 2,
    y: side === 'below' ? card.y + card.height + gap : card.y - gap - height,
    width,
    height,
  };
}

export interface PlacedBlocks {
  /** Where each shown block is: its side and its box (edge labels must avoid it). */
  shown: Map<string, { side: BlockSide; box: Box }>;
  /** Blocks with no room on either side. */
  hidden: Set<string>;
}

/**
 * Which blocks show: each, in the order given, under its card if that covers no card and no
 * block already shown, else above it on the same terms, else not at all.
 */
export function placeBlocks(blocks: readonly NumberBlock[], scale: number): PlacedBlocks {
  const cards = new Grid();
  for (const b of blocks) cards.add(b.card);
  const taken = new Grid();
  const shown = new Map<string, { side: BlockSide; box: Box }>();
  const hidden = new Set<string>();
  for (const b of blocks) {
    if (b.rows === 0) continue;
    const side = (['below', 'above'] as const).find((s) => {
      const box = blockBox(b.card, b.rows, scale, s, b.width);
      return cards.cost(box) === 0 && taken.cost(box) === 0;
    });
    if (!side) {
      hidden.add(b.id);
      continue;
    }
    const box = blockBox(b.card, b.rows, scale, side, b.width);
    taken.add(box);
    shown.set(b.id, { side, box });
  }
  return { shown, hidden };
}
