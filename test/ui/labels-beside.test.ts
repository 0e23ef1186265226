/**
 * Labels beside their edge (with a leader line) where no point of the edge is free, and the
 * minimap's rule: hidden while every node is in view.
 */
import { describe, expect, it } from 'vitest';
import { type EdgeEnds, placeLabelSlots, portRims } from '../../src/ui/canvas/label-placement';
import { nodesInView } from '../../src/ui/canvas/whole-in-view';

describe('placeLabelSlots: beside the edge where the edge has no room', () => {
  const size = { width: 60, height: 20 };
  // Two edges from neighbouring ports into one port (XOR's x1 and x2): one curve, room for one label.
  const twins: EdgeEnds[] = [
    { id: 'a', sx: 0, sy: 0, tx: 100, ty: 0 },
    { id: 'b', sx: 0, sy: 2, tx: 100, ty: 0 },
  ];
  const beside = { ts: [0.5], distances: [25, 50] };

  it('puts the second label above or below a point of its edge, clear of the first', () => {
    const slots = placeLabelSlots(twins, [], size, { beside });
    expect(slots.get('a')).toEqual({ t: expect.any(Number), dy: 0 });
    const b = slots.get('b')!;
    expect(b.t).toBe(0.5);
    // The first distance tried, upwards first: 25 above the point, its box (20 high) 15 clear of the edge.
    expect(b.dy).toBe(-25);
  });

  it('without the option, the second label has no place (as placeLabels)', () => {
    expect(placeLabelSlots(twins, [], size).get('b')).toBeNull();
  });

  it('takes the next distance, or the other side, where a card is in the way', () => {
    // A card over the band 10…40 above the edge (y −40…−10, across its middle).
    const card = { x: 30, y: -40, width: 40, height: 30 };
    const slots = placeLabelSlots(twins, [card], size, { beside });
    expect(slots.get('b')!.dy).toBe(25);
  });

  it('stays inside `within` (the network): a label above the top row would be cut off', () => {
    const within = { x: -10, y: -5, width: 120, height: 50 }; // room below the edge only
    const slots = placeLabelSlots(twins, [], size, { beside: { ...beside, within } });
    expect(slots.get('b')!.dy).toBe(25);
    const none = placeLabelSlots(twins, [], size, {
      beside: { ...beside, within: { x: -10, y: -5, width: 120, height: 10 } },
    });
    expect(none.get('b')).toBeNull();
  });

  it('prefers a free place beside the edge to a point of it over a card', () => {
    // The whole edge runs along the rim of a card (a quarter of a label on it would cover it, where
    // a port may be): the label goes above the edge rather than onto the card.
    const card = { x: -50, y: 5, width: 200, height: 20 };
    const slots = placeLabelSlots([twins[0]], [card], size, { beside, maxNodeCover: 0.5 });
    expect(slots.get('a')!.dy).toBe(-25);
    // Without room beside it, the point on the rim is still better than no label.
    expect(placeLabelSlots([twins[0]], [card], size, { maxNodeCover: 0.5 }).get('a')!.dy).toBe(0);
  });
});

describe('nodesInView: the minimap hides while it would tell nothing', () => {
  const at = (x: number, y: number, width = 100, height = 50) => ({
    internals: { positionAbsolute: { x, y } },
    measured: { width, height },
  });
  const pane = { width: 400, height: 200 };

  it('is true when every node lies inside the pane at the view', () => {
    expect(nodesInView([at(0, 0), at(300, 150)], pane, { x: 0, y: 0, zoom: 1 })).toBe(true);
    // Zoomed to a half, nodes twice as far out still fit.
    expect(nodesInView([at(600, 300)], pane, { x: 0, y: 0, zoom: 0.5 })).toBe(true);
  });

  it('is false when a node reaches past any side', () => {
    expect(nodesInView([at(301, 0)], pane, { x: 0, y: 0, zoom: 1 })).toBe(false);
    expect(nodesInView([at(0, 0)], pane, { x: -1, y: 0, zoom: 1 })).toBe(false);
    expect(nodesInView([at(0, 151)], pane, { x: 0, y: 0, zoom: 1 })).toBe(false);
    // Zoomed in, a node that fitted no longer does.
    expect(nodesInView([at(300, 150)], pane, { x: 0, y: 0, zoom: 1.2 })).toBe(false);
  });

  it('is true with no nodes, or before the pane is laid out', () => {
    expect(nodesInView([], pane, { x: 0, y: 0, zoom: 1 })).toBe(true);
    expect(nodesInView([at(900, 0)], { width: 0, height: 0 }, { x: 0, y: 0, zoom: 1 })).toBe(true);
  });
});

describe('ports and the focused card', () => {
  const size = { width: 60, height: 20 };
  const edge: EdgeEnds = { id: 'a', sx: 0, sy: 0, tx: 100, ty: 0 };

  it('portRims: a strip either way of each side of the card, its full height', () => {
    expect(portRims({ x: 10, y: 20, width: 100, height: 50 }, 5)).toEqual([
      { x: 5, y: 20, width: 10, height: 50 },
      { x: 105, y: 20, width: 10, height: 50 },
    ]);
  });

  it('a forced label covers any label before the forbidden box (the focused card)', () => {
    // The only candidate point covers both a reserved label box and the forbidden card, each
    // alone elsewhere: of the two points, the one over the label wins.
    const reserved = [{ x: 10, y: -5, width: 10, height: 10 }]; // around t ≈ 0.2 (x ≈ 15)
    const forbidden = [{ x: 75, y: -5, width: 10, height: 10 }]; // around t ≈ 0.8 (x ≈ 80)
    const t = placeLabelSlots([edge], [], size, { reserved, forbidden, force: true, candidates: [0.8, 0.2] });
    expect(t.get('a')!.t).toBe(0.2);
    // Unforced, neither point is taken.
    expect(
      placeLabelSlots([edge], [], size, { reserved, forbidden, candidates: [0.8, 0.2] }).get('a'),
    ).toBeNull();
  });
});
