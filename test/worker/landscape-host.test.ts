import { describe, expect, it } from 'vitest';
import { compile, findExample, parametersByLabel, Trainer } from '../../src/engine';
import { LandscapeHost } from '../../src/worker/landscape-host';
import type { LandscapeReply } from '../../src/worker/landscape-protocol';

const border = findExample('border-at-3')!.build();

function host() {
  const replies: LandscapeReply[] = [];
  return { replies, host: new LandscapeHost((r) => replies.push(r)) };
}

describe('the landscape worker', () => {
  it('answers coarse first, then the full grid, with the path up to the shown step', () => {
    const { replies, host: h } = host();
    h.handle({ id: 1, graph: border, step: 4, directions: 'random', sizes: [11, 41] });
    expect(replies.map((r) => (r.ok ? [r.grid.size, r.final] : r.error))).toEqual([
      [11, false],
      [41, true],
    ]);
    const last = replies[1];
    if (!last.ok) throw new Error(last.error);
    expect(last.grid.names).toEqual(['w', 'b']);
    expect(last.path).toHaveLength(5);
    const trainer = new Trainer(compile(border).plan!);
    for (let s = 0; s < 4; s++) trainer.trainStep();
    const p = parametersByLabel(trainer.plan, trainer.theta);
    expect(last.path[4]).toEqual([p.w, p.b]);
  });

  it('keeps the grid while the path stays on it, and moves the marker back when the timeline does', () => {
    const { replies, host: h } = host();
    h.handle({ id: 1, graph: border, step: 6, directions: 'random', sizes: [41] });
    h.handle({ id: 2, graph: border, step: 2, directions: 'random', sizes: [41] });
    const [a, b] = replies;
    if (!a.ok || !b.ok) throw new Error('no grid');
    expect(b.grid).toBe(a.grid);
    expect(b.path).toEqual(a.path.slice(0, 3));
  });

  it('computes a new grid for a changed graph, and says so when it cannot run', () => {
    const { replies, host: h } = host();
    h.handle({ id: 1, graph: border, step: 0, directions: 'random', sizes: [5] });
    const broken = { ...border, edges: border.edges.filter((e) => e.target !== 'loss') };
    h.handle({ id: 2, graph: broken, step: 0, directions: 'random', sizes: [5] });
    expect(replies[1]).toMatchObject({ id: 2, ok: false });
  });
});

describe('the landscape worker on a bigger network', () => {
  it('draws a plane through the θ shown: the current point is its origin at every step', () => {
    const { replies, host: h } = host();
    const xor = findExample('xor')!.build();
    for (const step of [0, 3, 1]) h.handle({ id: step, graph: xor, step, directions: 'random', sizes: [3] });
    expect(replies.map((r) => (r.ok ? [r.grid.centerStep, r.path.length] : r.error))).toEqual([
      [0, 1],
      [3, 4],
      [1, 2],
    ]);
    for (const r of replies) {
      if (!r.ok) continue;
      const [a, b] = r.path[r.path.length - 1];
      expect(Math.abs(a)).toBeLessThan(1e-12);
      expect(Math.abs(b)).toBeLessThan(1e-12);
    }
  });
});

describe('the landscape worker’s loss at the θ shown', () => {
  it('is the border set’s mean loss, worked out by hand at step 0', () => {
    const { replies, host: h } = host();
    h.handle({ id: 1, graph: border, step: 0, directions: 'random', sizes: [3] });
    // w = b = 1: ½·3.9², ½·0², ½·(4 − 1)², ½·(1001 − 1)², averaged over the four points.
    const expected = (0.5 * 3.9 ** 2 + 0 + 0.5 * 3 ** 2 + 0.5 * 1000 ** 2) / 4;
    expect(replies[0]).toMatchObject({ ok: true });
    if (replies[0].ok) expect(replies[0].loss).toBeCloseTo(expected, 9);
  });
});
