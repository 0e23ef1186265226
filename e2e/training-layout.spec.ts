/** The training panel at 1280 × 720: the state badge, the headings and a pause message fit, uncut. */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { nodes, openEditor, selectNode } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

/** Opens an example; `atLeast` nodes tell that it replaced the empty start. */
async function openExample(page: Page, id: string, atLeast: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect.poll(() => nodes(page).count()).toBeGreaterThanOrEqual(atLeast);
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

/**
 * How many pixels of the element are hidden: cut by an ancestor that clips (overflow other than
 * visible), or its own text cut (wider or taller than its box, e.g. an ellipsis).
 */
function hiddenPixels(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    let hidden = Math.max(0, el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight);
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = a.getBoundingClientRect();
      hidden = Math.max(
        hidden,
        clip.left - box.left,
        box.right - clip.right,
        clip.top - box.top,
        box.bottom - clip.bottom,
      );
    }
    return Math.round(hidden);
  });
}

test('playing the spiral at 1280 × 720: the state badge and the headings are whole', async ({ page }) => {
  await openEditor(page);
  await openExample(page, 'spiral', 19);
  await page.getByTestId('train-play').click();
  const chip = page.locator('.train-chip--live');
  await expect(chip).toHaveText('training');
  await expect(page.getByTestId('train-step-count')).not.toHaveText('0');
  await page.screenshot({ path: '/tmp/I-training-1280.png' });
  expect(await hiddenPixels(chip)).toBeLessThanOrEqual(1);
  const caption = page.locator('.train-prediction__caption .train-label');
  await expect(caption).toBeVisible();
  expect(await hiddenPixels(caption)).toBeLessThanOrEqual(1);
  for (const heading of await page.locator('.train-panel .train-label').all()) {
    if (await heading.isVisible()) expect(await hiddenPixels(heading)).toBeLessThanOrEqual(1);
  }
  await page.getByTestId('train-play').click();
});

test('a pause message at 1280 × 720 reads whole, without scrolling', async ({ page }) => {
  await openEditor(page);
  await openExample(page, 'border-at-3', 4);
  await selectNode(page, 'sgd');
  await page.getByTestId('param-input-lr').fill('10');
  await page.getByTestId('param-input-lr').press('Enter');
  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  const alert = page.getByTestId('train-nonfinite');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: '/tmp/I-paused-1280.png' });
  // Whole: neither cut by the messages' scroll box (only the diagnostics under it may scroll) nor the panel.
  expect(await hiddenPixels(alert)).toBeLessThanOrEqual(1);
  expect(await hiddenPixels(page.getByTestId('train-nonfinite-title'))).toBeLessThanOrEqual(1);
  const paused = page.locator('.train-chip--error');
  await expect(paused).toBeVisible();
  expect(await hiddenPixels(paused)).toBeLessThanOrEqual(1);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`at ${size.width} × ${size.height} the app fills the window exactly: the page never scrolls, with a lesson open`, async ({
    page,
  }) => {
    const overflow = () =>
      page.evaluate(() => ({
        down: document.documentElement.scrollHeight - window.innerHeight,
        across: document.documentElement.scrollWidth - window.innerWidth,
        scrolled: window.scrollY,
      }));
    await page.setViewportSize(size);
    await openEditor(page);
    expect(await overflow(), 'empty canvas').toEqual({ down: 0, across: 0, scrolled: 0 });
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByTestId('open-gallery').click();
    await page.getByTestId('gallery').getByTestId('gallery-lesson-border-at-3').click();
    if (size.width < 1180) await page.getByTestId('toggle-side').click();
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-index', '1');
    expect(await overflow(), 'lesson at its second step').toEqual({ down: 0, across: 0, scrolled: 0 });
    // The canvas takes every column the panels leave: the whole width where they open over it.
    const canvas = (await page.locator('.canvas .react-flow').boundingBox())!;
    const palette = size.width < 1180 ? 0 : (await page.locator('.app__palette').boundingBox())!.width;
    const side = size.width < 1180 ? 0 : (await page.locator('.app__inspector').boundingBox())!.width;
    expect(canvas.width).toBeCloseTo(size.width - palette - side, 0);
  });
}
