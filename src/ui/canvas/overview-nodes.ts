/**
 * The nodes of a very big network seen from far away, as a few SVG paths: one per family, filled
 * in its colour, and one outline for the nodes with an error. At the view such a network opens
 * with, every one of its thousands of nodes is on screen; as React Flow nodes (even plain cards)
 * each is a component with its own store subscriptions, measured, styled, laid out and painted,
 * and opening 5,000 of them cost tasks of 150–350 ms per slice however they were sliced. A node
 * the user selects (or presses) is handed to React Flow and drawn as its card on top, so it can
 * be dragged and edited as any other; the overview leaves it out. Pure: boxes in, path data out.
 */
import type { GroupedBox } from './minimap-shapes';

export interface OverviewCard extends GroupedBox {
  id: string;
  /** Drawn with the error outline (the node has a problem of severity "error"). */
  error: boolean;
}

export interface OverviewNodeShapes {
  /** One filled path per family, in first-seen order. */
  paths: { group: string; d: string }[];
  /** The outline of every drawn node with an error ('' when none). */
  errors: string;
  /** How many nodes are drawn. */
  drawn: number;
}

const r = Math.round;

function rect(b: GroupedBox): string {
  return `M${r(b.x)} ${r(b.y)}h${r(b.width)}v${r(b.height)}h${-r(b.width)}z`;
}

/** Every card but those in `skip` (drawn by React Flow instead), grouped by family. */
export function overviewNodeShapes(
  cards: readonly OverviewCard[],
  skip: ReadonlySet<string>,
): OverviewNodeShapes {
  const parts = new Map<string, string[]>();
  const errors: string[] = [];
  let drawn = 0;
  for (const c of cards) {
    if (skip.has(c.id)) continue;
    let list = parts.get(c.group);
    if (!list) {
      list = [];
      parts.set(c.group, list);
    }
    const d = rect(c);
    list.push(d);
    if (c.error) errors.push(d);
    drawn++;
  }
  return {
    paths: [...parts].map(([group, list]) => ({ group, d: list.join('') })),
    errors: errors.join(''),
    drawn,
  };
}

/** The card under a flow point: the last drawn of those that hold it (drawn on top), or null. */
export function cardAt(cards: readonly OverviewCard[], x: number, y: number): OverviewCard | null {
  for (let i = cards.length - 1; i >= 0; i--) {
    const c = cards[i];
    if (x >= c.x && x <= c.x + c.width && y >= c.y && y <= c.y + c.height) return c;
  }
  return null;
}
