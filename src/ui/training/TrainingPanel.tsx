/**
 * The training panel in the bottom panel: controls, the loss chart, what the network learned, the
 * timeline, and what went wrong. `useTrainingSession` starts the worker and the keyboard shortcuts.
 */
import '../../styles/training.css';
import { useEffect } from 'react';
import type { LabelMode } from '../../store/training';
import { useTraining } from '../../store/training-app';
import { CompareToggle } from '../compare/CompareToggle';
import { LandscapeToggle } from '../landscape/LandscapeToggle';
import { lazyComponent } from '../lazy/lazy-component';
import { Controls } from './Controls';
import { fmt } from './format';
import { Messages } from './Messages';
import { Timeline } from './Timeline';

/** The loss chart and uPlot load with the panel's first paint, after the canvas (a fast first load). */
const LossChart = lazyComponent('the loss chart', () => import('./LossChart').then((m) => m.LossChart));
const PredictionView = lazyComponent('the prediction view', () =>
  import('./PredictionView').then((m) => m.PredictionView),
);

/** Starts training (the worker follows the document) and its shortcuts, for the app's lifetime. */
export function useTrainingSession(): void {
  useEffect(() => {
    useTraining.getState().start();
  }, []);
}

/** Step, epoch, loss and accuracy, for the panel's header. */
export function TrainingStatus() {
  const compiled = useTraining((s) => s.compiled);
  const loading = useTraining((s) => s.loading);
  const step = useTraining((s) => s.step);
  const epoch = useTraining((s) => s.epoch);
  const loss = useTraining((s) => s.loss);
  const seeking = useTraining((s) => s.seeking);
  const playing = useTraining((s) => s.playing);
  const paused = useTraining((s) => s.paused);
  const accuracy = useTraining((s) => {
    const e = s.evaluation;
    if (!e) return null;
    const split = e.test.count > 0 ? e.test : e.train;
    return split.accuracy;
  });
  if (compiled === null) return <span className="train-status">starting…</span>;
  if (!compiled)
    return <span className="train-status">{loading ? 'compiling…' : 'the network cannot train yet'}</span>;
  return (
    <span
      className={`train-status${playing ? ' is-playing' : ''}${paused ? ' is-paused' : ''}`}
      data-testid="train-status"
    >
      <span className="train-status__item">
        Step <b data-testid="train-step-count">{step}</b>
      </span>
      <span className="train-status__item">
        Epoch <b data-testid="train-epoch-count">{epoch}</b>
      </span>
      <span className="train-status__item">
        Loss {/* Before the loss phase of a step has run there is no loss yet: a dash, never "NaN". */}
        <b data-testid="train-loss" data-value={Number.isNaN(loss) ? undefined : loss}>
          {Number.isNaN(loss) ? '—' : fmt(loss)}
        </b>
      </span>
      {accuracy !== null && (
        <span className="train-status__item">
          Accuracy <b>{Math.round(accuracy * 1000) / 10}%</b>
        </span>
      )}
      {seeking && <span className="train-chip">history</span>}
      {playing && <span className="train-chip train-chip--live">training</span>}
      {paused && <span className="train-chip train-chip--error">paused: not finite</span>}
      {loading && <span className="train-chip">recompiling…</span>}
    </span>
  );
}

const LABEL_MODES: { value: LabelMode; label: string; title: string }[] = [
  { value: 'values', label: 'w', title: 'Show the weights (and node values)' },
  { value: 'gradients', label: '∂L', title: 'Show the gradients ∂L/∂w and the last Δw' },
  { value: 'both', label: 'both', title: 'Show values and gradients' },
  { value: 'none', label: 'none', title: 'Hide the numbers on the canvas' },
];

/** What the labels on the canvas show. */
export function LabelToggle() {
  const mode = useTraining((s) => s.labels);
  return (
    <fieldset
      className="segmented train-labels"
      aria-label="Numbers on the canvas"
      data-testid="train-labels"
    >
      <span className="train-labels__title">Labels</span>
      {LABEL_MODES.map((m) => (
        <button
          key={m.value}
          type="button"
          className="segmented__item train-labels__item"
          aria-pressed={mode === m.value}
          title={m.title}
          data-mode={m.value}
          onClick={() => useTraining.getState().setLabels(m.value)}
        >
          {m.label}
        </button>
      ))}
    </fieldset>
  );
}

export function TrainingPanel() {
  return (
    // Focusable by a click (not by Tab): then Space steps, as on the canvas → does.
    <div className="train-panel" data-testid="training-panel" tabIndex={-1}>
      <div className="train-panel__side">
        <Controls />
        {/* Side by side: under each other the second was cut off at 1280 × 720. */}
        <div className="train-panel__tools">
          <LandscapeToggle />
          <CompareToggle />
        </div>
      </div>
      <div className="train-center">
        <Messages />
        <LossChart />
      </div>
      <PredictionView />
      <Timeline />
    </div>
  );
}
