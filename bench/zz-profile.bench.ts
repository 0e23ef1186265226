import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { GraphWriter } from '../src/engine/examples/document';

function bigNetwork(): string {
  const g = new GraphWriter();
  const sizes = Array.from({ length: Number(process.env.COLS ?? 24) }, (_, i) => (i < 12 ? 42 : 41));
  g.node('dataset', 'data', { x: 0, y: 0 }, { dataset: 'circle', batchSize: 20 });
  let previous = [{ id: 'data', port: 'x0' }, { id: 'data', port: 'x1' }];
  sizes.forEach((size, c) => {
    previous = Array.from({ length: size }, (_, r) => {
      const id = `n${c}_${r}`;
      g.node('neuron', id, { x: (c + 1) * 260, y: r * 110 }, { activation: 'tanh' });
      const a = previous[r % previous.length];
      const b = previous[(r + 1) % previous.length];
      g.edge(a.id, a.port, id, 'in');
      g.edge(b.id, b.port, id, 'in');
      return { id, port: 'out' };
    });
  });
  return JSON.stringify({ format: 'neurograph', version: 1, ...g.graph('x', 1) });
}

test('profile', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const file = testInfo.outputPath('big.json');
  await writeFile(file, bigNetwork());
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  let t = Date.now();
  const client0 = await page.context().newCDPSession(page);
  await client0.send('Profiler.enable');
  await client0.send('Profiler.setSamplingInterval', { interval: 1000 });
  await client0.send('Profiler.start');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
  await expect(page.locator('.react-flow__node')).toHaveCount(Number(process.env.N ?? 997), { timeout: 300_000 });
  await page.waitForTimeout(500);
  console.log('open', Date.now() - t);
  {
    const { profile } = await client0.send('Profiler.stop');
    report(profile);
  }
  await page.waitForTimeout(2000);
  const header = (await page.getByTestId(process.env.TARGET ?? 'node-n12_20').locator('.ng-node__header').boundingBox())!;
  await page.mouse.move(header.x + 20, header.y + 5);
  await page.mouse.down();
  const client = await page.context().newCDPSession(page);
  await client.send('Profiler.enable');
  await client.send('Profiler.start');
  for (let i = 1; i <= 5; i++) {
    t = Date.now();
    await page.mouse.move(header.x + 20 + i * 5, header.y + 5 + i * 3);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    console.log('move', i, Date.now() - t);
  }
  const { profile } = await client.send('Profiler.stop');
  await page.mouse.up();
  report(profile);
});

// biome-ignore lint/suspicious/noExplicitAny: scratch
function report(profile: any) {
  const self = new Map<string, number>();
  const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id: number, i: number) => {
    const n = nodes.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
  // total (inclusive) time per function
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  (profile.samples ?? []).forEach((id: number, i: number) => {
    const seen = new Set<string>();
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const n = nodes.get(cur)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + (dt[i] ?? 0) / 1000); }
      cur = parent.get(cur);
    }
  });
  console.log('--- inclusive');
  console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
}
