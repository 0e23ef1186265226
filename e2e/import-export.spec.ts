import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { canvas, dropKind, edges, nodes, openEditor, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

/** Exports through the toolbar; returns the file's path and text. */
async function exportNetwork(page: Page): Promise<{ path: string; text: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByTestId('export-json').click();
  const d = await download;
  const path = await d.path();
  return { path, text: await readFile(path, 'utf8'), name: d.suggestedFilename() };
}

/**
 * Waits until the view has stopped moving (the fit of an opened network, a wheel zoom): the
 * document holds the viewport shown once a move has ended, not before. A move in progress marks
 * the canvas `is-moving`; a fit may start a frame or two after the nodes appear, so the view must
 * also stay put across two looks.
 */
async function viewSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await viewport.getAttribute('style');
        const moving = await canvas(page).evaluate((el) => el.classList.contains('is-moving'));
        const still = !moving && now === last;
        last = now;
        return still;
      },
      { intervals: [150] },
    )
    .toBe(true);
}

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
}

/** Drags a file over the canvas and drops it, as the OS does. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    { name, text },
  );
  const box = (await pane(page).boundingBox())!;
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  await pane(page).dispatchEvent('dragenter', { dataTransfer, ...at });
  await pane(page).dispatchEvent('dragover', { dataTransfer, ...at });
  await expect(page.getByTestId('file-drop')).toBeVisible();
  await page.screenshot({ path: '/tmp/file-drop.png' });
  await pane(page).dispatchEvent('drop', { dataTransfer, ...at });
  await expect(page.getByTestId('file-drop')).toHaveCount(0);
}

async function writeClipboard(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

const BROKEN = JSON.stringify({
  format: 'neurograph',
  version: 1,
  name: 'broken',
  seed: 1,
  nodes: [
    { id: 'a', kind: 'neuron', position: { x: 0, y: 0 }, params: {} },
    { id: 'b', kind: 'no.such.kind', position: { x: 0, y: 'far' }, params: {} },
  ],
  edges: [{ id: 'e', source: 'a', sourceHandle: 'out', target: 'zz', targetHandle: 'in' }],
});

test('export → import gives the same document, byte for byte', async ({ page }) => {
  await openExample(page, 'circle', 8);
  await viewSettled(page);
  // Make it the learner's own: a description, a name, a viewport.
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.locator('#doc-description').fill('Mine now.\nTwo lines.');
  await page.locator('#doc-description').blur();
  await page.getByTestId('document-name').fill('Round trip');
  await page.getByTestId('document-name').press('Enter');
  const box = (await pane(page).boundingBox())!;
  await page.mouse.move(box.x + 300, box.y + 200);
  const fitted = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.mouse.wheel(0, 200);
  await expect(page.locator('.react-flow__viewport')).not.toHaveAttribute('style', fitted!);
  await viewSettled(page);
  const shown = await page.locator('.react-flow__viewport').getAttribute('style');

  const first = await exportNetwork(page);
  expect(first.name).toBe('round-trip.neurograph.json');
  const json = JSON.parse(first.text);
  expect(json).toMatchObject({
    format: 'neurograph',
    name: 'Round trip',
    description: 'Mine now.\nTwo lines.',
    createdWith: 'neurograph',
  });
  expect(json.viewport).toBeDefined();

  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(first.path);
  await expect(nodes(page)).toHaveCount(8);
  await expect(page.getByTestId('document-name')).toHaveValue('Round trip');
  // The saved view comes back, and stays.
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', shown!);
  await viewSettled(page);

  const second = await exportNetwork(page);
  expect(second.text).toBe(first.text);
});

test('dropping a .json file on the canvas opens it; the previous network is a click away', async ({
  page,
}) => {
  await openExample(page, 'border-at-3', 4);
  const { text } = await exportNetwork(page);
  await openExample(page, 'xor', 6);

  await dropFile(page, 'border.neurograph.json', text);
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('document-name')).toHaveValue('Border at x = 3');
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Opened “border.neurograph.json”');
  await toast.getByRole('button', { name: /Back to “XOR with 2-2-1”/ }).click();
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId('document-name')).toHaveValue('XOR with 2-2-1');
});

test('an invalid file lists each problem with its path, and leaves the network untouched', async ({
  page,
}) => {
  await openExample(page, 'border-at-3', 4);
  await dropFile(page, 'broken.neurograph.json', BROKEN);
  const dialog = page.getByTestId('import-problems');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“broken.neurograph.json” could not be opened');
  await expect(dialog).toContainText('nodes[1].position.y');
  await expect(dialog).toContainText('edges[0]');
  await page.screenshot({ path: '/tmp/import-problems.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('document-name')).toHaveValue('Border at x = 3');

  // A file from a newer version is refused with the reason, not half-read.
  await dropFile(page, 'future.json', JSON.stringify({ ...JSON.parse(BROKEN), version: 99 }));
  await expect(dialog).toContainText('newer Neurograph (version 99)');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(nodes(page)).toHaveCount(4);
});

test('pasting a whole network offers to open it; copied nodes still paste as nodes', async ({ page }) => {
  await openExample(page, 'border-at-3', 4);
  const { text } = await exportNetwork(page);
  await openExample(page, 'xor', 6);
  await writeClipboard(page, text);
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+v');
  const dialog = page.getByTestId('paste-document');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“Border at x = 3” (4 nodes, 4 connections)');
  await page.screenshot({ path: '/tmp/paste-document.png' });

  // Insert its nodes instead: added to the current network.
  await dialog.getByRole('button', { name: 'Insert its nodes' }).click();
  await expect(nodes(page)).toHaveCount(10);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(6);

  // Open it: replaces the network (undoable).
  await page.keyboard.press('Control+v');
  await dialog.getByRole('button', { name: 'Open it' }).click();
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('document-name')).toHaveValue('Border at x = 3');
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(6);

  // Cancel changes nothing.
  await page.keyboard.press('Control+v');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(nodes(page)).toHaveCount(6);

  // Broken document text gets the problems dialog.
  await writeClipboard(page, BROKEN);
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('import-problems')).toContainText('nodes[1].position.y');
  await page.keyboard.press('Escape');
  await expect(nodes(page)).toHaveCount(6);
  // So does a document cut off in the middle: not valid JSON, but plainly meant as a network.
  await writeClipboard(page, '{"format":"neurograph","version":1,"nodes": [');
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('import-problems')).toBeVisible();
  await page.screenshot({ path: '/tmp/paste-cut-off.png' });
  await page.keyboard.press('Escape');
  await expect(nodes(page)).toHaveCount(6);

  // Nodes copied in the editor paste straight in.
  await openExample(page, 'border-at-3', 4);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('paste-document')).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(8);
  await expect(edges(page)).toHaveCount(8);
});

test('New keeps the previous network a click away', async ({ page }) => {
  await openExample(page, 'xor', 6);
  await dropKind(page, 'neuron', { x: 100, y: 420 });
  await expect(nodes(page)).toHaveCount(7);
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await expect(page.getByTestId('document-name')).toHaveValue('Untitled network');
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('New network created.');
  await page.screenshot({ path: '/tmp/new-undo.png' });
  await toast.getByTestId('toast-action').click();
  await expect(nodes(page)).toHaveCount(7);
  await expect(page.getByTestId('document-name')).toHaveValue('XOR with 2-2-1');
  await expect(canvas(page)).toBeVisible();

  // Ctrl+Z does the same.
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(7);

  // Work done in the new network is not lost by going back: going back is itself undoable.
  await page.getByRole('button', { name: 'New' }).click();
  await dropKind(page, 'dataset', { x: 200, y: 200 });
  await page.getByTestId('toast-action').click();
  await expect(nodes(page)).toHaveCount(7);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(1);
});
