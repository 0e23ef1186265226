import { expect, test } from '@playwright/test';

test('the app opens in the browser and shows the canvas', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle(/Neurograph/);
  await expect(page.locator('.react-flow')).toBeVisible();
  expect(errors).toEqual([]);
});
