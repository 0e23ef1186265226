/**
 * Showing an earlier step (seek-view.ts): far back, where the history keeps only every 2nd, 4th, …
 * step, a step right after a kept one is recomputed from that checkpoint — its batch forward and
 * backward, and its update replayed on a copy of the optimizer's state — and shows exactly what the
 * run showed at that step.
 */
import { describe, expect, it } from 'vitest';
import { TrainingSession, type TrainingSnapshot } from '../../src/engine/training';
import { example } from '../worker/training-graphs';

const shown = (s: TrainingSnapshot) => ({
  step: s.step,
  loss: s.loss,
  theta: s.theta,
  thetaGrad: s.thetaGrad,
  delta: s.delta,
  batch: s.batch,
  values: s.values,
  grads: s.grads,
});

/** A run of `steps` steps keeping only 4 recent steps exactly, with what each step showed live. */
function thinnedRun(steps: number) {
  const s = new TrainingSession({ history: { recent: 4 } });
  expect(s.load(example('xor')).ok).toBe(true);
  const live: TrainingSnapshot[] = [];
  for (let i = 0; i < steps; i++) {
    s.step();
    live.push(s.snapshot()!);
  }
  return { s, live };
}

describe('seeking into a thinned history', () => {
  it('shows a step whose θ was not kept exactly as the run showed it, by replaying its update', () => {
    const { s, live } = thinnedRun(60);
    const h = s.timeline!;
    let replayed = 0;
    for (let step = 1; step < 60; step++) {
      if (s.showable(step) !== step) continue;
      if (h.at(step) === null) replayed++;
      s.seek(step);
      expect(shown(s.snapshot()!)).toEqual(shown(live[step - 1]));
    }
    // With 4 recent steps over 60, far back most kept steps are not followed by a kept one.
    expect(replayed).toBeGreaterThan(3);
    s.seek(null);
    expect(shown(s.snapshot()!)).toEqual(shown(live[59]));
  });

  it('snaps a step it cannot show to the nearest it can, down or up, and refuses it unsnapped', () => {
    const { s } = thinnedRun(60);
    const hidden = Array.from({ length: 59 }, (_, i) => i + 1).filter((step) => s.showable(step) !== step);
    expect(hidden.length).toBeGreaterThan(0);
    for (const step of hidden) {
      const down = s.showable(step, 'down');
      const up = s.showable(step, 'up');
      expect(down).toBeLessThan(step);
      expect(up).toBeGreaterThan(step);
      expect(s.showable(down)).toBe(down);
      expect(s.showable(up)).toBe(up);
      expect(() => s.seek(step)).toThrow(/not kept exactly/);
      s.seek(step, 'up');
      expect(s.seeking).toBe(up === 60 ? null : up);
    }
  });
});
