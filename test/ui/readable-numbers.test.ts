/**
 * The pure helpers behind readable numbers on the canvas: their scale as the view zooms, where a
 * node's numbers go, labels that must all show (focus), and a fit that keeps clear of what covers
 * the canvas.
 */
import { describe, expect, it } from 'vitest';
import { pointAlongEdge } from '../../src/ui/canvas/edge-geometry';
import { fitViewport, type Rect, showsWhole } from '../../src/ui/canvas/fit-view';
import { type EdgeEnds, placeLabels } from '../../src/ui/canvas/label-placement';
import {
  BLOCK_ROW,
  BLOCK_WIDTH,
  blockBox,
  numberScale,
  placeBlocks,
} from '../../src/ui/canvas/number-blocks';

describe('numberScale: numbers keep their size on screen', () => {
  it('is 1 at 100 % and above, 1 / zoom below (so zoom × scale stays 1)', () => {
    expect(numberScale(1)).toBe(1);
    expect(numberScale(2)).toBe(1);
    expect(numberScale(0.5)).toBe(2);
    expect(numberScale(0.25)).toBe(4);
  });
});

describe('a node’s numbers', () => {
  const card = { x: 100, y: 50, width: 200, height: 80 };

  it('sit centred under the card, a row per number, scaled with the view', () => {
    const box = blockBox(card, 2, 2);
    expect(box.width).toBe(BLOCK_WIDTH * 2);
    expect(box.height).toBe(2 * BLOCK_ROW * 2);
    expect(box.x + box.width / 2).toBe(200); // the card's centre
    expect(box.y).toBeGreaterThan(130); // under its bottom edge
  });

  it('go above the card where the node under it is in the way, and hide where neither side has room', () => {
    // A column of three cards 40 apart: three rows need 3 × 18 + 3 = 57.
    const column = [0, 1, 2].map((i) => ({
      id: `n${i}`,
      card: { x: 0, y: i * 120, width: 200, height: 80 },
      rows: 3,
    }));
    const { shown, hidden } = placeBlocks(column, 1);
    expect(shown.get('n0')?.side).toBe('above'); // under it is n1
    expect(hidden.has('n1')).toBe(true); // n0 above, n2 below
    expect(shown.get('n2')?.side).toBe('below'); // nothing under the last one
  });

  it('show under every card of a row that has room', () => {
    const row = [0, 1, 2].map((i) => ({
      id: `n${i}`,
      card: { x: i * 400, y: 0, width: 200, height: 80 },
      rows: 3,
    }));
    const { shown, hidden } = placeBlocks(row, 1);
    expect(hidden.size).toBe(0);
    expect([...shown.values()].every((b) => b.side === 'below')).toBe(true);
  });
});

describe('placeLabels options', () => {
  const size = { width: 60, height: 20 };
  // Two edges drawn over each other: only one label fits on their common curve.
  const twins: EdgeEnds[] = [
    { id: 'a', sx: 0, sy: 0, tx: 300, ty: 0 },
    { id: 'b', sx: 0, sy: 0, tx: 300, ty: 0 },
  ];

  it('leaves a label out where it would cover another, unless every label must show (force)', () => {
    const normal = placeLabels(twins, [], { width: 300, height: 20 });
    expect(normal.get('a')).not.toBeNull();
    expect(normal.get('b')).toBeNull();
    const forced = placeLabels(twins, [], { width: 300, height: 20 }, { force: true });
    expect(forced.get('b')).not.toBeNull();
  });

  it('keeps labels off reserved boxes (a node’s numbers)', () => {
    const one = [twins[0]];
    const reserved = { x: 100, y: -50, width: 100, height: 100 }; // the middle third of the edge
    const t = placeLabels(one, [], size, { reserved: [reserved] }).get('a')!;
    const p = pointAlongEdge(0, 0, 300, 0, t);
    const label = { x: p.x - size.width / 2, y: p.y - size.height / 2, ...size };
    expect(label.x + label.width <= reserved.x || label.x >= reserved.x + reserved.width).toBe(true);
  });

  it('gives no place where every point covers more of a card than allowed', () => {
    const card = { x: -100, y: -100, width: 600, height: 200 }; // the whole edge lies on a card
    expect(placeLabels([twins[0]], [card], size, { maxNodeCover: 0.3 }).get('a')).toBeNull();
    expect(placeLabels([twins[0]], [card], size).get('a')).not.toBeNull();
  });
});

