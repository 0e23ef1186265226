import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLongPress } from '../../src/ui/context-menu/long-press';

describe('a long press', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setUp = () => {
    const held: { x: number; y: number }[] = [];
    return { held, press: createLongPress((at) => held.push(at), { holdMs: 500, slopPx: 10 }) };
  };

  it('fires once, where the finger went down, after it is held for the whole time', () => {
    const { held, press } = setUp();
    press.down(1, 100, 200);
    vi.advanceTimersByTime(499);
    expect(held).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(held).toEqual([{ x: 100, y: 200 }]);
    vi.advanceTimersByTime(5000);
    expect(held).toHaveLength(1);
  });

  it('still counts a finger that drifts by the slop (3-4-5: 10 px away exactly)', () => {
    const { held, press } = setUp();
    press.down(1, 0, 0);
    press.move(1, 6, 8);
    vi.advanceTimersByTime(500);
    expect(held).toHaveLength(1);
  });

  it('is cancelled by a move beyond the slop: that is a drag', () => {
    const { held, press } = setUp();
    press.down(1, 0, 0);
    press.move(1, 6, 8.1);
    vi.advanceTimersByTime(1000);
    expect(held).toEqual([]);
  });

  it('is cancelled by lifting the finger first: that is a tap', () => {
    const { held, press } = setUp();
    press.down(1, 0, 0);
    vi.advanceTimersByTime(300);
    press.up(1);
    vi.advanceTimersByTime(1000);
    expect(held).toEqual([]);
  });

  it('is cancelled by a second finger: that is a pinch or a pan', () => {
    const { held, press } = setUp();
    press.down(1, 0, 0);
    press.down(2, 50, 0);
    vi.advanceTimersByTime(1000);
    expect(held).toEqual([]);
  });

  it("ignores another pointer's moves and lifts", () => {
    const { held, press } = setUp();
    press.down(1, 0, 0);
    press.move(7, 300, 300);
    press.up(7);
    vi.advanceTimersByTime(500);
    expect(held).toHaveLength(1);
  });
});
