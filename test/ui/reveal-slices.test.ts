import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { ALL_AT_ONCE, createReveal, MAX_OFF_SCREEN } from '../../src/ui/canvas/reveal-slices';
import {
  FIRST_SLICE,
  MAX_SLICE,
  MIN_SLICE,
  nextSliceSize,
  SLICE_BUDGET_MS,
} from '../../src/ui/canvas/slice-size';

describe('the size of a slice', () => {
  it('starts with FIRST_SLICE nodes', () => {
    expect(nextSliceSize(null)).toBe(FIRST_SLICE);
  });

  it('follows the last slice’s pace to the budget', () => {
    // 100 nodes in 100 ms: 1 node per ms, so the budget holds SLICE_BUDGET_MS nodes.
    expect(nextSliceSize({ count: 100, ms: 100 })).toBe(SLICE_BUDGET_MS);
    // 100 nodes in 4 × the budget: a quarter as many.
    expect(nextSliceSize({ count: 100, ms: 4 * SLICE_BUDGET_MS })).toBe(25);
  });

  it('grows at most 1.5-fold after a cheap slice, and stays within MIN_SLICE … MAX_SLICE', () => {
    expect(nextSliceSize({ count: 200, ms: 1 })).toBe(300);
    expect(nextSliceSize({ count: 200, ms: 0 })).toBe(300);
    expect(nextSliceSize({ count: 400, ms: 1 })).toBe(MAX_SLICE);
    expect(nextSliceSize({ count: 30, ms: 10_000 })).toBe(MIN_SLICE);
  });
});

interface Doc {
  nodes: { id: string }[];
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));

describe('revealing a burst of new nodes in slices', () => {
  let queue: (() => void)[];
  let time: number;
  const afterPaint = (run: () => void) => void queue.push(run);
  beforeEach(() => {
    queue = [];
    time = 0;
  });

  /** Runs the next slice, `ms` after the last one started. */
  function nextSlice(ms: number): void {
    time += ms;
    queue.shift()!();
  }

  it('shows a few new nodes at once', () => {
    const doc = create<Doc>()(() => ({ nodes: ids('a', 10) }));
    const reveal = createReveal(doc, afterPaint, () => time);
    expect(reveal.getState().withheld.size).toBe(0);
    doc.setState({ nodes: [...doc.getState().nodes, ...ids('b', ALL_AT_ONCE)] });
    expect(reveal.getState()).toMatchObject({ total: 0, shown: 0 });
    expect(reveal.getState().withheld.size).toBe(0);
    expect(queue).toHaveLength(0);
  });

  it('withholds a big burst and releases it slice by slice, paced, in document order', () => {
    const doc = create<Doc>()(() => ({ nodes: [] }));
    const reveal = createReveal(doc, afterPaint, () => time);
    doc.setState({ nodes: ids('n', 1000) });
    // Nothing before the first paint (the view is fitted first), then a slice after each paint.
    expect(reveal.getState()).toMatchObject({ total: 1000, shown: 0 });
    expect(reveal.getState().withheld.size).toBe(1000);
    nextSlice(0);
    expect(reveal.getState()).toMatchObject({ total: 1000, shown: FIRST_SLICE });
    expect(reveal.getState().withheld.has('n0')).toBe(false);
    expect(reveal.getState().withheld.has(`n${FIRST_SLICE}`)).toBe(true);
    // The first slice took twice the budget: the next is half as big.
    nextSlice(2 * SLICE_BUDGET_MS);
    expect(reveal.getState().shown).toBe(FIRST_SLICE + FIRST_SLICE / 2);
    let slices = 3;
    while (reveal.getState().total > 0) {
      nextSlice(SLICE_BUDGET_MS);
      slices++;
    }
    expect(reveal.getState().withheld.size).toBe(0);
    expect(slices).toBeGreaterThan(3);
    expect(queue).toHaveLength(0);
  });

  it('drops a withheld node the document no longer has, and adds a second burst to the first', () => {
    const doc = create<Doc>()(() => ({ nodes: [] }));
    const reveal = createReveal(doc, afterPaint, () => time);
    doc.setState({ nodes: ids('n', 1000) });
    doc.setState({ nodes: doc.getState().nodes.filter((n) => n.id !== 'n999') });
    expect(reveal.getState().withheld.has('n999')).toBe(false);
    expect(reveal.getState().total).toBe(999);
    doc.setState({ nodes: [...doc.getState().nodes, ...ids('m', 500)] });
    expect(reveal.getState().total).toBe(1499);
    while (queue.length > 0) nextSlice(1);
    expect(reveal.getState()).toMatchObject({ total: 0, shown: 0 });
    expect(reveal.getState().withheld.size).toBe(0);
  });

  it('lets moves through without a pass of its own', () => {
    const doc = create<Doc>()(() => ({ nodes: ids('n', 1000) }));
    const reveal = createReveal(doc, afterPaint, () => time);
    const before = reveal.getState();
    doc.setState({ nodes: [...doc.getState().nodes] });
    expect(reveal.getState()).toBe(before);
  });

  it('sends nodes off screen with the next slice, and slices only those drawn', () => {
    const doc = create<Doc>()(() => ({ nodes: [] }));
    // Ids n0…n99 are on screen, the other 900 off it.
    const outside = (id: string) => Number(id.slice(1)) >= 100;
    const reveal = createReveal(
      doc,
      afterPaint,
      () => time,
      () => outside,
    );
    doc.setState({ nodes: ids('n', 1000) });
    nextSlice(0);
    // FIRST_SLICE (over 100) covers every node on screen: all 1,000 in one slice.
    expect(FIRST_SLICE).toBeGreaterThanOrEqual(100);
    expect(reveal.getState()).toMatchObject({ total: 1000, shown: 1000 });
    expect(reveal.getState().withheld.size).toBe(0);
  });

  it('hands over at most MAX_OFF_SCREEN nodes off screen a slice', () => {
    const doc = create<Doc>()(() => ({ nodes: [] }));
    const reveal = createReveal(
      doc,
      afterPaint,
      () => time,
      () => () => true,
    );
    doc.setState({ nodes: ids('n', 2500) });
    nextSlice(0);
    expect(reveal.getState().shown).toBe(MAX_OFF_SCREEN);
    nextSlice(0);
    expect(reveal.getState().shown).toBe(2 * MAX_OFF_SCREEN);
    nextSlice(0);
    expect(reveal.getState()).toMatchObject({ total: 2500, shown: 2500 });
  });
});

