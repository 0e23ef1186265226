/** Where new nodes go: a palette click finds room; auto-layout spreads unconnected nodes in a grid. */
import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../src/engine/graph';
import { layoutPositions } from '../../src/store';
import { roomFor } from '../../src/ui/actions/place';

const size = { width: 200, height: 100 };
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.x < b.x + size.width && b.x < a.x + size.width && a.y < b.y + size.height && b.y < a.y + size.height;

describe('roomFor: a palette click places each new node where there is room', () => {
  it('takes the wanted place when it is free', () => {
    expect(roomFor({ x: 0, y: 0 }, size, [])).toEqual({ x: 0, y: 0 });
  });

  it('ten clicks give ten nodes, none over another, the first ones nearest the middle', () => {
    const taken: { x: number; y: number; width: number; height: number }[] = [];
    for (let i = 0; i < 10; i++) taken.push({ ...roomFor({ x: 0, y: 0 }, size, taken), ...size });
    for (let i = 0; i < taken.length; i++)
      for (let j = i + 1; j < taken.length; j++)
        expect(overlaps(taken[i], taken[j]), `${i}/${j}`).toBe(false);
    // The second goes next to the first (one card's step away), not far off.
    expect(Math.hypot(taken[1].x, taken[1].y)).toBeLessThanOrEqual(size.width + 24);
  });
});

describe('auto-layout of unconnected nodes', () => {
  it('makes a grid about as wide as tall, not one tall column', () => {
    const nodes = Array.from(
      { length: 9 },
      (_, i) =>
        ({ id: `n${i}`, kind: 'neuron', position: { x: 0, y: i * 10 }, params: {} }) as unknown as GraphNode,
    );
    const p = layoutPositions(nodes, [], new Map());
    const xs = new Set([...p.values()].map((q) => q.x));
    const ys = new Set([...p.values()].map((q) => q.y));
    expect(xs.size).toBe(3);
    expect(ys.size).toBe(3);
    const list = [...p.values()];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) expect(overlaps(list[i], list[j])).toBe(false);
  });
});
