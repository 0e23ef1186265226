/**
 * The live loss chart (uPlot): train loss per step, test loss at the evaluation points, accuracy
 * on a right-hand axis for classification; a log-scale toggle; a marker at the step shown while
 * scrubbing the timeline. Long runs are drawn from at most ~1,200 bucket means, at most 5 times
 * a second while playing.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Evaluation, LossCurve } from '../../engine/training';
import type { TrainingState } from '../../store/training';
import { useTraining } from '../../store/training-app';
import { SavePngButton } from '../pictures/SavePngButton';
import { lossChartOptions } from './loss-chart-options';

const MAX_POINTS = 1200;
const MAX_EVALS = 150;
const PLAYING_INTERVAL_MS = 200;

type Row = (number | null)[];

/**
 * Aligned chart data: steps, train loss, test loss, accuracy, penalty. The penalty is the term in
 * the train loss, so it is drawn at the train loss's points, from `penalties` (the penalty curve,
 * point for point with `curve`).
 */
export function chartData(
  curve: LossCurve,
  evaluations: readonly Evaluation[],
  log: boolean,
  penalties?: LossCurve,
): uPlot.AlignedData {
  const n = curve.length;
  const ends = curve.steps;
  const sums = curve.lossSums;
  const counts = curve.lossCounts;
  const aligned = penalties !== undefined && penalties.length === n;
  const penaltySums = aligned ? penalties.lossSums : null;
  const penaltyCounts = aligned ? penalties.lossCounts : null;
  const bucket = Math.max(1, Math.ceil(n / MAX_POINTS));
  const xs: number[] = [];
  const train: Row = [];
  const test: Row = [];
  const acc: Row = [];
  const penalty: Row = [];
  const ok = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v;
  let e = 0;
  const all = evaluations.filter((ev) => ev.step > 0);
  // At most ~MAX_EVALS markers, evenly spread (and the latest).
  const every = Math.max(1, Math.ceil(all.length / MAX_EVALS));
  const evals = every === 1 ? all : all.filter((_, i) => i % every === 0 || i === all.length - 1);
  const pushEval = (ev: Evaluation) => {
    const split = ev.test.count > 0 ? ev.test : ev.train;
    xs.push(ev.step);
    train.push(null);
    test.push(ok(split.loss));
    acc.push(split.accuracy ?? null);
    penalty.push(null);
  };
  for (let start = 0; start < n; start += bucket) {
    const end = Math.min(n, start + bucket);
    // The curve's points are sums and counts of finite losses: merged by adding them up.
    let sum = 0;
    let count = 0;
    let penaltySum = 0;
    let penaltyCount = 0;
    for (let i = start; i < end; i++) {
      sum += sums[i];
      count += counts[i];
      if (penaltySums && penaltyCounts) {
        penaltySum += penaltySums[i];
        penaltyCount += penaltyCounts[i];
      }
    }
    const pen = ok(penaltyCount > 0 ? penaltySum / penaltyCount : null);
    const step = ends[end - 1];
    while (e < evals.length && evals[e].step < step) pushEval(evals[e++]);
    if (e < evals.length && evals[e].step === step) {
      const ev = evals[e++];
      const split = ev.test.count > 0 ? ev.test : ev.train;
      xs.push(step);
      train.push(ok(count > 0 ? sum / count : null));
      test.push(ok(split.loss));
      acc.push(split.accuracy ?? null);
      penalty.push(pen);
      continue;
    }
    xs.push(step);
    train.push(ok(count > 0 ? sum / count : null));
    test.push(null);
    acc.push(null);
    penalty.push(pen);
  }
  while (e < evals.length) pushEval(evals[e++]);
  return [xs, train, test, acc, penalty];
}

const selectChart = (s: TrainingState) => s.curveVersion;

