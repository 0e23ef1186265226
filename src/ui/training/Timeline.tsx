/**
 * A scrubber over the run's history, from step 0 to the latest: shows an earlier step (seek), and
 * "Continue from here" carries on from it. Far back the history is thinned (every 2nd, 4th, …
 * step): the scrubber moves to the nearest step kept exactly, and says how far apart they are.
 */
import { useEffect, useRef, useState } from 'react';
import { useTraining } from '../../store/training-app';
import { LiveIcon, RewindIcon } from '../icons';

export function Timeline() {
  // While playing, the timeline rests at the live end (the header counts the steps).
  const playing = useTraining((s) => s.playing);
  const live = useTraining((s) => (s.playing ? -1 : s.liveStep));
  const step = useTraining((s) => (s.playing ? -1 : s.step));
  const seeking = useTraining((s) => s.seeking);
  const compiled = useTraining((s) => s.compiled === true);
  const exactEvery = useTraining((s) => s.history.exactEvery);
  const everyStepFrom = useTraining((s) => s.history.everyStepFrom);
  const first = 0;
  // Scrubbing sends one seek at a time: the latest position once the previous one is shown.
  const busy = useRef(false);
  const wanted = useRef<{ step: number; snap: 'down' | 'up' } | null>(null);
  // Where the learner put the thumb, until the step shown catches up with it.
  const [thumb, setThumb] = useState<number | null>(null);
  useEffect(() => {
    if (thumb !== null && !busy.current && thumb === step) setThumb(null);
  }, [thumb, step]);

  const go = async (target: number) => {
    // Which way the learner moved the thumb (from where it was, the step shown or the one on its way):
    // a step between kept ones snaps on in that direction.
    const from = wanted.current?.step ?? thumb ?? useTraining.getState().step;
    setThumb(target);
    wanted.current = { step: target, snap: target >= from ? 'up' : 'down' };
    if (busy.current) return;
    busy.current = true;
    try {
      while (wanted.current !== null) {
        const { step: t, snap } = wanted.current;
        wanted.current = null;
        const state = useTraining.getState();
        await state.seek(t >= state.liveStep ? null : t, snap);
      }
    } finally {
      busy.current = false;
      // The step shown is where the thumb belongs now (a thinned step snaps to a kept one).
      setThumb(null);
    }
  };

  if (playing) {
    return (
      <div className="train-timeline" data-testid="timeline">
        <span className="train-label">Timeline</span>
        <input
          type="range"
          className="train-timeline__range"
          min={0}
          max={1}
          value={1}
          disabled
          readOnly
          aria-label="Step shown"
          data-testid="timeline-range"
        />
        <span className="train-timeline__where">training…</span>
        <button type="button" className="btn btn--outline" disabled data-testid="timeline-continue">
          <RewindIcon />
          <span>Continue from here</span>
        </button>
        <button type="button" className="btn" disabled data-testid="timeline-live">
          <LiveIcon />
          <span>Live</span>
        </button>
      </div>
    );
  }
  const disabled = !compiled || live === 0;
  return (
    <div className={`train-timeline${seeking ? ' is-seeking' : ''}`} data-testid="timeline">
      <span className="train-label">Timeline</span>
      <input
        type="range"
        className="train-timeline__range"
        min={first}
        max={Math.max(first, live)}
        step={1}
        value={Math.max(first, Math.min(thumb ?? step, live))}
        disabled={disabled}
        onChange={(e) => void go(Number(e.target.value))}
        aria-label="Step shown"
        aria-valuetext={`step ${step} of ${live}${exactEvery > 1 ? `, exact steps every ${exactEvery}` : ''}`}
        data-testid="timeline-range"
      />
      <span
        className="train-timeline__where"
        data-testid="timeline-where"
        title={
          everyStepFrom > 1
            ? `Every step from ${everyStepFrom} on can be shown exactly; before it every 2nd, 4th, 8th … step${seeking && exactEvery > 1 ? ` (every ${ordinal(exactEvery)} around step ${step})` : ''}. Continue from here works at each of them.`
            : 'Every step of this run can be shown exactly.'
        }
      >
        {seeking ? (
          <>
            step <b>{step}</b> of {live}
            {exactEvery > 1 ? ` · exact: every ${ordinal(exactEvery)}` : ''}
          </>
        ) : (
          <>
            step <b>{live}</b>
            {everyStepFrom > 1 ? ` · thinned before ${everyStepFrom}` : ''}
          </>
        )}
      </span>
      <button
        type="button"
        className="btn btn--outline"
        disabled={!seeking}
        onClick={() => void useTraining.getState().rewind(step)}
        title="Continue training from the step shown (the later steps are dropped)"
        data-testid="timeline-continue"
      >
        <RewindIcon />
        <span>Continue from here</span>
      </button>
      <button
        type="button"
        className="btn"
        disabled={!seeking}
        onClick={() => void useTraining.getState().seek(null)}
        title="Back to the latest step"
        data-testid="timeline-live"
      >
        <LiveIcon />
        <span>Live</span>
      </button>
    </div>
  );
}

/** 2 → "2nd", 4 → "4th", 32 → "32nd": the spacings are powers of two. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
