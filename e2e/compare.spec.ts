import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor } from './helpers';

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

// Each test trains several networks in workers of their own: on a busy machine that takes a while.
test.describe.configure({ timeout: 240_000 });

const panel = (page: Page) => page.getByTestId('compare-panel');

/** Points in a drawn curve: one per judged step. */
const pointsIn = (d: string | null) => (d ?? '').split(/[ML]/).filter(Boolean).length;

test('Adam against SGD on the circle: two curves, a legend and the table', async ({ page }) => {
  await openEditor(page);
  await openExample(page, 'circle', 8);
  await page.getByTestId('compare-toggle').click();
  await expect(panel(page)).toBeVisible();
  // The circle trains with Adam: "Compare…" starts with it as it is, and the same with SGD.
  const names = panel(page).getByRole('textbox', { name: /^Name of run/ });
  await expect(names).toHaveCount(2);
  await expect(names.nth(0)).toHaveValue('As it is');
  await expect(names.nth(1)).toHaveValue('SGD');
  await expect(panel(page).getByTestId('compare-variant').nth(1)).toContainText('optimizer: SGD');

  await page.getByTestId('compare-steps').fill('100');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveText('Done.', { timeout: 120_000 });

  const curves = page.getByTestId('compare-curve');
  await expect(curves).toHaveCount(2);
  for (let k = 0; k < 2; k++) {
    // Step 0, then every step up to 100: 101 points of training loss, and as many of test loss.
    const [train, test] = await curves
      .nth(k)
      .locator('path')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(pointsIn(train)).toBe(101);
    expect(pointsIn(test)).toBe(101);
  }
  await expect(page.getByTestId('compare-legend')).toContainText('As it is');
  await expect(page.getByTestId('compare-legend')).toContainText('SGD');

  const rows = page.getByTestId('compare-table').getByTestId('compare-row');
  await expect(rows).toHaveCount(2);
  for (let k = 0; k < 2; k++) {
    await expect(rows.nth(k)).toContainText('after 100 steps');
    await expect(rows.nth(k).getByRole('cell').nth(0)).toHaveText(/^\d/);
    await expect(rows.nth(k).getByRole('cell').nth(2)).toHaveText(/ %$/);
  }
  const loss = async (k: number) =>
    Number((await rows.nth(k).getByRole('cell').nth(0).textContent())?.replace('−', '-'));
  // η = 0.01 is a good step for Adam and a timid one for plain SGD: after 100 steps Adam is ahead.
  expect(await loss(0)).toBeLessThan(await loss(1));

  // The chart, with its legend, saves as a PNG like the other pictures (at twice its size on screen).
  const chartWidth = (await page.getByTestId('compare-chart').boundingBox())!.width;
  const download = page.waitForEvent('download');
  await page.getByTestId('save-png-runs-compared').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-runs-compared\.png$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(2 * chartWidth));
});

test('by keyboard: open from the command palette, add a change, run, switch the canvas, close', async ({
  page,
}) => {
  await openEditor(page);
  await openExample(page, 'border-at-3', 4);
  await page.keyboard.press('Control+k');
  // The palette loads on first use: type once its search box has the focus.
  await expect(page.getByRole('combobox', { name: 'Search actions' })).toBeFocused();
  await page.keyboard.type('Compare');
  await page.keyboard.press('Enter');
  // The panel's code loads on first use: on a busy machine that can take a few seconds.
  await expect(panel(page)).toBeVisible({ timeout: 30_000 });
  await expect(panel(page)).toBeFocused();

  // The border example uses SGD: the second run is Adam. Give it the border lesson's rate, 0.1.
  await page.getByRole('textbox', { name: 'New value for Adam' }).focus();
  await page.keyboard.type('0.1');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByTestId('compare-variant').nth(1)).toContainText('learning rate η = 0.1');

  await page.getByTestId('compare-steps').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('40');
  await page.keyboard.press('Tab'); // the target loss
  await page.keyboard.type('0.3');
  await page.keyboard.press('Tab'); // Run
  await expect(page.getByTestId('compare-run')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compare-status')).toHaveText('Done.', { timeout: 120_000 });
  await expect(page.getByTestId('compare-table')).toContainText('Loss ≤ 0.3 at');
  await expect(page.getByTestId('compare-row').nth(0)).toContainText('not reached');
  // 40 steps are judged at every step: the table's step is the very first at the target.
  await expect(page.getByTestId('compare-target-note')).toContainText('the first at which the loss');

  // The switcher puts Adam on the canvas: the optimizer node is Adam now, and back.
  const sgd = page.getByTestId('node-sgd');
  await expect(sgd).toContainText('SGD');
  await page.getByTestId('compare-switcher').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('compare-switcher')).toHaveValue('1');
  await expect(sgd).toContainText('Adam');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(sgd).toContainText('SGD');

  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
});

test('the runs compared are part of the document: a reload keeps them, and the shown variant', async ({
  page,
}) => {
  await openEditor(page);
  await openExample(page, 'border-at-3', 4);
  await page.getByTestId('compare-toggle').click();
  await page.getByRole('textbox', { name: 'New value for Adam' }).fill('0.1');
  await page.getByRole('textbox', { name: 'New value for Adam' }).press('Enter');
  await page.getByTestId('compare-switcher').selectOption('1');
  await expect(page.getByTestId('node-sgd')).toContainText('Adam');
  await expect(page.getByTestId('save-status')).toContainText('Saved');

  await page.reload();
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('node-sgd')).toContainText('Adam');
  await page.getByTestId('compare-toggle').click();
  await expect(panel(page).getByTestId('compare-variant').nth(1)).toContainText('learning rate η = 0.1');
  await expect(page.getByTestId('compare-switcher')).toHaveValue('1');
  await page.getByTestId('compare-switcher').selectOption('-1');
  await expect(page.getByTestId('node-sgd')).toContainText('SGD');
});

test('the lesson "SGD, momentum and Adam" opens its three runs; the workers reach the numbers it states', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByTestId('empty-gallery').click();
  await page.getByTestId('gallery').getByTestId('gallery-lesson-sgd-momentum-adam').click();
  await expect(page.getByTestId('lesson-title')).toHaveText('SGD, momentum and Adam');
  await page.getByTestId('lesson-compare').click();
  await expect(panel(page).getByTestId('compare-variant')).toHaveCount(3);
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveText('Done.', { timeout: 180_000 });
  await expect(page.getByTestId('compare-curve')).toHaveCount(3);
  const rows = page.getByTestId('compare-row');
  await expect(rows.nth(0)).toContainText('not reached');
  // The lesson says momentum first gets to 0.2 at step 207 and Adam at 177 (its test recomputes them).
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-panel')).toContainText('step 207');
  await expect(rows.nth(1)).toContainText('step 207');
  await expect(rows.nth(2)).toContainText('step 177');
});

test("the border lesson's variants open as runs compared", async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('empty-gallery').click();
  await page.getByTestId('gallery').getByTestId('gallery-lesson-border-at-3').click();
  await expect(page.getByTestId('lesson-title')).toContainText('Border at x = 3');
  await page.getByRole('button', { name: 'Variants', exact: true }).click();
  await expect(page.getByTestId('lesson-variants')).toBeVisible();
  await page.getByTestId('lesson-compare').click();
  const names = panel(page).getByRole('textbox', { name: /^Name of run/ });
  await expect(names).toHaveCount(4);
  await expect(names.nth(3)).toHaveValue('Sigmoid, BCE, Adam η = 0.1');
  await expect(panel(page).getByTestId('compare-variant').nth(3)).toContainText('loss: Binary cross-entropy');
});
