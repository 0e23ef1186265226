import { describe, expect, it } from 'vitest';
import { popupPlace } from '../../src/ui/canvas/popup-place';

const canvas = { left: 230, top: 44, right: 1100, bottom: 580 };
const size = { width: 320, height: 200 };

describe('a popup opened at a point stays on the canvas', () => {
  it('opens at the point when there is room', () => {
    expect(popupPlace({ x: 400, y: 100 }, size, canvas)).toEqual({ left: 400, top: 100 });
  });

  it('keeps a gap from the point, as a message beside the pointer does', () => {
    expect(popupPlace({ x: 400, y: 100 }, size, canvas, { gap: 14 })).toEqual({ left: 414, top: 114 });
  });

  it('flips left of the point near the right edge, not over the inspector', () => {
    expect(popupPlace({ x: 1000, y: 100 }, size, canvas)).toEqual({ left: 680, top: 100 });
  });

  it('flips above the point near the bottom edge', () => {
    expect(popupPlace({ x: 400, y: 560 }, size, canvas)).toEqual({ left: 400, top: 360 });
  });

  it('never goes above the canvas (over the toolbar) when there is no room either way', () => {
    const tall = { width: 320, height: 480 };
    const { top } = popupPlace({ x: 400, y: 300 }, tall, canvas);
    expect(top).toBeGreaterThanOrEqual(canvas.top + 8);
    expect(top + tall.height).toBeLessThanOrEqual(canvas.bottom - 8 + 1e-9);
  });
});
