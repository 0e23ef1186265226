/**
 * The open lesson's checks, judged in the UI thread on the numbers the overlay holds
 * (lesson-checks.ts) whenever they change: the lesson, its variant, the overlay, the compiled
 * network or the training layout.
 */
import { create } from 'zustand';
import type { CompiledStore } from './compiled';
import type { LessonChecksState, LessonState } from './lesson';
import { activeChecks } from './lesson';
import { judgeChecks, modelFromOverlay, scalarParameters } from './lesson-checks';
import type { TrainingStore } from './training';
import type { OverlayStore } from './training-overlay';

interface Sources {
  lessons: { getState(): LessonState; subscribe(f: (s: LessonState, prev: LessonState) => void): unknown };
  compiled: CompiledStore;
  training: TrainingStore;
  overlay: OverlayStore;
}

export function createLessonChecks({ lessons, compiled, training, overlay }: Sources) {
  const checks = create<LessonChecksState>()(() => ({ rows: [], parameters: [], stale: false }));
  const judge = () => {
    const s = lessons.getState();
    if (!s.lesson || !s.attached) {
      if (checks.getState().rows.length > 0 || checks.getState().parameters.length > 0)
        checks.setState({ rows: [], parameters: [], stale: false });
      return;
    }
    const list = activeChecks(s);
    const t = training.getState();
    const plan = compiled.getState().result.plan;
    if (!plan) {
      checks.setState({
        rows: list.map((c) => ({
          label: c.label,
          input: [...c.input],
          value: Number.NaN,
          pass: false,
          error: 'the network does not compile',
          expectTex: '',
        })),
        parameters: [],
        stale: false,
      });
      return;
    }
    const model = modelFromOverlay(plan, t.layout, overlay.getState());
    checks.setState({
      rows: judgeChecks(model, list),
      parameters: scalarParameters(model),
      stale: t.loading,
    });
  };
  lessons.subscribe((s, prev) => {
    if (s.lesson !== prev.lesson || s.variant !== prev.variant || s.attached !== prev.attached) judge();
  });
  overlay.subscribe(judge);
  compiled.subscribe(judge);
  training.subscribe((s, prev) => {
    if (s.layout !== prev.layout || s.loading !== prev.loading) judge();
  });
  return checks;
}
