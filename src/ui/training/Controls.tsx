/** Step, phase step, play/pause, speed, reset, and which numbers of the batch the canvas shows. */

import { useRef } from 'react';
import { PHASES } from '../../engine/runtime/trainer';
import { DEFAULT_SPEED, SPEEDS, type Speed } from '../../store/training';
import { useTraining } from '../../store/training-app';
import { PauseIcon, PhaseIcon, PlayIcon, ResetIcon, StepIcon } from '../icons';

const PHASE_LABELS = { forward: 'Forward', loss: 'Loss', backward: 'Backward', update: 'Update' } as const;

const speedLabel = (s: Speed) => (s === 'max' ? 'max' : `${s} steps/s`);

export function Controls() {
  const compiled = useTraining((s) => s.compiled === true);
  const playing = useTraining((s) => s.playing);
  const paused = useTraining((s) => s.paused);
  const seeking = useTraining((s) => s.seeking);
  const last = useTraining((s) => s.phase?.last ?? null);
  const next = useTraining((s) => s.phase?.next ?? 'forward');
  const wave = useTraining((s) => s.wave !== null);
  const speed = useTraining((s) => s.speed);
  const t = useTraining.getState();
  const blocked = !compiled || paused;
  const speedIndex = Math.max(0, SPEEDS.indexOf(speed));
  // The watchable pace the learner had before going to max, for the way back.
  const watchable = useRef<Speed>(DEFAULT_SPEED);
  if (speed !== 'max') watchable.current = speed;
  return (
    <div className="train-controls" data-testid="training-controls">
      <div className="train-controls__row">
        <button
          type="button"
          className={`btn btn--outline train-play${playing ? ' is-playing' : ''}`}
          disabled={blocked && !playing}
          onClick={() => void t.togglePlay()}
          title={playing ? 'Pause (P)' : 'Train continuously (P)'}
          data-testid="train-play"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span>{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button
          type="button"
          className="btn btn--outline"
          disabled={blocked}
          onClick={() => void t.trainStep()}
          title="One full training step: forward, loss, backward, update (→ or . on the canvas, Space in this panel)"
          data-testid="train-step"
        >
          <StepIcon />
          <span>Step</span>
        </button>
        <button
          type="button"
          className="btn btn--outline train-phase-btn"
          disabled={blocked}
          onClick={() => void t.phaseStep()}
          title={`Run the next phase only: ${PHASE_LABELS[seeking ? 'forward' : next].toLowerCase()} (Shift+→)`}
          data-testid="train-phase"
        >
          <PhaseIcon />
          <span>{PHASE_LABELS[seeking ? 'forward' : next]}</span>
        </button>
        <button
          type="button"
          className="btn btn--icon"
          disabled={!compiled}
          onClick={() => void t.reset()}
          title="Reset: start over from the seeded initial weights"
          aria-label="Reset"
          data-testid="train-reset"
        >
          <ResetIcon />
        </button>
      </div>
      <ol className="train-phases" aria-label="Phases of a step" data-testid="train-phases">
        {PHASES.map((p) => (
          <li
            key={p}
            className={`train-phases__item${wave && last === p ? ' is-current' : ''}${!seeking && next === p && wave ? ' is-next' : ''}`}
            data-phase={p}
          >
            {PHASE_LABELS[p]}
          </li>
        ))}
      </ol>
      <div className="train-speed">
        <label className="train-speed__field" title="Steps per second while playing">
          <span className="train-label">Speed</span>
          <input
            type="range"
            min={0}
            max={SPEEDS.length - 1}
            step={1}
            value={speedIndex}
            onChange={(e) => t.setSpeed(SPEEDS[Number(e.target.value)])}
            aria-valuetext={speedLabel(speed)}
            data-testid="train-speed"
          />
          <span className="train-speed__value" data-testid="train-speed-value">
            {speedLabel(speed)}
          </span>
        </label>
        <button
          type="button"
          className="btn btn--outline train-speed__max"
          aria-pressed={speed === 'max'}
          onClick={() => t.setSpeed(speed === 'max' ? watchable.current : 'max')}
          title={
            speed === 'max'
              ? `Back to ${speedLabel(watchable.current)}`
              : 'Train as fast as the computer can (the numbers are then printed twice a second)'
          }
          data-testid="train-speed-max"
        >
          Max
        </button>
      </div>
      <BatchChoice />
    </div>
  );
}

/** The batch's rows, and whether the canvas shows one example's numbers or the batch mean. */
function BatchChoice() {
  // While playing, a new batch every step: too fast to read, and not worth re-rendering for.
  const batch = useTraining((s) => (s.playing ? null : s.batch));
  const mean = useTraining((s) => s.mean);
  const hasData = useTraining((s) => s.layout?.data != null);
  if (!hasData) return null;
  const t = useTraining.getState();
  if (!batch) {
    return (
      <div className="train-batch" data-testid="train-batch">
        <span className="train-label">Batch</span>
        <span className="train-batch__rows">a new one every step</span>
        <select className="input train-batch__select" disabled aria-label="Numbers shown on the canvas">
          <option>{mean ? 'batch mean' : 'one example'}</option>
        </select>
      </div>
    );
  }
  const rows = batch.indices;
  const shown = rows.length > 6 ? [...rows.slice(0, 5).map((r) => `#${r}`), '…'] : rows.map((r) => `#${r}`);
  return (
    <div className="train-batch" data-testid="train-batch">
      <span className="train-label">Batch</span>
      <span
        className="train-batch__rows"
        title={rows.map((r) => `#${r}`).join(' ')}
        data-testid="train-batch-rows"
      >
        {rows.length === 0 ? 'none yet' : `${shown.join(' ')} (${batch.size})`}
      </span>
      <select
        className="input train-batch__select"
        value={mean ? 'mean' : String(batch.example)}
        onChange={(e) => {
          if (e.target.value === 'mean') t.setMean(true);
          else t.setExample(Number(e.target.value));
        }}
        aria-label="Numbers shown on the canvas"
        data-testid="train-example"
        disabled={rows.length === 0}
      >
        <option value="mean">batch mean</option>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row can repeat within a batch.
          <option key={i} value={i} title={`example ${i + 1} of the batch: row #${r} of the training split`}>
            example {i + 1} (#{r})
          </option>
        ))}
      </select>
    </div>
  );
}
