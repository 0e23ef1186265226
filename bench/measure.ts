/**
 * Timing: a warm-up (so the JIT has compiled the hot loops), then timed runs of a fixed wall time.
 * Steps run in chunks sized during the warm-up to take about a millisecond, so reading the clock
 * costs nothing measurable even when one step takes a few microseconds.
 */
import { performance } from 'node:perf_hooks';

export interface Budget {
  warmupMs: number;
  runMs: number;
  repetitions: number;
}

export const FULL: Budget = { warmupMs: 600, runMs: 1500, repetitions: 3 };
export const QUICK: Budget = { warmupMs: 150, runMs: 300, repetitions: 1 };

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

  /** Runs whole chunks for at least `ms`; returns steps per second. */
  rate(ms: number): number {
    const start = performance.now();
    const end = start + ms;
    let steps = 0;
    let now = start;
    while (now < end) {
      this.runSteps(this.chunk);
      steps += this.chunk;
      now = performance.now();
    }
    return (steps * 1000) / (now - start);
  }

  private runSteps(count: number): void {
    const step = this.step;
    for (let i = 0; i < count; i++) step();
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
