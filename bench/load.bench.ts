/**
 * `npm run bench:load`: the first load of the built app, as a first visit sees it (empty cache, no
 * service worker), without and with 4× CPU throttling (DevTools protocol):
 * - the gzip bytes of the first load (entry + preloads + stylesheets, as the budget test counts);
 * - time to the first paint of the palette, and to an interactive canvas (a palette click adds a
 *   node: clicked as soon as the palette shows, timed when the node is on screen);
 * - opening the spiral example (the layout engine loads then) and its first training step, which
 *   also starts the training worker: its script's own size and download are printed too.
 * Medians of RUNS visits; times are from the start of navigation, in ms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { firstLoadOf } from './first-load-bytes';

const RUNS = Number(process.env.LOAD_RUNS ?? 5);
const dist = fileURLToPath(new URL('../dist', import.meta.url));

interface Visit {
  palette: number;
  interactive: number;
  spiralOpen: number;
  spiralStep: number;
  workerScript: number;
}

/** Notes, inside the page, the first frame in which each test id is on screen. */
function watchFirstPaint() {
  const seen: Record<string, number> = {};
  (window as unknown as { __firstSeen: Record<string, number> }).__firstSeen = seen;
  const ids = ['palette-neuron'];
  const look = () => {
    for (const id of ids) {
      if (seen[id] === undefined && document.querySelector(`[data-testid="${id}"]`))
        seen[id] = performance.now();
    }
    if (ids.some((id) => seen[id] === undefined)) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const now = (page: Page) => page.evaluate(() => performance.now());

async function visit(page: Page, rate: number): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(watchFirstPaint);
  await page.goto('/');
  const palette = page.getByTestId('palette-neuron');
  await palette.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  const interactive = await now(page);
  const first = await page.evaluate(
    () => (window as unknown as { __firstSeen: Record<string, number> }).__firstSeen,
  );

  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const menuAt = await now(page);
  await page.getByTestId('example-spiral').click();
  await expect(page.getByTestId('document-name')).toHaveValue(/Spiral/);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const spiralOpen = (await now(page)) - menuAt;
  const stepAt = await now(page);
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toContainText('1');
  const spiralStep = (await now(page)) - stepAt;
  const workerScript = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /training\.worker-[^/]*\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
    return entry ? entry.responseEnd - entry.startTime : Number.NaN;
  });
  await cdp.detach();
  return { palette: first['palette-neuron'], interactive, spiralOpen, spiralStep, workerScript };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

test('first load: bytes, first paint, interactive canvas, the spiral example, the worker', async ({
  browser,
}) => {
  const load = firstLoadOf(dist);
  const worker = readdirSync(join(dist, 'assets')).find((f) => /^training\.worker-.*\.js$/.test(f));
  const workerBytes = worker ? readFileSync(join(dist, 'assets', worker)) : Buffer.alloc(0);
  const lines = [
    `first load: ${(load.gzip / 1024).toFixed(1)} kB gzip (${(load.bytes / 1024).toFixed(1)} kB) in ${load.files.length} files`,
    `worker script: ${(gzipSync(workerBytes, { level: 9 }).length / 1024).toFixed(1)} kB gzip (${(workerBytes.length / 1024).toFixed(1)} kB)`,
    '',
    '| CPU         | palette painted | canvas interactive | open spiral | first step (starts the worker) | worker script download |',
    '| ----------- | --------------: | -----------------: | ----------: | -----------------------------: | ---------------------: |',
  ];
  for (const rate of [1, 4]) {
    const visits: Visit[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each time: a first visit, nothing cached, no service worker.
      const context = await browser.newContext({
        serviceWorkers: 'block',
        viewport: { width: 1280, height: 720 },
      });
      visits.push(await visit(await context.newPage(), rate));
      await context.close();
    }
    const m = (key: keyof Visit) => `${Math.round(median(visits.map((v) => v[key])))} ms`;
    lines.push(
      `| ${rate === 1 ? 'unthrottled' : `${rate}× slower`} | ${m('palette').padStart(15)} | ${m('interactive').padStart(18)} | ${m('spiralOpen').padStart(11)} | ${m('spiralStep').padStart(30)} | ${m('workerScript').padStart(22)} |`,
    );
  }
  console.log(`\n${lines.join('\n')}\n`);
});
