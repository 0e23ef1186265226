import { readFile } from 'node:fs/promises';
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
  await expect(status).toHaveText(/^Step 0: w = 1, b = 1, training loss /);
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
  // Saved as a PNG, like the other pictures.
  const download = page.waitForEvent('download');
  await panel.getByTestId('save-png-loss-landscape').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/loss-landscape\.png$/);
  const bytes = await readFile(await file.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);

  // The timeline scrubs the marker back to step 2, on the same grid.
  const range = page.getByTestId('timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-where')).toHaveText('step 0 of 4');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-where')).toHaveText('step 1 of 4');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-where')).toHaveText('step 2 of 4');
  await expect(status).toHaveText(/^Step 2: w = 0\.9989, b = 0\.9996, training loss /);
  expect((await markerOf(page)).x).toBeGreaterThan(after.x + 50);

  // Escape closes it, and the button opens it again.
  await panel.getByRole('button', { name: 'Close the loss landscape' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('landscape-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('a bigger network’s landscape says which directions span its plane', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId('example-xor').click();
  await expect(page.getByTestId('train-step')).toBeEnabled();
  await page.getByTestId('landscape-toggle').click();
  const panel = page.getByTestId('landscape-panel');
  await expect(page.getByTestId('landscape-status')).toHaveText(
    /^Step 0: random direction 1 = 0, random direction 2 = 0, training loss /,
  );
  await expect(panel).toContainText('two filter-normalised random directions');
  await page.getByTestId('landscape-directions').selectOption('pca');
  await page.getByTestId('train-step').click();
  await page.getByTestId('train-step').click();
  await expect(panel).toContainText('the path’s two principal directions');
  await expect(page.getByTestId('landscape-status')).toHaveText(/^Step 2: principal direction 1 = /);
});

test.describe('on a 1024 × 768 tablet, in the dark theme', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the panel sits below the Nodes and Inspector toggles, and its controls wear the theme', async ({
    page,
  }) => {
    await openEditor(page);
    await page.getByRole('button', { name: 'Dark', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await openExample(page, 'xor', 6);
    await page.getByTestId('landscape-toggle').click();
    const panel = page.getByTestId('landscape-panel');
    const select = page.getByTestId('landscape-directions');
    await expect(select).toBeVisible();
    const top = (await panel.boundingBox())!.y;
    for (const toggle of ['toggle-palette', 'toggle-side']) {
      const box = (await page.getByTestId(toggle).boundingBox())!;
      expect(top, toggle).toBeGreaterThan(box.y + box.height);
    }
    // The theme's own field and icon button, not the browser's light grey ones: a dark background
    // like the panel's, with the panel's light text.
    const close = panel.getByRole('button', { name: 'Close the loss landscape' });
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color };
    };
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const panelLook = await panel.evaluate(look);
    for (const control of [select, close]) {
      const { background, color } = await control.evaluate(look);
      // A transparent background shows the dark panel through it.
      const shown = background === 'rgba(0, 0, 0, 0)' ? panelLook.background : background;
      expect(luminance(shown)).toBeLessThan(0.25);
      expect(luminance(color)).toBeGreaterThan(0.6);
    }
  });
});
