/**
 * Timing: a warm-up (so the JIT has compiled the hot loops), then timed runs of a fixed wall time.
 * Steps run in chunks sized during the warm-up to take about a millisecond, so reading the clock
 * costs nothing measurable even when one step takes a few microseconds.
 *
 * The contenders compared are timed in turns of SLICE_MS, round-robin, the order rotating each
 * turn: on a shared machine whose load comes and goes (other processes, a busy sibling hyperthread)
 * every contender then sees the same mix of quiet and busy moments, and their ratios stay stable
 * even when the absolute speeds drift.
 */
import { performance } from 'node:perf_hooks';

export interface Budget {
  warmupMs: number;
  /** Timed wall time per contender in each repetition, in turns of SLICE_MS. */
  runMs: number;
  repetitions: number;
}

export const FULL: Budget = { warmupMs: 600, runMs: 1500, repetitions: 3 };
export const QUICK: Budget = { warmupMs: 150, runMs: 300, repetitions: 1 };

export const SLICE_MS = 50;

/** How many steps to run between two readings of the clock. */
const CHUNK_MS = 1;

export class Stopwatch {
  private chunk = 1;

  constructor(private readonly step: () => void) {}

  /** Runs for about `ms` while growing the chunk until one takes CHUNK_MS. */
  warmUp(ms: number): void {
    const end = performance.now() + ms;
    let now = performance.now();
    while (now < end) {
      const start = now;
      this.runSteps(this.chunk);
      now = performance.now();
      if (now - start < CHUNK_MS) this.chunk *= 2;
    }
  }

  /** Runs whole chunks for at least `ms`; returns the steps run and the milliseconds taken. */
  run(ms: number): { steps: number; ms: number } {
    const start = performance.now();
    const end = start + ms;
    let steps = 0;
    let now = start;
    while (now < end) {
      this.runSteps(this.chunk);
      steps += this.chunk;
      now = performance.now();
    }
    return { steps, ms: now - start };
  }

  private runSteps(count: number): void {
    const step = this.step;
    for (let i = 0; i < count; i++) step();
  }
}

/** One timed repetition of several contenders, taking turns; steps per second of each. */
export function timeTogether(watches: readonly Stopwatch[], runMs: number): number[] {
  const steps = watches.map(() => 0);
  const ms = watches.map(() => 0);
  const turns = Math.max(1, Math.round(runMs / SLICE_MS));
  for (let t = 0; t < turns; t++) {
    for (let k = 0; k < watches.length; k++) {
      const i = (t + k) % watches.length;
      const r = watches[i].run(runMs / turns);
      steps[i] += r.steps;
      ms[i] += r.ms;
    }
  }
  return steps.map((s, i) => (s * 1000) / ms[i]);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
