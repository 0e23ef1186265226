/**
 * `npm run bench:soak` (not part of `npm test`): memory while training for a long time (issue #19).
 * Opens the 2-8-8-1 spiral example, plays it at full speed for SOAK_MINUTES (default 10) and every
 * SOAK_SAMPLE_S seconds (default 30) forces a garbage collection and reads the page's JS heap
 * (Chrome DevTools Protocol: HeapProfiler.collectGarbage, Runtime.getHeapUsage). Prints each sample
 * and the growth: the last sample over the first one after warm-up (the first minute, or the first
 * fifth of a shorter run). Target: under 1.2×.
 *
 *   npx vite build && SOAK_MINUTES=10 BENCH_FILE=soak.bench.ts npx playwright test -c bench/playwright.ui.config.ts
 */
import { cpus, loadavg } from 'node:os';
import { expect, type Page, test } from '@playwright/test';
import { openApp } from './ui-page';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_S ?? 30);

const stepCount = async (page: Page) => Number(await page.getByTestId('train-step-count').textContent());

test('soak: the heap stays flat while the spiral trains at full speed', async ({ page }) => {
  test.setTimeout((MINUTES * 60 + 180) * 1000);
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-spiral').click();
  await expect(page.getByTestId('train-step')).toBeEnabled();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 2 ** 20;
  };

  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Pause');
  const start = Date.now();
  const end = start + MINUTES * 60_000;
  const warmUpMs = Math.min(60_000, (MINUTES * 60_000) / 5);
  const samples: { s: number; steps: number; mb: number }[] = [];
  const before = await heap();
  console.log(`heap before playing: ${before.toFixed(1)} MB`);
  while (Date.now() < end) {
    await page.waitForTimeout(Math.min(SAMPLE_S * 1000, Math.max(0, end - Date.now())));
    const sample = { s: (Date.now() - start) / 1000, steps: await stepCount(page), mb: await heap() };
    samples.push(sample);
    console.log(
      `${sample.s.toFixed(0).padStart(5)} s  step ${String(sample.steps).padStart(10)}  ${sample.mb.toFixed(1)} MB`,
    );
  }
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Play');

  const warm = samples.find((x) => x.s * 1000 >= warmUpMs) ?? samples[0];
  const last = samples[samples.length - 1];
  const growth = last.mb / warm.mb;
  console.log(
    `Soak: ${MINUTES} min at full speed, ${last.steps.toLocaleString('en')} steps of the 2-8-8-1 spiral; ` +
      `heap after GC ${warm.mb.toFixed(1)} MB after warm-up (${warm.s.toFixed(0)} s) → ${last.mb.toFixed(1)} MB at the end: ` +
      `${growth.toFixed(2)}× (target < 1.2×); peak ${Math.max(...samples.map((x) => x.mb)).toFixed(1)} MB. ` +
      `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load ${loadavg()[0].toFixed(1)}.`,
  );
  expect(growth).toBeLessThan(1.2);
});
