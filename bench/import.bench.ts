/**
 * `npm run bench:import` (not part of `npm test`): how long the page is blocked while a big
 * document opens (issue #19). Imports, through the Import button, the two documents of
 * bench/big-imports.ts — 5,000 unconnected neurons, 2,000 neurons wired by 4,000 edges, and XOR
 * with a 10 MB description — and
 * records the page's long tasks (PerformanceObserver 'longtask': every task over 50 ms) from the
 * click until the page has been quiet for QUIET_MS after the network is drawn. Prints, per run:
 * the longest task, how many took over 200 ms, the total blocking time (the part of each long
 * task over 50 ms), when the file was opened (the "Opened …" message), when every node was on the
 * canvas (the progress line gone) and when the page was last busy (time to interactive); then it
 * zooms in to 40 %, where cards are readable, and records the long tasks of that too.
 *
 *   npx vite build && IMPORT_RUNS=3 BENCH_FILE=import.bench.ts npx playwright test -c bench/playwright.ui.config.ts
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { longDescription, unconnectedNeurons, wiredNeurons } from './big-imports';
import { openApp } from './ui-page';

const RUNS = Number(process.env.IMPORT_RUNS ?? 3);
/** How often the bench looks at the page while it waits (ms). */
const POLL_MS = 100;
/** The page counts as interactive once no long task came for this long. */
const QUIET_MS = 3000;

interface Run {
  longest: number;
  over200: number;
  blocking: number;
  openedMs: number;
  drawnMs: number;
  interactiveMs: number;
  /** Then zoomed in to 40 % (cards readable): the longest task and how many took over 200 ms. */
  zoomLongest: number;
  zoomOver200: number;
}

interface Task {
  start: number;
  duration: number;
}

/** Waits until no long task ended in the last QUIET_MS; returns every task recorded so far. */
async function quiet(page: Page): Promise<Task[]> {
  await expect
    .poll(
      () =>
        page.evaluate((quiet) => {
          const w = window as unknown as { longTasks: Task[] };
          const lastEnd = Math.max(0, ...w.longTasks.map((t) => t.start + t.duration));
          return performance.now() - lastEnd >= quiet;
        }, QUIET_MS),
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(true);
  return page.evaluate(() => (window as unknown as { longTasks: Task[] }).longTasks);
}

/** A first visit in a fresh context each time: no autosaved network from the run before. */
async function importOnce(browser: Browser, info: TestInfo, file: string, name: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 860 },
    baseURL: info.project.use.baseURL,
  });
  try {
    return await measureImport(await context.newPage(), file, name);
  } finally {
    await context.close();
  }
}

/**
 * The page's clock when `done` (run in the page: the time, or false) first holds, asked every POLL_MS:
 * Playwright's own waits (locators by role, a failed expect's snapshot of the page) walk every
 * element, themselves long tasks once thousands of nodes are drawn.
 */
async function when(page: Page, done: () => number | false): Promise<number> {
  const handle = await page.waitForFunction(done, null, { polling: POLL_MS, timeout: 120_000 });
  return (await handle.jsonValue()) as number;
}

async function measureImport(page: Page, file: string, name: string): Promise<Run> {
  await openApp(page);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  // Found before the clock starts: from then on the bench only runs small functions in the page (when()).
  const importButton = await page.getByRole('button', { name: 'Import' }).elementHandle();
  const chooser = page.waitForEvent('filechooser');
  const t0 = await page.evaluate(() => performance.now());
  await importButton?.click();
  await (await chooser).setFiles(file);
  const opened = await when(
    page,
    () =>
      [...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent?.startsWith('Opened')) &&
      performance.now(),
  );
  expect(await page.getByTestId('document-name').inputValue()).toBe(name);
  const drawn = await when(
    page,
    () => !document.querySelector('[data-testid="reveal-progress"]') && performance.now(),
  );
  const after = (await quiet(page)).filter((t) => t.start >= t0);
  const lastEnd = Math.max(drawn, ...after.map((t) => t.start + t.duration));
  // Zoomed in until the cards are readable (the Zoom In button, around the middle of the view).
  const t1 = await page.evaluate(() => performance.now());
  const zoomIn = await page.locator('.react-flow__controls-zoomin').elementHandle();
  const zoom = () =>
    page.evaluate(() => {
      const el = document.querySelector('.react-flow__viewport');
      return el ? new DOMMatrix(getComputedStyle(el).transform).a : 1;
    });
  while ((await zoom()) < 0.4) {
    await zoomIn?.click();
    await page.waitForFunction(() => true, null, { polling: POLL_MS });
  }
  await when(page, () => !document.querySelector('[data-testid="reveal-progress"]') && performance.now());
  const zoomed = (await quiet(page)).filter((t) => t.start >= t1);
  return {
    zoomLongest: Math.max(0, ...zoomed.map((t) => t.duration)),
    zoomOver200: zoomed.filter((t) => t.duration > 200).length,
    longest: Math.max(0, ...after.map((t) => t.duration)),
    over200: after.filter((t) => t.duration > 200).length,
    blocking: after.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    openedMs: opened - t0,
    drawnMs: drawn - t0,
    interactiveMs: lastEnd - t0,
  };
}

const DOCUMENTS = [
  { label: '5,000 unconnected neurons', text: unconnectedNeurons, name: '5,000 neurons' },
  { label: '2,000 neurons + 4,000 edges', text: wiredNeurons, name: '2,000 wired neurons' },
  { label: 'XOR, 10 MB description', text: longDescription, name: 'XOR, long description' },
];

test('import benchmark: big documents open without blocking the page', async ({ browser }, testInfo) => {
  test.setTimeout(RUNS * DOCUMENTS.length * 180_000);
  const load = loadavg();
  const rows: string[] = [];
  for (const doc of DOCUMENTS) {
    const text = doc.text();
    const file = testInfo.outputPath(`${doc.name.replace(/\W+/g, '-')}.neurograph.json`);
    await writeFile(file, text);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await importOnce(browser, testInfo, file, doc.name);
      runs.push(run);
      console.log(
        `${doc.label}, run ${i + 1}: ${JSON.stringify(run, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
      );
    }
    const all = (key: keyof Run) => runs.map((r) => Math.round(r[key])).join(', ');
    rows.push(
      `| ${doc.label} (${(text.length / 1000).toFixed(0)} kB) | ${all('longest')} | ${all('over200')} | ${all('blocking')} | ${all('openedMs')} | ${all('drawnMs')} | ${all('interactiveMs')} | ${all('zoomLongest')} | ${all('zoomOver200')} |`,
    );
  }
  const figures = [
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium, 1400 × 860; load average ${load.map((l) => l.toFixed(1)).join(', ')} at the start; ${RUNS} runs each (ms):`,
    '',
    '| document | longest task | tasks > 200 ms | total blocking | opened | all drawn | interactive | zoomed in: longest | zoomed in: > 200 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  console.log(`\n${figures}\n`);
});
