/**
 * Offline and on first use (issue #16): after one visit the service worker serves the whole app with
 * no network; a feature loaded on first use works offline once cached, and a chunk that cannot be
 * fetched says so with Retry; a new deployment is offered, never forced, and autosaved work survives.
 *
 * Other specs run without the service worker (it registers under automation only when asked).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { nodeIds, nodes, openEditor, selectNode } from './helpers';

const SERVICE_WORKER_KEY = 'neurograph.serviceWorker';

async function withServiceWorker(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => localStorage.setItem(key, 'on'), SERVICE_WORKER_KEY);
}

/** Until the service worker has installed (the whole app precached) and activated. */
async function waitUntilCached(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state), {
      timeout: 90_000,
    })
    .toBe('activated');
}

async function openExampleFromMenu(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId(`example-${id}`).click();
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });
  // The first visit caches the whole app (~3 MB, 70 files) before going offline: slow on a busy machine.
  test.setTimeout(180_000);
  test.beforeEach(async ({ context }) => withServiceWorker(context));

  test('after one visit: reload offline, open an example and a lesson, step, train, export and import', async ({
    page,
    context,
  }) => {
    await openEditor(page);
    await waitUntilCached(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('palette-neuron')).toBeVisible();

    // An example: the layout engine comes from the cache.
    await openExampleFromMenu(page, 'xor');
    await expect(page.getByTestId('document-name')).toHaveValue(/XOR/);
    const count = await nodes(page).count();
    expect(count).toBeGreaterThan(3);

    // One step, then training in the worker (its own chunk, cached too).
    await page.getByTestId('train-step').click();
    await expect(page.getByTestId('train-step-count')).toContainText('1');
    await page.getByTestId('train-speed-max').click(); // Play opens at a watchable 5 steps/s
    await page.getByTestId('train-play').click();
    await expect
      .poll(async () =>
        Number((await page.getByTestId('train-step-count').textContent())?.replace(/\D/g, '')),
      )
      .toBeGreaterThan(20);
    await page.getByTestId('train-play').click();
    await expect(page.getByTestId('train-loss')).toContainText(/\d/);

    // Export, then import the file back.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByTestId('export-json').click();
    const path = await (await download).path();
    const exported = JSON.parse(await readFile(path, 'utf8'));
    expect(exported.nodes).toHaveLength(count);
    await page.getByRole('button', { name: 'New' }).click();
    await expect(nodes(page)).toHaveCount(0);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import' }).click();
    await (await chooser).setFiles(path);
    await expect(nodes(page)).toHaveCount(count);

    // A lesson: its text (marked + KaTeX, fonts included) from the cache.
    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    await page.getByTestId('open-gallery').click();
    await page.getByTestId('gallery').getByTestId('gallery-start-chain-rule').click();
    await expect(page.getByTestId('lesson-title')).toHaveText('The chain rule, one node at a time');
    await expect(page.getByTestId('lesson-side').locator('.katex').first()).toBeVisible();
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
  });

  test('a custom formula, typeset by KaTeX, works offline after its first use', async ({ page, context }) => {
    await openEditor(page);
    await page.getByTestId('palette-act.custom').click();
    const [id] = await nodeIds(page);
    await selectNode(page, id);
    const inspector = page.getByTestId('node-inspector');
    await expect(inspector.getByTestId('custom-formula-df').locator('.katex')).toBeVisible();
    await waitUntilCached(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('palette-neuron')).toBeVisible();
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByTestId('palette-act.custom').click();
    const [again] = await nodeIds(page);
    await selectNode(page, again);
    // mathjs works out f′ and KaTeX typesets it, both from the cache.
    await inspector.getByTestId('param-input-formula').fill('x^3');
    await expect(inspector.getByTestId('custom-formula-df')).toContainText('3');
    await expect(inspector.getByTestId('custom-formula-df').locator('.katex')).toBeVisible();
    await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
  });

  test('a new version is offered, not forced; Reload switches to it and the autosaved work is kept', async ({
    page,
  }) => {
    await openEditor(page);
    await waitUntilCached(page);
    // A second visit: now the service worker controls the page, as it does for a returning learner.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByTestId('palette-neuron').click();
    await page.getByTestId('palette-neuron').click();
    await expect(nodes(page)).toHaveCount(2);

    // A new deployment: the built service worker changes (one file's revision, as a rebuild does).
    const swPath = join(process.env.E2E_DIST ?? 'dist', 'sw.js');
    const deployed = await readFile(swPath, 'utf8');
    const at = deployed.indexOf('revision:"') + 'revision:"'.length;
    const next = `${deployed.slice(0, at)}${deployed[at] === '0' ? '1' : '0'}${deployed.slice(at + 1)}`;
    await writeFile(swPath, next);
    // The new deployment stays in place until the end: the browser checks sw.js again after the
    // reload, and finding the old one back would be yet another version to offer.
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect(page.getByTestId('update-prompt')).toContainText('A new version is ready', {
        timeout: 60_000,
      });
      const prompt = page.getByTestId('update-prompt');
      // Nothing happens by itself: the work goes on.
      await page.getByTestId('palette-neuron').click();
      await expect(nodes(page)).toHaveCount(3);
      await expect(prompt).toBeVisible();

      const reloaded = page.waitForEvent('load');
      await page.getByTestId('update-reload').click();
      await reloaded;
      await expect(page.getByTestId('palette-neuron')).toBeVisible();
      await expect(nodes(page)).toHaveCount(3);
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    } finally {
      await writeFile(swPath, deployed);
    }
  });
});

test('a chunk that cannot be fetched says so with Retry, and Retry loads it', async ({ page }) => {
  await page.route(/katex-chunk-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await openEditor(page);
  await page.getByTestId('palette-neuron').click();
  const [id] = await nodeIds(page);
  await selectNode(page, id);
  const failed = page.getByTestId('node-inspector').getByTestId('lazy-failed');
  await expect(failed).toContainText('Could not load the formula typesetter');
  await expect(failed).toContainText('offline');
  await page.screenshot({ path: '/tmp/h16-chunk-failed.png' });

  await page.unroute(/katex-chunk-[^/]*\.js$/);
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('node-inspector').getByTestId('formula').locator('.katex')).toBeVisible();
  await expect(page.getByTestId('lazy-failed')).toHaveCount(0);
});
