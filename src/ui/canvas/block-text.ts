/**
 * How wide a node's block of numbers is on screen, from what it prints (ui/training/printed.ts), in
 * the fonts training.css draws it with: the room label placement keeps for it (number-blocks.ts).
 */
import type { PrintedRow } from '../training/printed';
import { blockWidth, type MeasureRowText } from './number-blocks';
import { fontFamily, textWidth } from './text-width';

const SERIF = 'Georgia, "Times New Roman", serif';

const measure: MeasureRowText = (text, font) => {
  const mono = fontFamily('--mono', 'monospace');
  switch (font) {
    case 'key':
      return textWidth(text, `italic 11px ${SERIF}`);
    case 'value':
      return textWidth(text, `600 11px ${mono}`);
    case 'grad':
      return textWidth(text, `11px ${mono}`);
    case 'mark':
      return textWidth(text, `italic 11px ${mono}`);
  }
};

/** Whether a node's rows print gradients: a loss prints its value alone (∂L/∂L is always 1). */
export function printsGradients(rows: readonly PrintedRow[]): boolean {
  return !(rows.length === 1 && rows[0].port === 'loss');
}

/** The block's width on screen (px) for these rows. */
export function printedBlockWidth(rows: readonly PrintedRow[]): number {
  return blockWidth(
    rows.map((r) => ({ name: r.name, value: r.value, grad: r.grad, strip: r.cells !== null })),
    printsGradients(rows),
    measure,
  );
}
