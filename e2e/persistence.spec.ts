import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { dropKind, nodes, openEditor, pane } from './helpers';

/** Exports the network through the toolbar and returns the downloaded file's text. */
async function exported(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByTestId('export-json').click();
  const path = await (await download).path();
  return readFile(path, 'utf8');
}

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

test('a reload brings the network back exactly, viewport included; the undo history starts fresh', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-xor').click();
  await expect(nodes(page)).toHaveCount(6);
  await page.getByTestId('document-name').fill('My XOR');
  await page.getByTestId('document-name').press('Enter');
  // Pan and zoom somewhere particular.
  const box = (await pane(page).boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.wheel(0, -240);
  await page.waitForTimeout(300);
  await saved(page);
  const before = await exported(page);
  expect(JSON.parse(before).viewport).toBeDefined();
  const transform = await page.locator('.react-flow__viewport').getAttribute('style');

  await page.reload();
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId('document-name')).toHaveValue('My XOR');
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', transform!);
  await saved(page);
  expect(await exported(page)).toBe(before);
  // The history starts fresh: nothing to undo, so the restored network cannot be undone away.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('an edit made just before leaving is saved (pagehide), without waiting for the debounce', async ({
  page,
}) => {
  await openEditor(page);
  await dropKind(page, 'neuron', { x: 200, y: 150 });
  await saved(page);
  await page.getByTestId('document-name').fill('Renamed at the last moment');
  await page.getByTestId('document-name').press('Enter');
  await page.reload();
  await expect(page.getByTestId('document-name')).toHaveValue('Renamed at the last moment');
  await expect(nodes(page)).toHaveCount(1);
});

test('when the browser refuses to store (quota), a warning shows and the network stays open', async ({
  page,
}) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openEditor(page);
  await dropKind(page, 'dataset', { x: 160, y: 150 });
  await dropKind(page, 'neuron', { x: 460, y: 150 });
  const toast = page.getByRole('alert');
  await expect(toast).toContainText('could not be saved in this browser');
  await expect(toast).toContainText('storage is full');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');
  // Nothing blocks: the network is still here and can still be edited.
  await expect(nodes(page)).toHaveCount(2);
  await dropKind(page, 'loss.mse', { x: 700, y: 200 });
  await expect(nodes(page)).toHaveCount(3);
  await page.screenshot({ path: '/tmp/persistence-quota.png' });
});

test('a failed save is retried until the storage takes it; until then closing the tab asks first', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    (window as unknown as { storageFull: boolean }).storageFull = false;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if ((window as unknown as { storageFull: boolean }).storageFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-xor').click();
  await saved(page);
  await page.evaluate(() => {
    (window as unknown as { storageFull: boolean }).storageFull = true;
  });
  await page.getByTestId('document-name').fill('Renamed while full');
  await page.getByTestId('document-name').press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');

  // Closing now would lose the rename: the browser asks, and staying keeps the tab.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  // The storage comes back: with no further edit, a retry saves the rename. The retries come
  // 2, 5, 15 and then every 30 s (RETRY_DELAYS): on a busy machine the dialog above can take long
  // enough that the next one is 15 or 30 s away.
  await page.evaluate(() => {
    (window as unknown as { storageFull: boolean }).storageFull = false;
  });
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 40_000 });
  await page.reload();
  await expect(page.getByTestId('document-name')).toHaveValue('Renamed while full');
  await expect(nodes(page)).toHaveCount(6);
});

test('when storage cannot even be opened (private mode), the editor works and says autosave is off', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('IndexedDB is not available.', 'SecurityError');
      },
    });
  });
  await openEditor(page);
  await expect(page.getByRole('alert')).toContainText('Autosave is off');
  await expect(page.getByTestId('save-status')).toHaveText('Autosave off');
  await dropKind(page, 'neuron', { x: 200, y: 150 });
  await expect(nodes(page)).toHaveCount(1);
});

test('snap to grid: dragged and added nodes land on the grid; the choice survives a reload', async ({
  page,
}) => {
  await openEditor(page);
  const snap = page.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'true');

  const id = await dropKind(page, 'neuron', { x: 213, y: 167 });
  const position = () =>
    page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((el) => {
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec((el as HTMLElement).style.transform)!;
      return { x: Number(m[1]), y: Number(m[2]) };
    });
  let p = await position();
  expect(p.x % 20).toBe(0);
  expect(p.y % 20).toBe(0);

  const header = (await page.getByTestId(`node-${id}`).locator('.ng-node__header').boundingBox())!;
  await page.mouse.move(header.x + 30, header.y + 10);
  await page.mouse.down();
  await page.mouse.move(header.x + 80, header.y + 40, { steps: 6 });
  await page.mouse.move(header.x + 137, header.y + 73, { steps: 6 });
  await page.mouse.up();
  p = await position();
  expect(p.x % 20).toBe(0);
  expect(p.y % 20).toBe(0);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Snap to grid' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Snap to grid' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Snap to grid' })).toHaveAttribute('aria-pressed', 'false');
});
