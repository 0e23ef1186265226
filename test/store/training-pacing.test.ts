import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WatchDiagnostic } from '../../src/engine/training';
import { createLoadScheduler } from '../../src/store/load-scheduler';
import { createStickyDiagnostics, STICKY_MS } from '../../src/store/sticky-diagnostics';
import { createFramePacer, evaluationInterval, readoutInterval } from '../../src/store/training-pacing';

afterEach(() => {
  vi.useRealTimers();
});

const spike = (message: string, nodeId = 'n1'): WatchDiagnostic => ({
  code: 'exploding-gradient',
  severity: 'warning',
  nodeId: nodeId as WatchDiagnostic['nodeId'],
  message,
  since: 0,
});

describe('sticky diagnostics', () => {
  it('while playing, keeps a diagnostic listed for a while after it was last seen', () => {
    let t = 0;
    const steady = createStickyDiagnostics(() => t);
    expect(steady([spike('big')], true)).toHaveLength(1);
    t = STICKY_MS; // gone from the run's list, but seen STICKY_MS ago: still shown
    expect(steady([], true)).toHaveLength(1);
    t = STICKY_MS + 1;
    expect(steady([], true)).toEqual([]);
  });

  it('while playing, rewords a diagnostic at most once a second; stepping shows the run’s own list', () => {
    let t = 0;
    const steady = createStickyDiagnostics(() => t);
    steady([spike('first')], true);
    t = 500;
    expect(steady([spike('second')], true)[0].message).toBe('first');
    t = 1000;
    expect(steady([spike('third')], true)[0].message).toBe('third');
    t = 1100;
    expect(steady([], false)).toEqual([]);
  });
});

describe('pacing', () => {
  const pace = { evaluateEvery: 50, fastEvaluateEvery: 1000 };

  it('evaluates every step at a watchable pace, less often faster', () => {
    expect(evaluationInterval('step', pace)).toBe(1);
    expect(evaluationInterval(10, pace)).toBe(1);
    expect(evaluationInterval(30, pace)).toBe(50);
    expect(evaluationInterval('max', pace)).toBe(1000);
  });

  it('prints every shown step at a watchable pace, a few times a second faster', () => {
    expect(readoutInterval(5, 250, 500)).toBe(0);
    expect(readoutInterval(100, 250, 500)).toBe(250);
    expect(readoutInterval('max', 250, 500)).toBe(500);
  });

  it('shows only the latest of what arrives in one frame', () => {
    const frames: (() => void)[] = [];
    const shown: number[] = [];
    const pacer = createFramePacer<number>({
      frame: (fn) => frames.push(fn),
      now: () => 0,
      minInterval: 100,
      show: (n) => shown.push(n),
    });
    pacer.offer(1, false);
    pacer.offer(2, false);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(shown).toEqual([2]);
    expect(pacer.waiting()).toBe(false);
  });

  it('throttled, waits out the interval since the last one shown before asking for a frame', () => {
    vi.useFakeTimers();
    let t = 0;
    const frames: (() => void)[] = [];
    const pacer = createFramePacer<number>({
      frame: (fn) => frames.push(fn),
      now: () => t,
      minInterval: 100,
      show: () => {},
    });
    pacer.offer(1, true);
    frames.shift()!(); // shown at t=0
    t = 30;
    pacer.offer(2, true);
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(69);
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(1);
  });
});

describe('load scheduler', () => {
  it('loads once the edits settle, and flush loads a waiting load at once', async () => {
    vi.useFakeTimers();
    let loads = 0;
    const scheduler = createLoadScheduler(async () => {
      loads++;
    }, 250);
    scheduler.schedule();
    vi.advanceTimersByTime(200);
    scheduler.schedule();
    vi.advanceTimersByTime(200);
    expect(loads).toBe(0);
    vi.advanceTimersByTime(50);
    expect(loads).toBe(1);
    scheduler.schedule();
    await scheduler.flush();
    expect(loads).toBe(2);
    expect(scheduler.cancel()).toBe(false);
  });
});
