/**
 * `npm run bench:ui`: how the editor feels with a big neuron-level network. Opens a generated
 * 1,000-node, 2,000-edge document through the Import button, then, with frame times recorded by
 * requestAnimationFrame in the page, drags a node and pans — zoomed out over the whole network and
 * zoomed in at 100% — and times adding a node (palette click) and an edge (port to port drag) until
 * they are on screen. Prints p50/p95/p99 frame times and fps, and writes them into
 * bench/UI-RESULTS.md (between the figures markers). Not part of `npm test`: see
 * bench/playwright.ui.config.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { expect, type Page, test } from '@playwright/test';
import { bigNetwork } from './big-network';
import {
  type FrameStats,
  importThroughToolbar,
  openApp,
  startFrames,
  stopFrames,
  viewportZoom,
  zoomInTo,
} from './ui-page';

/** How many edges are drawn: by the overview layer when zoomed out, else as React Flow edges. */
function drawnEdges(page: Page): Promise<number> {
  return page.evaluate(() => {
    const overview = document.querySelector('[data-testid="overview-edges"]');
    return overview
      ? Number(overview.getAttribute('data-drawn'))
      : document.querySelectorAll('.react-flow__edge').length;
  });
}

/** Moves the mouse from `a` to `b` in small steps, about one per frame (what a hand does). */
async function glide(page: Page, a: { x: number; y: number }, b: { x: number; y: number }, steps: number) {
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / steps, a.y + ((b.y - a.y) * i) / steps);
    await page.waitForTimeout(8);
  }
}

async function dragNode(page: Page, id: string): Promise<FrameStats> {
  // By the middle of the card: far away a node is a plain card, without a header to hold.
  const card = (await page.getByTestId(`node-${id}`).boundingBox())!;
  const start = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await startFrames(page);
  await glide(page, start, { x: start.x + 160, y: start.y + 90 }, 60);
  await glide(page, { x: start.x + 160, y: start.y + 90 }, start, 60);
  const stats = await stopFrames(page);
  await page.mouse.up();
  return stats;
}

/** A point of the canvas with nothing on it (the pane itself). */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 140; y += 7) {
      for (let x = pane.left + 20; x < pane.right - 200; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!p) throw new Error('no empty spot on the canvas to pan from');
  return p;
}

async function pan(page: Page): Promise<FrameStats> {
  const start = await emptyPoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await startFrames(page);
  await glide(page, start, { x: start.x + 180, y: start.y + 120 }, 60);
  await glide(page, { x: start.x + 180, y: start.y + 120 }, start, 60);
  const stats = await stopFrames(page);
  await page.mouse.up();
  return stats;
}

/** ms from a palette click to the frame that shows the new node; the pointer is on the button, as a person's would be. */
async function timeAddNode(page: Page): Promise<number> {
  const button = (await page.getByTestId('palette-neuron').boundingBox())!;
  await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2);
  return page.evaluate(async () => {
    const count = () => document.querySelectorAll('.react-flow__node').length;
    const before = count();
    const button = document.querySelector<HTMLButtonElement>('[data-testid="palette-neuron"]')!;
    const t0 = performance.now();
    button.click();
    while (count() === before) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
}

/**
 * ms from the Zoom In click that crosses into the detailed view to the frame that shows the full
 * cards, and how many were drawn.
 */
async function timeDetailReturns(page: Page): Promise<{ ms: number; cards: number; longest: number }> {
  return page.evaluate(async () => {
    const button = document.querySelector<HTMLButtonElement>('.react-flow__controls-zoomin')!;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const zoom = () =>
      new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    for (;;) {
      const t0 = performance.now();
      // The longest frame on the way: what a person zooming with the wheel feels.
      let longest = 0;
      let last = t0;
      const tick = async () => {
        await frame();
        longest = Math.max(longest, performance.now() - last);
        last = performance.now();
      };
      button.click();
      await tick();
      await tick();
      // Not the click that crosses FAR_ZOOM: let the view settle and go on.
      if (zoom() < 0.4) {
        await new Promise((r) => setTimeout(r, 300));
        continue;
      }
      while (!document.querySelector('.ng-node__title')) await tick();
      await tick();
      return {
        ms: performance.now() - t0,
        cards: document.querySelectorAll('.ng-node__title').length,
        longest,
      };
    }
  });
}

/** ms from releasing a connection on a port to the frame that shows the new edge. */
async function timeAddEdge(page: Page, from: string, to: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __edgeTime: Promise<number> };
    const count = () => document.querySelectorAll('.react-flow__edge').length;
    const before = count();
    w.__edgeTime = new Promise((resolve) => {
      document.addEventListener(
        'mouseup',
        () => {
          const t0 = performance.now();
          const wait = () => {
            if (count() > before) requestAnimationFrame(() => resolve(performance.now() - t0));
            else requestAnimationFrame(wait);
          };
          wait();
        },
        { capture: true, once: true },
      );
    });
  });
  const a = (await page.getByTestId(`node-${from}`).getByTestId('port-out-out').boundingBox())!;
  const b = (await page.getByTestId(`node-${to}`).getByTestId('port-in-in').boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await glide(
    page,
    { x: a.x + a.width / 2, y: a.y + a.height / 2 },
    { x: b.x + b.width / 2, y: b.y + b.height / 2 },
    12,
  );
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { __edgeTime: Promise<number> }).__edgeTime);
}

