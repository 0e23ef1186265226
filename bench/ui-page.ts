/**
 * What the UI benchmarks (bench/ui.bench.ts, bench/ui-training.bench.ts) do the same way: open the
 * app, import a document through the Import button, read the zoom, zoom in, and record frame times
 * with requestAnimationFrame in the page.
 */
import { expect, type Page } from '@playwright/test';
import { isBigNetwork } from '../src/ui/canvas/big-network';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  fps: number;
}

/** Opens the app and waits for the palette: the editor is ready. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('palette-neuron')).toBeVisible();
}

/**
 * Imports `file` through the toolbar, as a person would, and waits until its `nodes` nodes (and
 * `edges` edges, if given) are drawn. Returns the ms from the click to that moment. A big network
 * (over BIG_NETWORK_FROM nodes) comes in slices and React Flow draws only the nodes on screen:
 * for one, "drawn" is the progress line gone.
 */
export async function importThroughToolbar(
  page: Page,
  file: string,
  expected: { nodes: number; edges?: number },
): Promise<number> {
  const chooser = page.waitForEvent('filechooser');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
  await expect(page.locator('[role="alert"]').filter({ hasText: /^Opened/ })).toBeVisible({
    timeout: 60_000,
  });
  if (isBigNetwork(expected.nodes)) {
    await expect(page.getByTestId('reveal-progress')).toHaveCount(0, { timeout: 60_000 });
  } else {
    await expect(page.locator('.react-flow__node')).toHaveCount(expected.nodes, { timeout: 60_000 });
  }
  if (expected.edges !== undefined) {
    await expect(page.locator('.react-flow__edge')).toHaveCount(expected.edges, { timeout: 60_000 });
  }
  return Date.now() - t0;
}

/** The canvas's zoom, read from the viewport's transform. */
export function viewportZoom(page: Page): Promise<number> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));
}

/** Clicks Zoom In until the zoom reaches `atLeast`; returns the zoom reached. */
export async function zoomInTo(page: Page, atLeast: number): Promise<number> {
  while ((await viewportZoom(page)) < atLeast) {
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(350);
  }
  return viewportZoom(page);
}

/** Starts recording rAF frame intervals in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (t: number) => {
      if (!w.__recording) return;
      w.__frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
}

/** Stops recording (after one more frame, so the last one is counted); the frame intervals in ms. */
export function stopFrameTimes(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

/** Stops recording and summarises the intervals. */
export async function stopFrames(page: Page): Promise<FrameStats> {
  return frameStats(await stopFrameTimes(page));
}

/** Percentiles and mean fps of frame intervals (ms). */
export function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const total = frames.reduce((a, b) => a + b, 0);
  return {
    frames: frames.length,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    max: sorted[sorted.length - 1],
    fps: (frames.length * 1000) / total,
  };
}
