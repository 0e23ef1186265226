import { describe, expect, it } from 'vitest';
import { cardAt, type OverviewCard, overviewNodeShapes } from '../../src/ui/canvas/overview-nodes';

const card = (id: string, x: number, y: number, group = 'neurons', error = false): OverviewCard => ({
  id,
  x,
  y,
  width: 200,
  height: 80,
  group,
  error,
});

describe('the overview of a very big network’s nodes', () => {
  const cards = [card('a', 0, 0), card('b', 260, 0, 'data'), card('c', 0, 110, 'neurons', true)];

  it('draws each card as a rectangle in its family’s path, and the ones with an error outlined', () => {
    const shapes = overviewNodeShapes(cards, new Set());
    expect(shapes.drawn).toBe(3);
    expect(shapes.paths).toEqual([
      { group: 'neurons', d: 'M0 0h200v80h-200zM0 110h200v80h-200z' },
      { group: 'data', d: 'M260 0h200v80h-200z' },
    ]);
    expect(shapes.errors).toBe('M0 110h200v80h-200z');
  });

  it('leaves out the cards React Flow draws (the selected ones)', () => {
    const shapes = overviewNodeShapes(cards, new Set(['c']));
    expect(shapes.drawn).toBe(2);
    expect(shapes.paths[0]).toEqual({ group: 'neurons', d: 'M0 0h200v80h-200z' });
    expect(shapes.errors).toBe('');
  });

  it('finds the card under a point, the one drawn last where two overlap, and none between cards', () => {
    expect(cardAt(cards, 100, 40)?.id).toBe('a');
    expect(cardAt(cards, 300, 79)?.id).toBe('b');
    expect(cardAt(cards, 230, 40)).toBeNull();
    expect(cardAt([...cards, card('d', 100, 20)], 150, 50)?.id).toBe('d');
  });
});
