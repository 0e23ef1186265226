import { describe, expect, it } from 'vitest';
import { minimapFrame, minimapShapes, viewInFlow } from '../../src/ui/canvas/minimap-shapes';
import { keepIfSame } from '../../src/ui/canvas/stable-list';

describe('light minimap shapes', () => {
  it('draws one path per group, one rectangle per node, and bounds holding them all', () => {
    const s = minimapShapes([
      { x: 0, y: 0, width: 10, height: 5, group: 'data' },
      { x: 100, y: -20, width: 10, height: 5, group: 'neurons' },
      { x: 50, y: 40, width: 20, height: 10, group: 'data' },
    ]);
    expect(s.paths.map((p) => p.group)).toEqual(['data', 'neurons']);
    expect(s.paths[0].d).toBe('M0 0h10v5h-10zM50 40h20v10h-20z');
    expect(s.paths[1].d).toBe('M100 -20h10v5h-10z');
    expect(s.bounds).toEqual({ x: 0, y: -20, width: 110, height: 70 });
  });

  it('has no bounds without nodes', () => {
    expect(minimapShapes([])).toEqual({ paths: [], bounds: null });
  });

  it('turns the transform into the part of the flow on screen', () => {
    expect(viewInFlow([-200, 100, 2], 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });

  it('frames nodes and view together at the minimap aspect, centred, with a margin', () => {
    // Nodes 0..300 × 0..100, view inside them: the frame is as wide as the nodes (plus margin),
    // and as high as the 3:2 minimap asks, centred on them.
    const f = minimapFrame(
      { x: 0, y: 0, width: 300, height: 100 },
      { x: 10, y: 10, width: 20, height: 20 },
      150,
      100,
      0,
    );
    expect(f).toEqual({ x: 0, y: -50, width: 300, height: 200 });
    const m = minimapFrame(
      { x: 0, y: 0, width: 300, height: 100 },
      { x: 10, y: 10, width: 20, height: 20 },
      150,
      100,
      5,
    );
    // 5 minimap pixels at 2 flow units each.
    expect(m).toEqual({ x: -10, y: -60, width: 320, height: 220 });
  });

  it('widens the frame to hold a view that lies beyond the nodes', () => {
    const f = minimapFrame(
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 400, y: 0, width: 100, height: 100 },
      100,
      100,
      0,
    );
    expect(f.x).toBeLessThanOrEqual(0);
    expect(f.x + f.width).toBeGreaterThanOrEqual(500);
  });
});

describe('keepIfSame', () => {
  it('keeps the previous array while it holds the same elements, in order', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const previous = [a, b];
    expect(keepIfSame(previous, [a, b])).toBe(previous);
  });

  it('takes the new array when an element, the order or the length differs', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const previous = [a, b];
    const copy = [a, { id: 'b' }];
    expect(keepIfSame(previous, copy)).toBe(copy);
    const swapped = [b, a];
    expect(keepIfSame(previous, swapped)).toBe(swapped);
    const longer = [a, b, a];
    expect(keepIfSame(previous, longer)).toBe(longer);
    const first = [a];
    expect(keepIfSame(undefined, first)).toBe(first);
  });
});
