/**
 * `npm run bench:ui` (with bench/ui.bench.ts), or alone:
 *   npx vite build && BENCH_FILE=ui-training.bench.ts npx playwright test -c bench/playwright.ui.config.ts
 *
 * Training in the app: opens the 2-8-8-1 spiral example (the document `neurograph export
 * example:spiral` prints) through the Import button, plays it at full speed and measures
 *   - the training rate: examples per second, from the step counter over ~8 s, against the engine's
 *     own rate for that size in bench/RESULTS.md (the target: at least half of it);
 *   - frame times on the main thread meanwhile (requestAnimationFrame intervals; target: p95 < 20 ms),
 * over the whole network (fit view, where the numbers are too small to print and only colours and
 * widths show) and zoomed in at 100% (labels on every edge and node).
 * Not part of `npm test`: see bench/playwright.ui.config.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { findExample } from '../src/engine';
import { TrainingSession } from '../src/engine/training';

const root = fileURLToPath(new URL('..', import.meta.url));
const WARMUP_MS = 1500;
const MEASURE_MS = 8000;

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  fps: number;
}

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = 0;
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

async function stopFrames(page: Page): Promise<FrameStats> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
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

const stepCount = async (page: Page) => Number(await page.getByTestId('train-step-count').textContent());

/** The engine's examples per second for the neuron-level 2-8-8-1 network, from bench/RESULTS.md. */
async function engineRate(): Promise<{ rate: number; column: string }> {
  const md = await readFile(new URL('./RESULTS.md', import.meta.url), 'utf8');
  const lines = md.split('\n').filter((l) => l.startsWith('|'));
  const header = lines[0].split('|').map((c) => c.trim());
  const row = lines.find((l) => /\|\s*2-8-8-1\s*\|/.test(l));
  if (!row) throw new Error('bench/RESULTS.md has no 2-8-8-1 row');
  const cells = row.split('|').map((c) => c.trim());
  const column = header.findIndex((h) => /engine neuron/.test(h));
  if (column < 0) throw new Error('bench/RESULTS.md has no "engine neuron" column');
  return { rate: Number(cells[column].replace(/,/g, '')), column: header[column] };
}

/**
 * The training session alone, in Node, as the worker runs it at full speed (history, watch,
 * an evaluation every 1,000 steps): what the app can reach at most.
 */
function sessionRate(batchSize: number): number {
  const session = new TrainingSession({ evaluateEvery: 1000 });
  session.load(findExample('spiral')!.build());
  session.run({ ms: 1000 });
  const t0 = performance.now();
  const steps = session.run({ ms: 3000 });
  return (steps * batchSize * 1000) / (performance.now() - t0);
}

interface Run {
  scenario: string;
  zoom: number;
  stepsPerSecond: number;
  examplesPerSecond: number;
  frames: FrameStats;
}

async function measure(page: Page, scenario: string, batchSize: number): Promise<Run> {
  const zoom = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('0');
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText(/Pause/);
  await page.waitForTimeout(WARMUP_MS);
  await startFrames(page);
  const s0 = await stepCount(page);
  const t0 = Date.now();
  await page.waitForTimeout(MEASURE_MS);
  const s1 = await stepCount(page);
  const t1 = Date.now();
  const frames = await stopFrames(page);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText(/Play/);
  const stepsPerSecond = ((s1 - s0) * 1000) / (t1 - t0);
  return { scenario, zoom, stepsPerSecond, examplesPerSecond: stepsPerSecond * batchSize, frames };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);

test('UI training benchmark: the 2-8-8-1 spiral at full speed', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const text = execFileSync('node', ['bin/neurograph.js', 'export', 'example:spiral', '--to', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const doc = JSON.parse(text) as { nodes: { kind: string; params: Record<string, unknown> }[] };
  const batchSize = Number(doc.nodes.find((n) => n.kind === 'dataset')?.params.batchSize);
  expect(batchSize).toBeGreaterThan(0);
  const file = testInfo.outputPath('spiral.neurograph.json');
  await writeFile(file, text);

  await page.goto('/');
  await expect(page.getByTestId('palette-neuron')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
  await expect(page.locator('.react-flow__node')).toHaveCount(20);
  await expect(page.getByTestId('train-play')).toBeEnabled();
  await page.waitForTimeout(500);

  const engine = await engineRate();
  const session = sessionRate(batchSize);
  const runs: Run[] = [];
  runs.push(await measure(page, 'whole network (fit view)', batchSize));
  await page.screenshot({ path: testInfo.outputPath('training-fit.png') });
  const zoom = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));
  while ((await zoom()) < 0.95) {
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(300);
  }
  runs.push(await measure(page, 'zoomed in, numbers on every edge and node', batchSize));
  await page.screenshot({ path: testInfo.outputPath('training-zoomed.png') });

  const target = engine.rate / 2;
  const rows = runs.map(
    (r) =>
      `| ${r.scenario} (zoom ${r.zoom.toFixed(2)}) | ${int(r.stepsPerSecond)} | ${int(r.examplesPerSecond)} | ${(r.examplesPerSecond / engine.rate).toFixed(2)}× ${r.examplesPerSecond >= target ? '✓' : '✗'} | ${r.frames.frames} | ${ms(r.frames.p50)} | ${ms(r.frames.p95)} ${r.frames.p95 < 20 ? '✓' : '✗'} | ${ms(r.frames.p99)} | ${ms(r.frames.max)} | ${r.frames.fps.toFixed(0)} |`,
  );
  const figures = [
    `Training the 2-8-8-1 spiral (neuron level, batch ${batchSize}, Adam) in the app at full speed; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium (--disable-gpu), 1400 × 860.`,
    `Engine reference (bench/RESULTS.md, ${engine.column}, 2-8-8-1): ${int(engine.rate)} ex/s; target ≥ ${int(target)} ex/s (half), frames p95 < 20 ms.`,
    `The training session alone in Node (what the worker runs: history, watch, evaluations), measured now: ${int(session)} ex/s (${(session / engine.rate).toFixed(2)}× the engine).`,
    '',
    '| view | steps/s | ex/s | vs engine | frames | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | fps |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  console.log(`\n${figures}\n`);
});
