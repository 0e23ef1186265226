import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor } from './helpers';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function picture(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-menu').click();
  await page.getByTestId(`picture-${item}`).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

test.beforeEach(async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-circle').click();
  await expect(nodes(page)).toHaveCount(8);
  await page.getByTestId('document-name').fill('Circle slide');
  await page.getByTestId('document-name').press('Enter');
});

test('the whole network as a PNG: every node in frame, whatever the view shows', async ({ page }) => {
  // Zoomed in on a corner: the picture still holds every node.
  await page.locator('.react-flow__pane').hover();
  await page.mouse.wheel(0, -800);
  const png = await picture(page, 'png');
  expect(png.name).toBe('circle-slide.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.bytes.length).toBeGreaterThan(20_000);
  const { width, height } = pngSize(png.bytes);
  // Drawn at twice the size of the nodes' bounding box (plus a margin).
  const box = await page.evaluate(() => {
    const els = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
      .a;
    const rects = els.map((e) => e.getBoundingClientRect());
    const w = Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
    const h = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
    return { width: w / zoom, height: h / zoom };
  });
  expect(width).toBeGreaterThanOrEqual(Math.floor(2 * box.width));
  expect(height).toBeGreaterThanOrEqual(Math.floor(2 * box.height));
  expect(width).toBeLessThan(2 * box.width + 400);

  const themed = await picture(page, 'png-theme');
  expect([...themed.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  // Not the white one's name: saving both keeps both.
  expect(themed.name).toBe('circle-slide-as-on-screen.png');
});

test('the network as an SVG, with the node labels in it', async ({ page }) => {
  const svg = await picture(page, 'svg');
  expect(svg.name).toBe('circle-slide.svg');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg') || text.startsWith('<?xml')).toBe(true);
  expect(text).toContain('http://www.w3.org/2000/svg');
  const labels = await page.locator('.react-flow__node .ng-node__title').allTextContents();
  expect(labels.length).toBe(8);
  for (const label of new Set(labels)) expect(text).toContain(label);
});

test('an empty canvas has nothing to draw, and says so', async ({ page }) => {
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await page.getByTestId('export-menu').click();
  await page.getByTestId('picture-png').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing to draw yet' })).toBeVisible();
});

test('the loss chart and the decision boundary each save as a PNG', async ({ page }) => {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  for (const [id, file] of [
    ['save-png-decision-boundary', 'circle-slide-decision-boundary.png'],
    ['save-png-loss', 'circle-slide-loss.png'],
  ]) {
    const download = page.waitForEvent('download');
    await page.getByTestId(id).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe(file);
    const bytes = await readFile(await d.path());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.length).toBeGreaterThan(2000);
  }
});
