import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/engine/training';
import { initialTrainingData } from '../../src/store/training';
import { appendEvaluation, loadedPatch } from '../../src/store/training-snapshot';

const evaluation = (step: number): Evaluation => ({
  step,
  train: { split: 'train', count: 4, loss: 1 / (step + 1), accuracy: 0.5 },
  test: { split: 'test', count: 2, loss: 1 / (step + 2), accuracy: 0.5 },
});

describe('what a finished load shows', () => {
  it('a network that does not compile starts over and says why', () => {
    const before = { ...initialTrainingData(), step: 12, liveStep: 12, ran: true, curveVersion: 7 };
    const patch = loadedPatch(
      {
        ok: false,
        layout: null,
        kept: [],
        diagnostics: [{ severity: 'error', message: 'Dense d1 has no input.' } as never],
      },
      before,
    );
    expect(patch).toMatchObject({
      compiled: false,
      loadProblem: 'Dense d1 has no input.',
      step: 0,
      ran: false,
    });
    // The loss chart redraws (empty) once.
    expect(patch.curveVersion).toBe(8);
  });

  it('a network that compiles keeps the shown step until its snapshot arrives', () => {
    const before = { ...initialTrainingData(), step: 12 };
    const patch = loadedPatch({ ok: true, layout: null, kept: ['d1'], diagnostics: [] }, before);
    expect(patch.compiled).toBe(true);
    expect(patch.loadProblem).toBeNull();
    expect(patch.kept).toEqual(['d1']);
    expect('step' in patch).toBe(false);
  });
});

describe('evaluations kept', () => {
  it('appends until 2,000, then thins the older half to every other one', () => {
    const full = Array.from({ length: 2000 }, (_, i) => evaluation(i));
    const next = appendEvaluation(full, evaluation(2000));
    // 1,000 older ones become 500, the newer 1,000 stay, and the new one is added.
    expect(next).toHaveLength(1501);
    expect(next[1].step).toBe(2);
    expect(next[next.length - 1].step).toBe(2000);
  });
});
