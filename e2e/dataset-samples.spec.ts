/** The dataset node of picture data shows sample pictures, one of each class. */
import { expect, test } from '@playwright/test';
import { nodes, openEditor, selectNode } from './helpers';

test('Digits: the dataset node’s inspector shows an 8 × 8 picture of each digit', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-digits').click();
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId('train-step')).toBeEnabled();

  await selectNode(page, 'data');
  const samples = page.getByTestId('dataset-samples');
  await expect(samples).toContainText('8 × 8 pixels, one of each class');
  const pictures = samples.getByRole('img');
  await expect(pictures).toHaveCount(10);
  for (let k = 0; k < 10; k++)
    await expect(pictures.nth(k)).toHaveAccessibleName(`A training picture of class ${k}`);
  const box = (await pictures.first().boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
  // Drawn pictures, each a different digit.
  const urls = await pictures.evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).toDataURL()));
  expect(new Set(urls).size).toBe(10);
  await page.screenshot({ path: '/tmp/dataset-samples.png' });
});

test('a dataset of points has no pictures to show', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await page.getByRole('navigation', { name: 'Document' }).getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-circle').click();
  await expect(page.getByTestId('train-step')).toBeEnabled();
  await selectNode(page, 'data');
  await expect(page.getByTestId('node-training')).toBeVisible();
  await expect(page.getByTestId('dataset-samples')).toHaveCount(0);
});
