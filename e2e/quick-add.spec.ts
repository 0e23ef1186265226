import { expect, type Locator, type Page, test } from '@playwright/test';
import { dropKind, edges, node, nodeIds, nodes, openEditor, pane, port } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

const quickAdd = (page: Page) => page.getByTestId('quick-add');

/** Drags a connection out of `from` and releases it on empty canvas at `drop(start)`; returns where. */
async function dropConnection(
  page: Page,
  from: Locator,
  drop: (start: { x: number; y: number }) => { x: number; y: number },
): Promise<{ x: number; y: number }> {
  const box = (await from.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const end = drop(start);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 80, start.y + 10, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();
  return end;
}

test('double-clicking the empty canvas opens a search box there; typing, arrows and Enter add a node', async ({
  page,
}) => {
  const box = (await pane(page).boundingBox())!;
  const at = { x: box.x + 160, y: box.y + 110 };
  await page.mouse.dblclick(at.x, at.y);
  await expect(quickAdd(page)).toBeVisible();
  // It opens at the pointer (measured once its 0.1 s opening animation has settled), search focused.
  await expect
    .poll(async () => {
      const popup = (await quickAdd(page).boundingBox())!;
      return Math.max(Math.abs(popup.x - at.x), Math.abs(popup.y - at.y));
    })
    .toBeLessThan(4);
  await expect(page.getByTestId('quick-add-input')).toBeFocused();

  await page.keyboard.type('relu');
  const options = quickAdd(page).getByRole('option');
  await expect(options.first()).toContainText('ReLU');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/quick-add.png' });
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(quickAdd(page)).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(1);
  const [id] = await nodeIds(page);
  await expect(node(page, id)).toHaveAttribute('data-kind', /relu/);
  // The node lands under the pointer, selected.
  const n = (await node(page, id).boundingBox())!;
  expect(n.x).toBeLessThan(at.x);
  expect(n.x + n.width).toBeGreaterThan(at.x);
  expect(n.y).toBeLessThan(at.y);
  expect(n.y + n.height).toBeGreaterThan(at.y);
  await expect(node(page, id)).toHaveClass(/is-selected/);

  // One undo removes it.
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(0);
});

test('Space and Shift+A open it at the pointer; Escape and a click outside close it', async ({ page }) => {
  const box = (await pane(page).boundingBox())!;
  await page.mouse.move(box.x + 300, box.y + 200);
  await page.keyboard.press('Space');
  await expect(quickAdd(page)).toBeVisible();
  // Measured once its opening scale-in has ended (a busy machine may still be in it).
  await quickAdd(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  const popup = (await quickAdd(page).boundingBox())!;
  expect(Math.abs(popup.x - (box.x + 300))).toBeLessThan(4);
  await page.keyboard.press('Escape');
  await expect(quickAdd(page)).toHaveCount(0);

  await page.mouse.move(box.x + 500, box.y + 300);
  await page.keyboard.press('Shift+A');
  await expect(quickAdd(page)).toBeVisible();
  await page.keyboard.type('mean squared');
  await expect(quickAdd(page).getByRole('option').first()).toContainText('Mean squared error');
  // A click on the option adds it.
  await quickAdd(page).getByRole('option').first().click();
  await expect(nodes(page)).toHaveCount(1);

  await page.keyboard.press('Shift+A');
  await expect(quickAdd(page)).toBeVisible();
  await pane(page).click({ position: { x: 20, y: 20 } });
  await expect(quickAdd(page)).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(1);

  // Not while typing in a field.
  await page.getByTestId('palette-search').fill('');
  await page.getByTestId('palette-search').press('Space');
  await expect(quickAdd(page)).toHaveCount(0);
});

test('a connection dropped on empty canvas offers only the kinds that fit, and connects the one chosen', async ({
  page,
}) => {
  // Away from the empty canvas's welcome card, which covers the middle until the first node lands.
  const neuron = await dropKind(page, 'neuron', { x: 220, y: 100 });
  const drop = await dropConnection(page, port(page, neuron, 'out', 'out'), (start) => ({
    x: start.x + 260,
    y: start.y + 40,
  }));

  await expect(quickAdd(page)).toBeVisible();
  await expect(page.getByTestId('quick-add-context')).toContainText('Neuron 1');
  // A neuron's output fits a loss's prediction, another neuron, an activation — not a dataset or an optimizer.
  await expect(page.getByTestId('quick-add-loss.mse')).toContainText('→ ŷ');
  await expect(page.getByTestId('quick-add-neuron')).toBeVisible();
  await expect(page.getByTestId('quick-add-dataset')).toHaveCount(0);
  await expect(page.getByTestId('quick-add-opt.adam')).toHaveCount(0);
  // The dropped connection stays drawn up to the box.
  await expect(page.getByTestId('quick-add-link')).toBeVisible();
  await page.screenshot({ path: '/tmp/quick-add-connect.png' });

  await page.keyboard.type('mse');
  await page.keyboard.press('Enter');
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);
  const loss = (await nodeIds(page)).find((id) => id !== neuron)!;
  await expect(
    edges(page).first().locator(`path[data-source="${neuron}"][data-target="${loss}"]`),
  ).toHaveCount(1);
  // The new node's port sits where the connection was dropped.
  const target = (await port(page, loss, 'in', 'prediction').boundingBox())!;
  expect(Math.abs(target.x + target.width / 2 - drop.x)).toBeLessThan(16);
  expect(Math.abs(target.y + target.height / 2 - drop.y)).toBeLessThan(16);

  // Node and edge are one undo entry.
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);

  // Dragging from an input backwards offers kinds with a fitting output; Escape adds nothing.
  const input = (await port(page, neuron, 'in', 'in').boundingBox())!;
  await page.mouse.move(input.x + input.width / 2, input.y + input.height / 2);
  await page.mouse.down();
  await page.mouse.move(input.x - 100, input.y + 60, { steps: 10 });
  await page.mouse.up();
  await expect(quickAdd(page)).toBeVisible();
  await expect(page.getByTestId('quick-add-dataset')).toContainText('x1');
  await expect(page.getByTestId('quick-add-loss.mse')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(quickAdd(page)).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(2);
});

test('on a small screen, quick-add opened near the bottom of the canvas stays on the canvas, off the toolbar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Away from the empty canvas's welcome card, which covers the middle until the first node lands.
  const neuron = await dropKind(page, 'neuron', { x: 60, y: 40 });
  const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
  // Released just above the canvas's bottom edge: the list must open upwards, inside the canvas.
  await dropConnection(page, port(page, neuron, 'out', 'out'), (start) => ({
    x: start.x + 200,
    y: canvasBox.y + canvasBox.height - 20,
  }));
  await expect(quickAdd(page)).toBeVisible();
  await expect
    .poll(async () => {
      const popup = (await quickAdd(page).boundingBox())!;
      return popup.y >= canvasBox.y && popup.y + popup.height <= canvasBox.y + canvasBox.height;
    })
    .toBe(true);
});