describe('a very big network seen from far away (held: drawn as an overview)', () => {
  let queue: (() => void)[];
  const afterPaint = (run: () => void) => void queue.push(run);
  beforeEach(() => {
    queue = [];
  });

  function holdSwitch(initially: boolean) {
    const state = create<{ held: boolean }>()(() => ({ held: initially }));
    return {
      source: { held: () => state.getState().held, subscribe: state.subscribe },
      set: (held: boolean) => state.setState({ held }),
    };
  }

  it('withholds every node, with no progress and no slice, while held', () => {
    const hold = holdSwitch(true);
    const doc = create<Doc>()(() => ({ nodes: [] }));
    const reveal = createReveal(doc, afterPaint, () => 0, undefined, undefined, hold.source);
    doc.setState({ nodes: ids('n', 5000) });
    expect(reveal.getState()).toMatchObject({ total: 0, shown: 0 });
    expect(reveal.getState().withheld.size).toBe(5000);
    expect(queue).toHaveLength(0);
    // A node added while held is withheld too, however few come.
    doc.setState({ nodes: [...doc.getState().nodes, { id: 'extra' }] });
    expect(reveal.getState().withheld.has('extra')).toBe(true);
  });

  it('stops a reveal under way when the view zooms out, and slices again when it zooms in', () => {
    const hold = holdSwitch(false);
    const doc = create<Doc>()(() => ({ nodes: [] }));
    const reveal = createReveal(doc, afterPaint, () => 0, undefined, undefined, hold.source);
    doc.setState({ nodes: ids('n', 2000) });
    queue.shift()!();
    expect(reveal.getState().shown).toBe(FIRST_SLICE);
    // Zoomed out: everything back to the overview, and the pending slice does nothing.
    hold.set(true);
    expect(reveal.getState()).toMatchObject({ total: 0, shown: 0 });
    expect(reveal.getState().withheld.size).toBe(2000);
    while (queue.length > 0) queue.shift()!();
    expect(reveal.getState().withheld.size).toBe(2000);
    // Zoomed in: the nodes come back in slices, with progress.
    hold.set(false);
    expect(reveal.getState()).toMatchObject({ total: 2000, shown: 0 });
    queue.shift()!();
    expect(reveal.getState()).toMatchObject({ total: 2000, shown: FIRST_SLICE });
    let slices = 1;
    while (queue.length > 0) {
      queue.shift()!();
      slices++;
    }
    expect(slices).toBeGreaterThan(2);
    expect(reveal.getState().withheld.size).toBe(0);
    expect(reveal.getState().total).toBe(0);
  });
});
