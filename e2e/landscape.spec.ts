import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor } from './helpers';

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

const markerOf = async (page: Page) => {
  const c = page.getByTestId('landscape-canvas');
  return {
    x: Number(await c.getAttribute('data-marker-x')),
    y: Number(await c.getAttribute('data-marker-y')),
  };
};

test('the border example’s landscape: four steps move the marker to w ≈ −98.8', async ({ page }) => {
  await openEditor(page);
  await openExample(page, 'border-at-3', 4);
  await page.getByTestId('landscape-toggle').click();
  const panel = page.getByTestId('landscape-panel');
  const status = page.getByTestId('landscape-status');
  await expect(status).toHaveText(/^Step 0: w = 1, b = 1$/);
  await expect(panel).toContainText('the axes are the numbers themselves');
  const start = await markerOf(page);
  expect(start.x).toBeGreaterThan(0);

  for (let s = 1; s <= 4; s++) {
    await page.getByTestId('train-step').click();
    await expect(status).toHaveText(new RegExp(`^Step ${s}: w = `));
  }
  // Step 4's example x = 1000 throws w to about −98.8: the grid widens to hold it and the marker jumps left.
  await expect(status).toHaveText(/^Step 4: w = −98\.8/);
  const after = await markerOf(page);
  expect(after.x).toBeLessThan(start.x - 50);
  const box = await page.getByTestId('landscape-canvas').boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  await expect(panel.getByTestId('save-png-loss-landscape')).toBeVisible();
});
