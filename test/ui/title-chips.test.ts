/**
 * A node's name at a size one can read when the view opens zoomed out: when the chip shows, where it
 * sits on its card, and the room a node's numbers take by their text.
 */
import { describe, expect, it } from 'vitest';
import {
  BLOCK_WIDTH,
  blockWidth,
  type MeasureRowText,
  placeBlocks,
  STRIP_WIDTH,
} from '../../src/ui/canvas/number-blocks';
import {
  CHIP_HEIGHT,
  CHIP_MAX_WIDTH,
  chipBox,
  chipMinWidth,
  showsTitleChips,
  withChip,
} from '../../src/ui/canvas/title-chips';

describe('when a card shows its name as a chip', () => {
  it('from the zoom where its 12.5 px title would be drawn under 11 px', () => {
    // 12.5 px × 0.88 = 11 px: still readable; a little further out it is not.
    expect(showsTitleChips(0.88, 8)).toBe(false);
    expect(showsTitleChips(0.87, 8)).toBe(true);
    expect(showsTitleChips(0.18, 8)).toBe(true);
    expect(showsTitleChips(1, 8)).toBe(false);
  });

  it('never in a big network (names there show on hover or zoomed in)', () => {
    expect(showsTitleChips(0.18, 250)).toBe(true);
    expect(showsTitleChips(0.18, 251)).toBe(false);
  });
});

describe('where the chip sits', () => {
  // A card 212 × 102 with its 1 px border: inside it 210 wide; its header's middle 20.5 below its
  // top (a 3 px family strip, then a 35 px header).
  const card = { x: 100, y: 50, width: 212, height: 102 };

  it('zoomed far out: at the card’s top, as wide as the inside of the card, 17 px tall on screen', () => {
    const zoom = 0.2;
    const box = chipBox(card, 30, 1 / zoom); // 30 px on screen is 150 flow units: narrower than the card
    expect(box.width).toBe(210);
    expect(box.x).toBe(101);
    expect(box.y).toBe(51); // its middle (20.5) would be above the top: it starts at the top
    expect(box.height * zoom).toBeCloseTo(CHIP_HEIGHT, 9);
  });

  it('a little out: centred on the header’s middle', () => {
    const box = chipBox(card, 30, 1.25);
    expect(box.y + box.height / 2).toBeCloseTo(card.y + 20.5, 9);
  });

  it('as wide as its name where that is wider than the card on screen, centred on the card', () => {
    const box = chipBox(card, 120, 2); // 240 flow units
    expect(box.width).toBe(240);
    expect(box.x + box.width / 2).toBe(card.x + card.width / 2);
    expect(withChip(card, box)).toEqual({ x: 86, y: 50, width: 240, height: 102 });
  });

  it('a chip that reaches below a small card makes the node taller', () => {
    const small = { x: 0, y: 0, width: 212, height: 40 };
    const box = chipBox(small, 30, 5); // 85 flow units tall, from 1 below the top
    expect(withChip(small, box).height).toBe(86);
  });

  it('a longer name makes a wider chip, up to a limit', () => {
    expect(chipMinWidth('d = a·b + c', '+')).toBeGreaterThan(chipMinWidth('a', '+'));
    expect(chipMinWidth('a name far too long for any chip on the canvas', 'N')).toBe(CHIP_MAX_WIDTH);
  });
});

describe('the room a node’s numbers take, by their text', () => {
  // Every character 6 px wide, "∂" too.
  const measure: MeasureRowText = (text) => [...text].length * 6;
  const row = (name: string, value: string, grad: string) => ({ name, value, grad, strip: false });

  it('a row is its border and padding (6 px either side), its name, value and ∂gradient, 5 px apart, and a pixel to spare', () => {
    // "θ", "2", "∂6": 4 characters, 2 gaps, 12 px of sides.
    expect(blockWidth([row('θ', '2', '6')], true, measure)).toBe(12 + 4 * 6 + 2 * 5 + 1);
  });

  it('rounds each part of a row up to whole pixels, as the page lays them out', () => {
    const halves: MeasureRowText = (text) => [...text].length * 6.5;
    // "θ" 6.5 → 7, "2" → 7, "∂6" 13 → 13.
    expect(blockWidth([row('θ', '2', '6')], true, halves)).toBe(12 + 7 + 7 + 13 + 2 * 5 + 1);
  });

  it('a block is as wide as its widest row; a loss prints no gradient; heat strips keep their width', () => {
    const rows = [row('y', '−0.6094', '−0.104'), row('b', '−0.01', '0.01947')];
    expect(blockWidth(rows, true, measure)).toBe(12 + (1 + 7 + 1 + 6) * 6 + 2 * 5 + 1);
    expect(blockWidth([row('L', '0.2705', '1')], false, measure)).toBe(12 + 7 * 6 + 5 + 1);
    expect(blockWidth([{ name: 'y', value: '', grad: '', strip: true }], true, measure)).toBe(STRIP_WIDTH);
  });

  it('narrow blocks side by side both fit under their cards where blocks of the default width would not', () => {
    // Two cards 150 apart, centre to centre: two 150-wide blocks under them would touch.
    const cards = [0, 1].map((i) => ({
      id: `n${i}`,
      card: { x: i * 150, y: 0, width: 100, height: 80 },
      rows: 1,
    }));
    const wide = placeBlocks(
      cards.map((c) => ({ ...c, width: BLOCK_WIDTH + 10 })),
      1,
    );
    expect(wide.shown.get('n1')?.side).toBe('above');
    const narrow = placeBlocks(
      cards.map((c) => ({ ...c, width: 60 })),
      1,
    );
    expect([...narrow.shown.values()].map((b) => b.side)).toEqual(['below', 'below']);
  });
});
