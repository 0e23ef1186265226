/** Handwritten digits: weight pictures that change as it trains, a confusion matrix that fills; Dropout's mask. */
import { expect, type Page, test } from '@playwright/test';
import { nodes, openAndTrain, openEditor, selectNode } from './helpers';
import { threeClassNetwork } from './three-class-network';

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

const stepCount = async (page: Page) => Number(await page.getByTestId('train-step-count').textContent());

const pictureData = (page: Page, testid: string) =>
  page.getByTestId(testid).evaluate((c) => (c as HTMLCanvasElement).toDataURL());

test('Digits: the hidden units’ weight pictures change while it trains and the confusion matrix fills', async ({
  page,
}) => {
  await openEditor(page);
  await openExample(page, 'digits', 6);
  // Before training the prediction view shows what the data looks like.
  await expect(page.getByTestId('data-samples').getByRole('img')).toHaveCount(10);
  // The digits' chunk comes after the first compile: its "still loading" goes once it has come.
  await expect(page.getByTestId('node-diagnostic')).toHaveCount(0);
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');

  await selectNode(page, 'dense1');
  const pictures = page.getByTestId('weight-pictures');
  await expect(pictures.getByRole('img')).toHaveCount(32);
  const box = (await page.getByTestId('weight-picture-0').boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(24);
  const before = await pictureData(page, 'weight-picture-0');

  // Play opens at a watchable 5 steps/s; train at full speed.
  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(150);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Play');

  await expect.poll(() => pictureData(page, 'weight-picture-0')).not.toBe(before);
  // The matrix counts every one of the 359 test pictures, most on the diagonal.
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toBeVisible();
  await expect(matrix).toHaveAttribute('data-total', '359');
  const right = await matrix
    .locator('td.is-right')
    .evaluateAll((cells) => cells.reduce((s, c) => s + Number(c.textContent || 0), 0));
  expect(right).toBeGreaterThan(300);
  await expect(page.getByTestId('misclassified').getByRole('img').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/digits-after.png' });
});

const DROPOUT_DOCUMENT = threeClassNetwork('Dropout', 12, {
  id: 'drop',
  kind: 'dropout',
  label: 'dropout',
  params: { rate: 0.5 },
});

test('Dropout: a step shows which units it dropped, a new choice the next step', async ({ page }) => {
  await openAndTrain(page, DROPOUT_DOCUMENT);
  await selectNode(page, 'drop');
  const dropped = page.getByTestId('dropped-units');
  await expect(dropped).toContainText(/Dropped this step: \d+ of 12/);
  const first = await dropped.getAttribute('data-dropped');
  expect(first).not.toBe('');
  await expect(dropped.locator('li.is-dropped')).toHaveCount(first!.split(' ').length);
  await page.screenshot({ path: '/tmp/dropout-step.png' });

  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('2');
  await expect(dropped).not.toHaveAttribute('data-dropped', first!);
});