describe('fitViewport: the whole network, clear of what covers the pane', () => {
  const pane = { width: 800, height: 400 };
  const opts = { padding: 0, below: 0, beside: 0, minZoom: 0.1, maxZoom: 2 };
  const toScreen = (r: Rect, v: { x: number; y: number; zoom: number }): Rect => ({
    x: r.x * v.zoom + v.x,
    y: r.y * v.zoom + v.y,
    width: r.width * v.zoom,
    height: r.height * v.zoom,
  });
  const overlaps = (a: Rect, b: Rect) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('with nothing over the pane, fills it along the tighter side and centres the other', () => {
    const v = fitViewport({ x: 0, y: 0, width: 1600, height: 400 }, pane, [], opts);
    expect(v.zoom).toBe(0.5); // 800 / 1600
    expect(v.x).toBe(0);
    expect(v.y).toBe(100); // (400 − 200) / 2
  });

  it('keeps a wide network out from under a minimap in the bottom-right corner', () => {
    const minimap = { x: 620, y: 270, width: 170, height: 120 };
    const bounds = { x: 0, y: 0, width: 1600, height: 400 };
    const v = fitViewport(bounds, pane, [minimap], opts);
    expect(overlaps(toScreen(bounds, v), minimap)).toBe(false);
    // The best cut gives up the bottom strip (270 px tall is left): 1600 × z ≤ 800 and 400 × z ≤ 270.
    expect(v.zoom).toBeCloseTo(0.5, 6);
  });

  it('puts a tall network beside a toast at the top when that shows it larger than under it', () => {
    const toast = { x: 200, y: 8, width: 400, height: 50 };
    const bounds = { x: 10, y: 20, width: 200, height: 800 };
    const v = fitViewport(bounds, pane, [toast], opts);
    const seen = toScreen(bounds, v);
    expect(overlaps(seen, toast)).toBe(false);
    // Under the toast 342 px are left (zoom 342 / 800); beside it the full 400 px (zoom 0.5, 100 px wide).
    expect(v.zoom).toBeCloseTo(0.5, 6);
    expect(seen.height).toBeCloseTo(400, 6);
  });

  it('puts a wide network under a toast', () => {
    const toast = { x: 200, y: 8, width: 400, height: 50 };
    const bounds = { x: 0, y: 0, width: 1600, height: 200 };
    const v = fitViewport(bounds, pane, [toast], opts);
    const seen = toScreen(bounds, v);
    expect(overlaps(seen, toast)).toBe(false);
    expect(v.zoom).toBeCloseTo(0.5, 6); // 800 / 1600; 100 px tall fits in the 342 under the toast
    expect(seen.y).toBeGreaterThanOrEqual(58);
  });

  it('never zooms past maxZoom for a tiny network', () => {
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, pane, [], opts).zoom).toBe(2);
  });

  it('showsWhole: a saved view is kept only if it shows every node', () => {
    const bounds = { x: 0, y: 0, width: 400, height: 200 };
    expect(showsWhole(bounds, pane, { x: 10, y: 10, zoom: 1 })).toBe(true);
    expect(showsWhole(bounds, pane, { x: 10, y: 10, zoom: 2 })).toBe(false); // 810 px wide in 800
    expect(showsWhole(bounds, pane, { x: -5, y: 10, zoom: 1 })).toBe(false); // its left edge cut
  });
});
