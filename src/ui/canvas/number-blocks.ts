/**
 * Where each node's numbers go (its outputs and ∂L/∂output, a neuron's b and ∂L/∂b): a block centred
 * under its card, drawn at a constant size on screen like the edge labels (see numberScale). Zoomed
 * out, a block grows in flow units and would cover the node under it in a column (the spiral's
 * hidden layers): such a block is not shown, so nothing is hidden under it; it shows while its
 * neuron is hovered or selected (focus). Pure: the caller supplies card boxes and row counts.
 */
import { type Box, Grid } from './label-placement';

/** A block's width on screen (px), enough for "y −0.1234 ∂−0.1234" at 11 px. */
export const BLOCK_WIDTH = 150;
/** One row's height on screen (px), and the gap between the card and the block. */
export const BLOCK_ROW = 18;
export const BLOCK_GAP = 3;

export interface NumberBlock {
  id: string;
  /** The node's card, in flow units. */
  card: Box;
  /** Rows the block prints (0: none). */
  rows: number;
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

/** The box a block of `rows` rows takes under (or above) `card` at `scale`, in flow units. */
export function blockBox(card: Box, rows: number, scale: number, side: BlockSide = 'below'): Box {
  const width = BLOCK_WIDTH * scale;
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
      const box = blockBox(b.card, b.rows, scale, s);
      return cards.cost(box) === 0 && taken.cost(box) === 0;
    });
    if (!side) {
      hidden.add(b.id);
      continue;
    }
    const box = blockBox(b.card, b.rows, scale, side);
    taken.add(box);
    shown.set(b.id, { side, box });
  }
  return { shown, hidden };
}
