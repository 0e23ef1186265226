/**
 * "Compare the runs side by side": a lesson with runs compared opens them in the compare panel, on
 * the lesson's own network (brought back if a variant or another network is on the canvas).
 */
import { useDocument } from '../../store';
import { useComparePanel } from '../compare/panel-state';
import { useLesson } from './lesson-app';

export function CompareRuns() {
  const comparison = useLesson((s) => s.lesson?.comparison);
  const busy = useLesson((s) => s.busy);
  if (!comparison) return null;
  const open = async () => {
    const lesson = useLesson.getState();
    if (lesson.variant || !lesson.attached) await lesson.reopen();
    const doc = useDocument.getState();
    if (!doc.comparison) doc.setComparison(comparison);
    useComparePanel.getState().setOpen(true);
  };
  return (
    <p className="lesson-compare">
      <button
        type="button"
        className="btn btn--outline"
        data-testid="lesson-compare"
        disabled={busy}
        onClick={() => void open()}
      >
        Compare the runs side by side
      </button>
      <span className="lesson-compare__note">
        {comparison.variants.map((v) => v.name).join(' · ')}: {comparison.steps} steps each
      </span>
    </p>
  );
}