export function LossChart() {
  const host = useRef<HTMLDivElement>(null);
  const logScale = useTraining((s) => s.logScale);
  const classification = useTraining((s) => {
    const task = s.layout?.data?.task;
    return task === 'binary' || task === 'multiclass';
  });
  const empty = useTraining((s) => s.liveStep === 0 && s.step === 0);
  const hasTest = useTraining((s) => (s.layout?.data?.test.count ?? 0) > 0);
  // An L1/L2 penalty in the trained loss: its own line, and the train line is data + penalty.
  const penalized = useTraining((s) => s.evaluations.at(-1)?.penalty !== undefined);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let plot: uPlot | null = null;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let marker: number | null = null;

    // The columns drawn: steps, train, test, then accuracy and the penalty when there are.
    const columns = [0, 1, 2, ...(classification ? [3] : []), ...(penalized ? [4] : [])];
    const data = () => {
      const s = useTraining.getState();
      const all = chartData(s.lossCurve(), s.evaluations, s.logScale, s.penaltyCurve());
      return columns.map((c) => all[c]) as uPlot.AlignedData;
    };

    const build = () => {
      plot?.destroy();
      const { width, height } = el.getBoundingClientRect();
      if (width < 10 || height < 10) return;
      const opts = lossChartOptions(width, height, logScale, classification, penalized, () => marker);
      const d = data();
      plot = new uPlot(opts, d, el);
      last = performance.now();
    };

    const update = () => {
      timer = null;
      const s = useTraining.getState();
      marker = s.seeking ? s.step : null;
      if (!plot) {
        build();
        return;
      }
      const d = data();
      plot.setData(d);
      last = performance.now();
    };

    const schedule = () => {
      if (timer) return;
      const playing = useTraining.getState().playing;
      const wait = playing ? Math.max(0, PLAYING_INTERVAL_MS - (performance.now() - last)) : 0;
      timer = setTimeout(update, wait);
    };

    marker = useTraining.getState().seeking ? useTraining.getState().step : null;
    build();
    const unsubscribe = useTraining.subscribe((s, prev) => {
      if (
        selectChart(s) !== selectChart(prev) ||
        s.evaluations !== prev.evaluations ||
        s.seeking !== prev.seeking
      )
        schedule();
    });
    const resize = new ResizeObserver(() => {
      const { width, height } = el.getBoundingClientRect();
      if (plot && width >= 10 && height >= 10)
        plot.setSize({ width: Math.floor(width), height: Math.floor(height) });
      else if (!plot) build();
    });
    resize.observe(el);
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      unsubscribe();
      resize.disconnect();
      theme.disconnect();
      if (timer) clearTimeout(timer);
      plot?.destroy();
    };
  }, [logScale, classification, penalized]);

  return (
    <div className="train-chart" data-testid="loss-chart">
      <div className="train-chart__head">
        <span className="train-label">Loss</span>
        <span className="train-chart__key train-chart__key--train" data-testid="loss-key-train">
          {penalized ? 'train (data + penalty)' : 'train'}
        </span>
        <span className="train-chart__key train-chart__key--test">{hasTest ? 'test' : 'evaluated'}</span>
        {classification && <span className="train-chart__key train-chart__key--acc">accuracy</span>}
        {penalized && (
          <span
            className="train-chart__key train-chart__key--penalty"
            data-testid="loss-key-penalty"
            title="The L1/L2 penalty on the weights: part of the training loss, not of the test loss"
          >
            penalty
          </span>
        )}
        <span className="panel-header__spacer" />
        <SavePngButton target={() => host.current?.parentElement ?? null} what="Loss" />
        <label className="train-check">
          <input
            type="checkbox"
            checked={logScale}
            onChange={(e) => useTraining.getState().setLogScale(e.target.checked)}
            data-testid="loss-log"
          />
          log
        </label>
      </div>
      <div className={`train-chart__plot${empty ? ' is-empty' : ''}`} ref={host}>
        {empty && <p className="train-chart__empty">Step or play: the loss of every step appears here.</p>}
      </div>
    </div>
  );
}
