import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { dragBetween, dropKind, edges, node, nodeIds, nodes, openEditor, pane, port } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

/** x2 on line 4 is not a number; the note column is text. */
const CSV = [
  'x1,x2,note,label',
  '0.1,1.5,first,no',
  '0.4,1.1,"with, comma",yes',
  '0.9,oops,third,yes',
  '0.2,0.7,fourth,no',
  '0.8,0.3,fifth,yes',
  '0.3,1.9,sixth,no',
  '',
].join('\r\n');

/** Drags a file over the canvas and drops it there, as the OS does. */
async function dropFile(page: Page, name: string, text: string, at = { x: 300, y: 200 }): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      return dt;
    },
    { name, text },
  );
  const box = (await pane(page).boundingBox())!;
  const point = { clientX: box.x + at.x, clientY: box.y + at.y };
  await pane(page).dispatchEvent('dragenter', { dataTransfer, ...point });
  await pane(page).dispatchEvent('dragover', { dataTransfer, ...point });
  await pane(page).dispatchEvent('drop', { dataTransfer, ...point });
}

const dialog = (page: Page) => page.getByTestId('csv-dialog');

test('a dropped CSV: preview, columns, a bad row by its line number; train-ready once fixed', async ({
  page,
}) => {
  await dropFile(page, 'flowers.csv', CSV, { x: 150, y: 150 });
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText('6 rows × 4 columns');
  await expect(page.getByTestId('csv-preview').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('csv-preview')).toContainText('with, comma');
  // Suggested: the last column is the target, the numeric columns are the features.
  await expect(page.getByTestId('csv-target')).toHaveValue('label');
  await expect(page.getByTestId('csv-task')).toHaveValue('classification');
  await expect(page.getByTestId('csv-feature-0')).toBeChecked();
  await expect(page.getByTestId('csv-feature-1')).not.toBeChecked();
  await expect(page.getByTestId('csv-summary')).toContainText('target 0 for “no” (3) and 1 for “yes” (3)');

  // Choosing x2 as a feature: the row on line 4 cannot be used, and the dialog says where it is.
  await page.getByTestId('csv-feature-1').check();
  await expect(page.getByTestId('csv-bad-rows')).toContainText(
    'Line 4: “oops” in the feature column “x2” is not a number',
  );
  await page.getByTestId('csv-apply').click();
  await expect(dialog(page)).toHaveCount(0);

  // A CSV node named after the file, one port per feature column, and the compiler's message with the line.
  await expect(nodes(page)).toHaveCount(1);
  const [id] = await nodeIds(page);
  await expect(node(page, id).locator('.ng-node__title')).toHaveText('flowers');
  await expect(port(page, id, 'out', 'x0')).toBeVisible();
  await expect(port(page, id, 'out', 'x1')).toBeVisible();
  await expect(page.getByTestId('node-inspector').getByTestId('diagnostics')).toContainText(
    'CSV line 4: “oops” in the feature column “x2” is not a number',
  );
  await expect(node(page, id).getByTestId('node-diagnostic')).toBeVisible();

  // Fixed by leaving the bad row out: the node has nothing more to say.
  await page.getByTestId('csv-columns').click();
  await expect(page.getByTestId('csv-feature-1')).toBeChecked();
  await page.getByTestId('csv-skip-bad-rows').check();
  await expect(page.getByTestId('csv-summary')).toContainText('Ready: 5 rows, 2 features');
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('node-inspector').getByTestId('diagnostics')).toHaveCount(0);
  await expect(node(page, id).getByTestId('node-diagnostic')).toHaveCount(0);

  // Wired into a network, the compiler has no error left: ready to train.
  const box = (await pane(page).boundingBox())!;
  await page.getByTestId('palette-neuron').dragTo(pane(page), { targetPosition: { x: 420, y: 110 } });
  await page
    .getByTestId('palette-loss.bce')
    .dragTo(pane(page), { targetPosition: { x: Math.min(680, box.width - 140), y: 260 } });
  await page
    .getByTestId('palette-opt.sgd')
    .dragTo(pane(page), { targetPosition: { x: Math.min(680, box.width - 140), y: 460 } });
  await expect(nodes(page)).toHaveCount(4);
  const [, neuron, loss, opt] = await nodeIds(page);
  await dragBetween(page, port(page, id, 'out', 'x0'), port(page, neuron, 'in', 'in'));
  await dragBetween(page, port(page, id, 'out', 'x1'), port(page, neuron, 'in', 'in'));
  await dragBetween(page, port(page, neuron, 'out', 'out'), port(page, loss, 'in', 'prediction'));
  await dragBetween(page, port(page, id, 'out', 'target'), port(page, loss, 'in', 'target'));
  await dragBetween(page, port(page, loss, 'out', 'loss'), port(page, opt, 'in', 'loss'));
  await expect(edges(page)).toHaveCount(5);
  await pane(page).click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('compile-status')).toHaveText('ready to train');

  // One undo entry per apply: undoing the second apply brings the bad row's message back.
  const undo = page.getByRole('button', { name: 'Undo' });
  for (let i = 0; i < 5 + 3; i++) await undo.click();
  await expect(nodes(page)).toHaveCount(1);
  // A lone dataset compiles, but with no loss and no optimizer it cannot train.
  await expect(page.getByTestId('compile-status')).toHaveText('not complete');
  await undo.click();
  await expect(nodes(page)).toHaveCount(1);
  await expect(page.getByTestId('compile-status')).toHaveText('1 to fix');
  // And the first apply created the node, labelled, in one entry too.
  await undo.click();
  await expect(nodes(page)).toHaveCount(0);
  await expect(undo).toBeDisabled();
});