const ms = (n: number) => n.toFixed(1);

test('UI benchmark: 1,000 nodes, 2,000 edges', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const file = testInfo.outputPath('bench-1000.neurograph.json');
  await writeFile(file, bigNetwork());
  const load = loadavg();
  await openApp(page);
  const t0 = Date.now();
  await importThroughToolbar(page, file, { nodes: 1000 });
  // Fitted, the whole network is far away: its edges are drawn by the overview layer (or, in a
  // build without it, as React Flow edges).
  await expect.poll(() => drawnEdges(page), { timeout: 60_000 }).toBe(2000);
  const openMs = Date.now() - t0;
  await page.waitForTimeout(1500);

  const results: { scenario: string; stats: FrameStats }[] = [];
  const idle = await (async () => {
    await startFrames(page);
    await page.waitForTimeout(1000);
    return stopFrames(page);
  })();
  results.push({ scenario: 'idle (baseline)', stats: idle });

  // Whole network on screen (fit view, ~10% zoom).
  await page.screenshot({ path: testInfo.outputPath('overview.png') });
  results.push({ scenario: 'drag a node, whole network visible', stats: await dragNode(page, 'n12_20') });
  results.push({ scenario: 'pan, whole network visible', stats: await pan(page) });
  const overview = results.length;

  // Zoomed in at 100% around the middle, as one works.
  const overviewZoom = await viewportZoom(page);
  // Zooming in across FAR_ZOOM (40 %) turns the plain cards on screen into full ones, at once.
  await zoomInTo(page, 0.25);
  const crossing = await timeDetailReturns(page);
  const zoomedIn = await zoomInTo(page, 0.95);
  const visible = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return (
          r.left > pane.left + 40 &&
          r.right < pane.right - 220 &&
          r.top > pane.top + 20 &&
          r.bottom < pane.bottom - 140
        );
      })
      .map((n) => n.getAttribute('data-id')!);
  });
  const target = visible.find((id) => id.startsWith('n')) ?? 'n12_20';
  results.push({ scenario: 'drag a node, zoomed in', stats: await dragNode(page, target) });
  results.push({ scenario: 'pan, zoomed in', stats: await pan(page) });

  // Edges first (new nodes land in the middle of the view and could cover ports): two neurons of
  // one column, so the edge never makes a loop.
  const column = (id: string) => id.split('_')[0];
  // Neurons whose two ports are on screen and not under the minimap or the controls.
  const neurons = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__node')]
      .filter((n) =>
        ['port-in-in', 'port-out-out'].every((port) => {
          const h = n.querySelector(`[data-testid="${port}"]`);
          const r = h?.getBoundingClientRect();
          return !!r && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === h;
        }),
      )
      .map((n) => n.getAttribute('data-id')!)
      .filter((id) => /^n\d/.test(id)),
  );
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < neurons.length; i++) {
    if (column(neurons[i]) === column(neurons[i + 1])) {
      pairs.push([neurons[i], neurons[i + 1]]);
      i++;
    }
  }
  const addEdge: number[] = [];
  for (const [from, to] of pairs.slice(0, 5)) {
    const before = await page.locator('.react-flow__edge').count();
    const t = await Promise.race([
      timeAddEdge(page, from, to),
      page.waitForTimeout(5000).then(() => Number.NaN),
    ]);
    if ((await page.locator('.react-flow__edge').count()) > before && Number.isFinite(t)) addEdge.push(t);
  }
  const addNode: number[] = [];
  for (let i = 0; i < 5; i++) addNode.push(await timeAddNode(page));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

  const rows = results.map(
    ({ scenario, stats: s }, i) =>
      `| ${scenario}${i > 0 ? ` (zoom ${(i < overview ? overviewZoom : zoomedIn).toFixed(2)})` : ''} | ${s.frames} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.fps.toFixed(0)} |`,
  );
  const figures = [
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium (software rendering, --disable-gpu), 1400 × 860 window; load average ${load.map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) at the start.`,
    '',
    '| scenario | frames | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | fps |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `- Open the 1,000-node document (Import → every node and edge drawn): ${openMs} ms`,
    `- Zoom in across 40 % (Zoom In click → the ${crossing.cards} cards on screen drawn in full): ${ms(crossing.ms)} ms, longest frame ${ms(crossing.longest)} ms`,
    `- Add a node (palette click → on screen), median of ${addNode.length}: ${ms(median(addNode))} ms (${addNode.map(ms).join(', ')})`,
    `- Add an edge (release on a port → on screen), median of ${addEdge.length}: ${ms(median(addEdge))} ms (${addEdge.map(ms).join(', ')})`,
  ].join('\n');
  console.log(`\n${figures}\n`);

  const path = new URL('./UI-RESULTS.md', import.meta.url);
  const start = '<!-- figures:start -->';
  const end = '<!-- figures:end -->';
  let md = '';
  try {
    md = await readFile(path, 'utf8');
  } catch {
    md = `# UI benchmark\n\n${start}\n${end}\n`;
  }
  if (!md.includes(start)) md += `\n${start}\n${end}\n`;
  md = `${md.slice(0, md.indexOf(start) + start.length)}\n${figures}\n${md.slice(md.indexOf(end))}`;
  await writeFile(path, md);
});
