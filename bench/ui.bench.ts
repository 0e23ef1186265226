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
import { cpus } from 'node:os';
import { expect, type Page, test } from '@playwright/test';
import { GraphWriter } from '../src/engine/examples/document';

const NEURON_COLUMNS = 24;
const COLUMN = 260;
const ROW = 110;

/**
 * 1 dataset + 996 hidden neurons (24 columns of 41 or 42, each fed by two neurons of the column
 * before) + 1 output neuron (fed by 5) + loss + optimizer = 1,000 nodes; 1,992 + 5 + 3 = 2,000 edges.
 */
function bigNetwork(): string {
  const g = new GraphWriter();
  const sizes = Array.from({ length: NEURON_COLUMNS }, (_, i) => (i < 12 ? 42 : 41));
  const tallest = 42 * ROW;
  g.node('dataset', 'data', { x: 0, y: tallest / 2 }, { dataset: 'circle', batchSize: 20 });
  let previous = [
    { id: 'data', port: 'x0' },
    { id: 'data', port: 'x1' },
  ];
  sizes.forEach((size, c) => {
    const column = Array.from({ length: size }, (_, r) => {
      const id = `n${c}_${r}`;
      g.node(
        'neuron',
        id,
        { x: (c + 1) * COLUMN, y: r * ROW + (tallest - size * ROW) / 2 },
        { activation: 'tanh' },
      );
      const a = previous[r % previous.length];
      const b = previous[(r + 1) % previous.length];
      g.edge(a.id, a.port, id, 'in');
      g.edge(b.id, b.port, id, 'in');
      return { id, port: 'out' };
    });
    previous = column;
  });
  const x = (NEURON_COLUMNS + 1) * COLUMN;
  g.node('neuron', 'output', { x, y: tallest / 2 }, { activation: 'sigmoid' });
  for (const p of previous.slice(0, 5)) g.edge(p.id, p.port, 'output', 'in');
  g.node('loss.mse', 'loss', { x: x + COLUMN, y: tallest / 2 });
  g.node('opt.adam', 'optimizer', { x: x + 2 * COLUMN, y: tallest / 2 });
  g.edge('output', 'out', 'loss', 'prediction');
  g.edge('data', 'target', 'loss', 'target');
  g.edge('loss', 'loss', 'optimizer', 'loss');
  const graph = g.graph('Bench: 1,000 neurons', 1);
  if (graph.nodes.length !== 1000 || graph.edges.length !== 2000) {
    throw new Error(
      `expected 1,000 nodes and 2,000 edges, built ${graph.nodes.length} and ${graph.edges.length}`,
    );
  }
  // The file as Export writes it (version 1); the app validates it on import.
  return JSON.stringify({ format: 'neurograph', version: 1, ...graph }, null, 2);
}

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  fps: number;
}

/** Starts recording rAF frame intervals in the page. */
async function startFrames(page: Page): Promise<void> {
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

async function stopFrames(page: Page): Promise<FrameStats> {
  const frames = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
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

/** Moves the mouse from `a` to `b` in small steps, about one per frame (what a hand does). */
async function glide(page: Page, a: { x: number; y: number }, b: { x: number; y: number }, steps: number) {
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / steps, a.y + ((b.y - a.y) * i) / steps);
    await page.waitForTimeout(8);
  }
}

async function dragNode(page: Page, id: string): Promise<FrameStats> {
  const header = (await page.getByTestId(`node-${id}`).locator('.ng-node__header').boundingBox())!;
  const start = { x: header.x + header.width / 2, y: header.y + header.height / 2 };
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

/** ms from a palette click to the frame that shows the new node. */
async function timeAddNode(page: Page): Promise<number> {
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
  await page.goto('/');
  await expect(page.getByTestId('palette-neuron')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
  await expect(page.locator('.react-flow__node')).toHaveCount(1000, { timeout: 60_000 });
  await expect(page.locator('.react-flow__edge')).toHaveCount(2000, { timeout: 60_000 });
  const openMs = Date.now() - t0;
  await page.waitForTimeout(1500);

  const results: { scenario: string; stats: FrameStats }[] = [];
  const idle = await (async () => {
    await startFrames(page);
    await page.waitForTimeout(1000);
    return stopFrames(page);
  })();
  results.push({ scenario: 'idle (baseline)', stats: idle });

  // Whole network on screen (fit view, ~13% zoom).
  results.push({ scenario: 'drag a node, whole network visible', stats: await dragNode(page, 'n12_20') });
  results.push({ scenario: 'pan, whole network visible', stats: await pan(page) });
  const overview = results.length;

  // Zoomed in at 100% around the middle, as one works.
  const zoom = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));
  const overviewZoom = await zoom();
  while ((await zoom()) < 0.95) {
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(350);
  }
  const zoomedIn = await zoom();
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
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium (software rendering, --disable-gpu), 1400 × 860 window.`,
    '',
    '| scenario | frames | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | fps |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `- Open the 1,000-node document (Import → every node and edge drawn): ${openMs} ms`,
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
