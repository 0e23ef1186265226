import { expect, test } from '@playwright/test';

test('profile zoomed', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('palette-neuron')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles('/tmp/ng/spiral.json');
  await expect(page.locator('.react-flow__node')).toHaveCount(20);
  await expect(page.getByTestId('train-play')).toBeEnabled();
  for (let i = 0; i < 3; i++) { await page.getByRole('button', { name: 'Zoom In' }).click(); await page.waitForTimeout(300); }
  await page.getByTestId('train-play').click();
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { path: '/tmp/ng/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.waitForTimeout(4000);
  await browser.stopTracing();
  await page.screenshot({ path: '/tmp/t-zoomed.png' });
});
