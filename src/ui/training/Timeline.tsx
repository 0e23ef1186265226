/** A scrubber over the kept history: shows any earlier step (seek); "Continue from here" rewinds to it. */
import { useEffect, useRef, useState } from 'react';
import { firstSeekable } from '../../store/training';
import { useTraining } from '../../store/training-app';
import { LiveIcon, RewindIcon } from '../icons';

export function Timeline() {
  // While playing, the timeline rests at the live end (the header counts the steps).
  const playing = useTraining((s) => s.playing);
  const live = useTraining((s) => (s.playing ? -1 : s.liveStep));
  const step = useTraining((s) => (s.playing ? -1 : s.step));
  const seeking = useTraining((s) => s.seeking);
  const compiled = useTraining((s) => s.compiled === true);
  const first = useTraining((s) => (s.playing ? 0 : firstSeekable(s.liveStep, s.layout)));
  // Scrubbing sends one seek at a time: the latest position once the previous one is shown.
  const busy = useRef(false);
  const wanted = useRef<number | null>(null);
  // Where the learner put the thumb, until the step shown catches up with it.
  const [thumb, setThumb] = useState<number | null>(null);
  useEffect(() => {
    if (thumb !== null && !busy.current && thumb === step) setThumb(null);
  }, [thumb, step]);

  const go = async (target: number) => {
    setThumb(target);
    wanted.current = target;
    if (busy.current) return;
    busy.current = true;
    try {
      while (wanted.current !== null) {
        const t = wanted.current;
        wanted.current = null;
        await useTraining.getState().seek(t >= useTraining.getState().liveStep ? null : t);
      }
    } finally {
      busy.current = false;
      // Normally the step shown has caught up by now; should a seek have failed, let go of the thumb.
      setTimeout(() => {
        if (!busy.current) setThumb(null);
      }, 1000);
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
        aria-valuetext={`step ${step} of ${live}`}
        data-testid="timeline-range"
      />
      <span className="train-timeline__where" data-testid="timeline-where">
        {seeking ? (
          <>
            step <b>{step}</b> of {live}
          </>
        ) : (
          <>
            step <b>{live}</b>
            {first > 0 ? ` · history from ${first}` : ''}
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
