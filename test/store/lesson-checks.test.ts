import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import { findExample } from '../../src/engine/examples';
import { replayLesson } from '../../src/engine/lessons';
import { describePlan } from '../../src/engine/training';
import { TrainingSession } from '../../src/engine/training/session';
import { findLesson } from '../../src/format/lessons';
import { judgeChecks, modelFromOverlay, scalarParameters } from '../../src/store/lesson-checks';
import { buildOverlay, emptyOverlay } from '../../src/store/training-overlay';

const borderPlan = () => compile(findExample('border-at-3')!.build()).plan!;

describe('lesson checks in the UI thread', () => {
  it('judges the initial parameters while training has no numbers', () => {
    const plan = borderPlan();
    const model = modelFromOverlay(plan, null, emptyOverlay());
    expect(model.fromRun).toBe(false);
    expect(scalarParameters(model)).toEqual([
      { label: 'w', value: 1 },
      { label: 'b', value: 1 },
    ]);
    const rows = judgeChecks(model, findLesson('border-at-3')!.checks);
    expect(rows.map((r) => r.pass)).toEqual([false, true, true, true]);
    expect(rows.map((r) => r.expectTex)).toEqual(['= 0', '= 0', '> 0', '> 0']);
    expect(rows[0].value).toBeCloseTo(3.9, 12);
  });

  it('puts θ together from the overlay by block key, and agrees with the engine’s replay', () => {
    const lesson = findLesson('border-at-3')!;
    const session = new TrainingSession();
    const loaded = session.load(findExample('border-at-3')!.build());
    expect(loaded.ok).toBe(true);
    session.run({ steps: 100 });
    const snapshot = session.snapshot()!;
    const layout = loaded.layout!;
    const overlay = buildOverlay(emptyOverlay(), layout, snapshot);
    // The UI compiles the document on its own; its plan's blocks are found by key.
    const model = modelFromOverlay(borderPlan(), layout, overlay);
    expect(model.fromRun).toBe(true);
    // Up to the step that trains to step 100.
    const replay = replayLesson(
      lesson,
      lesson.steps.findIndex((step) => step.action?.type === 'train'),
    ).trainer;
    expect(Array.from(model.theta)).toEqual(Array.from(replay.theta));
    expect(judgeChecks(model, lesson.checks).map((r) => r.pass)).toEqual([true, false, false, false]);
  });

  it('ignores numbers of another load', () => {
    const plan = borderPlan();
    const layout = describePlan(plan, 7, 10);
    const overlay = { ...emptyOverlay(), loadId: 6 };
    expect(modelFromOverlay(plan, layout, overlay).fromRun).toBe(false);
  });

  it('lists no parameters for a network with weight matrices', () => {
    const plan = compile(findExample('sine')!.build()).plan!;
    expect(scalarParameters(modelFromOverlay(plan, null, emptyOverlay()))).toEqual([]);
  });
});