test('“Load CSV…” in the inspector fills the node; a new file keeps the columns it still has', async ({
  page,
}) => {
  await page.getByTestId('palette-dataset.csv').click();
  await expect(nodes(page)).toHaveCount(1);
  const [id] = await nodeIds(page);
  await expect(page.getByTestId('csv-summary-field')).toHaveText('No CSV loaded yet.');
  await expect(page.getByTestId('node-inspector').getByTestId('diagnostics')).toContainText(
    'No CSV loaded yet',
  );

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('csv-load').click();
  await (await chooser).setFiles({
    name: 'houses.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `rooms;area;price\n${Array.from({ length: 30 }, (_, i) => `${1 + (i % 5)};${40 + i * 3},5;${100 + i * 7}`).join('\n')}\n`,
    ),
  });
  await expect(dialog(page)).toBeVisible();
  // Many different numbers in the target: regression; semicolons and decimal commas understood.
  await expect(page.getByTestId('csv-task')).toHaveValue('regression');
  await expect(page.getByTestId('csv-summary')).toContainText(
    'Ready: 30 rows, 2 features; regression of “price”',
  );
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-summary-field')).toContainText('30 rows × 3 columns');
  await expect(node(page, id).locator('.ng-node__title')).toHaveText('houses');
  await expect(node(page, id).locator('.ng-port__label').nth(1)).toHaveText('area');
  await expect(page.getByTestId('node-inspector').getByTestId('diagnostics')).toHaveCount(0);

  // “area” feeds a neuron; a new version of the file, columns moved about, keeps the choice.
  const neuron = await dropKind(page, 'neuron', { x: 520, y: 140 });
  await dragBetween(page, port(page, id, 'out', 'x1'), port(page, neuron, 'in', 'in'));
  await expect(edges(page)).toHaveCount(1);
  await node(page, id).locator('.ng-node__header').click();
  const again = page.waitForEvent('filechooser');
  await page.getByTestId('csv-load').click();
  await (await again).setFiles({
    name: 'houses-v2.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `area,year,rooms,price\n${Array.from({ length: 40 }, (_, i) => `${40 + i},${1990 + i},${1 + (i % 4)},${90 + i * 5}`).join('\n')}\n`,
    ),
  });
  await expect(page.getByTestId('csv-feature-0')).toBeChecked();
  await expect(page.getByTestId('csv-feature-1')).not.toBeChecked();
  await expect(page.getByTestId('csv-feature-2')).toBeChecked();
  // Without “rooms”, “area” becomes the first port: its connection follows it.
  await page.getByTestId('csv-feature-2').uncheck();
  await page.getByTestId('csv-apply').click();
  await expect(page.getByTestId('csv-summary-field')).toContainText('40 rows × 4 columns');
  await expect(node(page, id).locator('.ng-node__title')).toHaveText('houses');
  await expect(node(page, id).locator('.ng-port__label').first()).toHaveText('area');
  await expect(edges(page)).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByTestId('export-json').click();
  const doc = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(doc.edges[0].sourceHandle).toBe('x0');
  expect(doc.nodes[0].params.features).toEqual(['area']);
  expect(doc.nodes[0].params.csv).toMatch(/^area,year,rooms,price\n/);
});

test('a file that is not usable says why, and changes nothing', async ({ page }) => {
  await dropFile(page, 'empty.csv', '\n\n');
  await expect(page.getByTestId('csv-file-error')).toContainText(
    'This file cannot be used: the CSV is empty.',
  );
  await dialog(page).getByRole('button', { name: 'OK' }).click();
  await expect(nodes(page)).toHaveCount(0);
});

test('dropped on an example, the CSV takes the place of its dataset, connections and all', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-xor').click();
  await expect(nodes(page)).toHaveCount(6);
  const before = await edges(page).count();
  const rows = Array.from(
    { length: 40 },
    (_, i) => `${(i % 7) - 3},${(i % 5) - 2},${((i % 7) - 3) * ((i % 5) - 2) > 0 ? 1 : 0}`,
  );
  await dropFile(page, 'quadrants.csv', `u,v,same_sign\n${rows.join('\n')}\n`, { x: 60, y: 60 });
  await expect(page.getByTestId('csv-replace')).toBeChecked();
  await expect(dialog(page)).toContainText('Use it in place of “data” (Dataset)');
  await page.getByTestId('csv-apply').click();
  await expect(nodes(page)).toHaveCount(6);
  await expect(edges(page)).toHaveCount(before);
  await expect(page.locator('[data-kind="dataset"]')).toHaveCount(0);
  await expect(page.locator('[data-kind="dataset.csv"] .ng-node__title')).toHaveText('quadrants');
  await pane(page).click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('compile-status')).toHaveText('ready to train');
  // One undo brings the example's dataset back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-kind="dataset"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="dataset.csv"]')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(before);
});
