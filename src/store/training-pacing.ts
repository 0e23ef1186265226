/**
 * Pacing: how often the training store shows what the worker sends. Faster than a person can
 * watch, showing more costs frames and shows nothing: snapshots are applied once per animation
 * frame and at most `playingHz` a second while playing; printed numbers (the readout) change a few
 * times a second; the worker evaluates train/test every step only at a watchable pace.
 */
import type { TrainingClient } from '../worker/client';
import type { Speed } from './training';
import type { OverlayStore } from './training-overlay';

/** Steps a second up to which each step can be watched: every one is evaluated and printed. */
export const WATCHABLE_SPEED = 10;

export interface EvaluationPace {
  /** While playing faster than a watchable pace. */
  evaluateEvery: number;
  /** At full speed. */
  fastEvaluateEvery: number;
}

/** How often the worker evaluates at a speed: every step when each step can be watched. */
export function evaluationInterval(speed: Speed | 'step', pace: EvaluationPace): number {
  if (speed === 'step' || (speed !== 'max' && speed <= WATCHABLE_SPEED)) return 1;
  return speed === 'max' ? pace.fastEvaluateEvery : pace.evaluateEvery;
}

export interface EvaluationSync {
  /** The interval the worker has now (it starts with every step). */
  every(): number;
  /** Tells the worker how often to evaluate while playing at `speed`, if that changed. */
  forSpeed(speed: Speed): Promise<void>;
  /** After a faster run: evaluations back to every step, and one of the θ reached. */
  settle(): void;
}

/** Keeps the worker's evaluation interval in step with the speed played at. */
export function syncEvaluation(pace: EvaluationPace, client: () => TrainingClient | null): EvaluationSync {
  let every = evaluationInterval('step', pace);
  return {
    every: () => every,
    async forSpeed(speed) {
      const next = evaluationInterval(speed, pace);
      const c = client();
      if (next === every || !c) return;
      every = next;
      await c.configure({ evaluateEvery: next });
    },
    settle() {
      const c = client();
      if (every === 1 || !c) return;
      every = 1;
      void c
        .configure({ evaluateEvery: 1 })
        .then(() => c.evaluate())
        .then(() => c.snapshot())
        .catch(() => {});
    },
  };
}

/** Milliseconds between readouts at a speed: a watchable pace prints every step it shows. */
export function readoutInterval(speed: Speed, normal: number, fast: number): number {
  if (speed === 'max') return fast;
  return speed <= WATCHABLE_SPEED ? 0 : normal;
}

export interface ReadoutPacer {
  /** Copies the overlay to the readout now (`force`) or once its interval has passed. */
  sync(force: boolean): void;
  dispose(): void;
}

export function createReadoutPacer(opts: {
  overlay: OverlayStore;
  readout: OverlayStore;
  now(): number;
  /** The interval now (it depends on the speed). */
  interval(): number;
}): ReadoutPacer {
  const { overlay, readout, now } = opts;
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const sync = (force: boolean) => {
    const t = now();
    const wait = force ? 0 : last + opts.interval() - t;
    if (wait <= 0) {
      if (timer) clearTimeout(timer);
      timer = null;
      last = t;
      if (readout.getState() !== overlay.getState()) readout.setState(overlay.getState(), true);
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        sync(true);
      }, wait);
    }
  };
  return {
    sync,
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export interface FramePacer<T> {
  /** A new item: shown at the next frame, or later while `throttled` (at most one per interval). */
  offer(item: T, throttled: boolean): void;
  /** Shows the waiting item now, if any. */
  flush(): void;
  /** Drops the waiting item. */
  drop(): void;
  waiting(): boolean;
}

/** Shows the latest of what arrives, once per frame, at most once per `minInterval` when throttled. */
export function createFramePacer<T>(opts: {
  frame(fn: () => void): void;
  now(): number;
  minInterval: number;
  show(item: T): void;
}): FramePacer<T> {
  let pending: T | null = null;
  let queued = false;
  let lastShown = Number.NEGATIVE_INFINITY;
  const flush = () => {
    queued = false;
    const item = pending;
    pending = null;
    if (item) {
      lastShown = opts.now();
      opts.show(item);
    }
  };
  return {
    offer(item, throttled) {
      pending = item;
      if (queued) return;
      queued = true;
      const wait = throttled ? lastShown + opts.minInterval - opts.now() : 0;
      if (wait > 1) setTimeout(() => opts.frame(flush), wait);
      else opts.frame(flush);
    },
    flush,
    drop() {
      pending = null;
    },
    waiting: () => pending !== null,
  };
}
