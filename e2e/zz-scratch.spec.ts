import { expect, test } from '@playwright/test';
import { openEditor, pane } from './helpers';

test('scratch', async ({ page }) => {
  page.on('console', (m) => console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await openEditor(page);
  const box = (await pane(page).boundingBox())!;
  await page.mouse.move(box.x + 300, box.y + 200);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('quick-add')).toBeVisible();
  console.log(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  console.log(await page.getByTestId('quick-add').count());
  await page.screenshot({ path: '/tmp/scratch.png' });
});
