import { expect, type Page, test } from '@playwright/test';
import {
  boxSelect,
  canvas,
  dragBetween,
  dropKind,
  edges,
  node,
  nodeIds,
  nodes,
  openEditor,
  pane,
  port,
  selectNode,
} from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('drags kinds from the palette onto the canvas, where the pointer is', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 160, y: 140 });
  const neuron = await dropKind(page, 'neuron', { x: 460, y: 160 });
  expect(data).not.toBe(neuron);
  const paneBox = (await pane(page).boundingBox())!;
  const box = (await node(page, neuron).boundingBox())!;
  // The node lands under the pointer: its header is where the kind was dropped.
  expect(box.x).toBeLessThan(paneBox.x + 460);
  expect(box.x + box.width).toBeGreaterThan(paneBox.x + 460);
  expect(box.y).toBeLessThan(paneBox.y + 160);
  expect(box.y + box.height).toBeGreaterThan(paneBox.y + 160);
  // Clicking a kind adds it in the middle of the view.
  await page.getByTestId('palette-loss.mse').click();
  await expect(nodes(page)).toHaveCount(3);
});

test('the palette search filters kinds', async ({ page }) => {
  await page.getByTestId('palette-search').fill('sigm');
  await expect(page.getByTestId('palette-act.sigmoid')).toBeVisible();
  await expect(page.getByTestId('palette-neuron')).toHaveCount(0);
});

test('connects ports by dragging; fitting ports light up; a refused drop says why', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const neuron = await dropKind(page, 'neuron', { x: 420, y: 120 });
  const loss = await dropKind(page, 'loss.mse', { x: 680, y: 160 });

  await dragBetween(page, port(page, data, 'out', 'x0'), port(page, neuron, 'in', 'in'));
  await expect(edges(page)).toHaveCount(1);
  // An edge into a neuron shows its weight; none set yet: "w".
  await expect(page.locator('.ng-weight')).toHaveText('w');

  // While dragging from the neuron's output, the loss's prediction port fits and its target port does not.
  await dragBetween(page, port(page, neuron, 'out', 'out'), port(page, loss, 'in', 'target'), { hold: true });
  await expect(port(page, loss, 'in', 'prediction')).toHaveClass(/is-fit/);
  await expect(port(page, loss, 'in', 'target')).toHaveClass(/is-unfit/);
  await expect(page.getByTestId('connection-hint')).toContainText('A loss needs a target');
  await page.mouse.up();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('A loss needs a target: connect the Dataset’s target port.');
  await expect(edges(page)).toHaveCount(1);

  await dragBetween(page, port(page, neuron, 'out', 'out'), port(page, loss, 'in', 'prediction'));
  await dragBetween(page, port(page, data, 'out', 'target'), port(page, loss, 'in', 'target'));
  await expect(edges(page)).toHaveCount(3);
  // The loss no longer reports a missing target.
  await expect(node(page, loss).getByTestId('node-diagnostic')).toHaveCount(0);
  // A neuron without inputs is badged, with the compiler's sentence as its tooltip.
  const lonely = await dropKind(page, 'neuron', { x: 420, y: 420 });
  await expect(node(page, lonely).getByTestId('node-diagnostic')).toHaveAttribute(
    'title',
    /has nothing connected/,
  );
});

test('the reason for a refused drop near the canvas edge stays on the canvas, off the inspector', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const canvasBox = (await canvas(page).boundingBox())!;
  // The first node away from the empty canvas's welcome card, which covers the middle until then.
  const neuron = await dropKind(page, 'neuron', { x: 60, y: 40 });
  const loss = await dropKind(page, 'loss.mse', { x: canvasBox.width - 170, y: 60 });
  await dragBetween(page, port(page, neuron, 'out', 'out'), port(page, loss, 'in', 'target'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('A loss needs a target');
  const box = (await alert.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(canvasBox.x + canvasBox.width);
  expect(box.y + box.height).toBeLessThanOrEqual(canvasBox.y + canvasBox.height);
});

test('edits a parameter in the inspector; a bad value is shown in red and not applied', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 200, y: 150 });
  await selectNode(page, data);
  const inspector = page.getByTestId('node-inspector');
  await expect(inspector).toBeVisible();
  await expect(
    inspector.getByTestId('formula').or(inspector.getByText('Built-in example data')),
  ).toBeVisible();

  const batch = inspector.getByTestId('param-input-batchSize');
  await batch.fill('32');
  await batch.press('Enter');
  await expect(node(page, data).getByTestId('param-batchSize')).toHaveText('32');

  await batch.fill('0');
  await expect(batch).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.getByTestId('field-error')).toContainText('at least 1');
  await expect(inspector.getByTestId('field-error')).toContainText('from 1 to 10000');
  // In the error red as text takes it: #bf2a2f (light) or #f77478 (dark), 4.5:1 on the panel.
  await expect(batch).toHaveCSS('color', /rgb\((191|247), (42|116), (47|120)\)/);
  await expect(node(page, data).getByTestId('param-batchSize')).toHaveText('32');
  await batch.press('Tab');
  await expect(batch).toHaveValue('32');

  await inspector.getByTestId('param-input-dataset').selectOption('xor');
  await expect(node(page, data).getByTestId('param-dataset')).toHaveText(/XOR/i);

  // Typing "32" was one edit, choosing the dataset another: two undos bring back the defaults.
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(node(page, data).getByTestId('param-dataset')).not.toHaveText(/XOR/i);
  await expect(node(page, data).getByTestId('param-batchSize')).toHaveText('32');
  await page.keyboard.press('Control+z');
  await expect(node(page, data).getByTestId('param-batchSize')).toHaveText('10');
});

test('a formula of two equations fits the inspector on a 1280 × 720 screen, one under the other', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const loss = await dropKind(page, 'loss.mse', { x: 60, y: 40 });
  await selectNode(page, loss);
  const formula = page.getByTestId('node-inspector').getByTestId('formula');
  await expect(formula).toContainText('with Half');
  const fits = await formula.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);
});

test('a parameter that does nothing with the chosen activation is not offered', async ({ page }) => {
  const neuron = await dropKind(page, 'neuron', { x: 120, y: 120 });
  await selectNode(page, neuron);
  const inspector = page.getByTestId('inspector');
  // A new neuron is linear: no α, a field for it would only mislead.
  await expect(inspector.getByTestId('param-input-activation')).toHaveValue('linear');
  await expect(inspector.getByTestId('param-input-alpha')).toHaveCount(0);
  await inspector.getByTestId('param-input-activation').selectOption('leaky_relu');
  await expect(inspector.getByTestId('param-input-alpha')).toHaveValue('0.01');
});

test('undo and redo: one entry per drag, per addition, per edit', async ({ page }) => {
  const neuron = await dropKind(page, 'neuron', { x: 200, y: 150 });
  const header = node(page, neuron).locator('.ng-node__header');
  const start = (await header.boundingBox())!;
  await page.mouse.move(start.x + 40, start.y + 10);
  await page.mouse.down();
  await page.mouse.move(start.x + 140, start.y + 60, { steps: 12 });
  await page.mouse.move(start.x + 240, start.y + 110, { steps: 12 });
  await page.mouse.up();
  const moved = (await header.boundingBox())!;
  expect(moved.x).toBeGreaterThan(start.x + 150);

  await pane(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  const back = (await header.boundingBox())!;
  expect(Math.abs(back.x - start.x)).toBeLessThan(2);
  expect(Math.abs(back.y - start.y)).toBeLessThan(2);

  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(nodes(page)).toHaveCount(1);
  await page.keyboard.press('Control+y');
  const again = (await header.boundingBox())!;
  expect(Math.abs(again.x - moved.x)).toBeLessThan(2);

  // The toolbar buttons do the same.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(Math.abs((await header.boundingBox())!.x - start.x)).toBeLessThan(2);
  await page.getByRole('button', { name: 'Redo' }).click();
  expect(Math.abs((await header.boundingBox())!.x - moved.x)).toBeLessThan(2);
});

test('arrow-key moves that follow each other are one undo entry, like one drag', async ({ page }) => {
  const neuron = await dropKind(page, 'neuron', { x: 200, y: 150 });
  await selectNode(page, neuron);
  const start = (await node(page, neuron).boundingBox())!;
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node(page, neuron).boundingBox())!.x).toBeGreaterThan(start.x + 20);
  // Undo right away (no pause needed): the whole move goes back, the node stays.
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.abs((await node(page, neuron).boundingBox())!.x - start.x))
    .toBeLessThan(1);
  await expect(nodes(page)).toHaveCount(1);
});

test('shortcuts do not fire while typing in a field', async ({ page }) => {
  const neuron = await dropKind(page, 'neuron', { x: 200, y: 150 });
  await selectNode(page, neuron);
  const name = page.getByTestId('node-name');
  await name.fill('hidden one');
  await name.press('Backspace');
  await name.press('Control+a');
  await expect(nodes(page)).toHaveCount(1);
  await name.press('Enter');
  await expect(node(page, neuron)).toContainText('hidden on');
});

test('deletes the selection with its edges, and the delete is undoable', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const neuron = await dropKind(page, 'neuron', { x: 420, y: 120 });
  await dragBetween(page, port(page, data, 'out', 'x0'), port(page, neuron, 'in', 'in'));
  await expect(edges(page)).toHaveCount(1);
  await selectNode(page, neuron);
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(2);
  await expect(edges(page)).toHaveCount(1);
  await selectNode(page, data);
  await page.keyboard.press('Backspace');
  await expect(nodes(page)).toHaveCount(1);
});

test('box select with Shift+drag, multi-select with Shift+click, select all', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const neuron = await dropKind(page, 'neuron', { x: 420, y: 120 });
  const far = await dropKind(page, 'neuron', { x: 420, y: 420 });
  await boxSelect(page, data, neuron);
  await expect(page.getByTestId('selection-summary')).toContainText('2 nodes');
  await expect(node(page, far)).not.toHaveClass(/is-selected/);

  await selectNode(page, far, ['Control']);
  await expect(page.getByTestId('selection-summary')).toContainText('3 nodes');
  await selectNode(page, far, ['Shift']);
  await expect(page.getByTestId('selection-summary')).toContainText('2 nodes');

  await pane(page).click({ position: { x: 10, y: 10 } });
  await expect(page.getByTestId('document-inspector')).toBeVisible();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selection-summary')).toContainText('3 nodes');
});

test('a box selection after a click in some text selects nodes, not text, and Ctrl+C copies the nodes', async ({
  page,
}) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const neuron = await dropKind(page, 'neuron', { x: 420, y: 120 });
  // A click in some text first leaves the browser's caret there; a Shift+press would extend it.
  await page.getByText(/Drag onto the canvas, or click/).click();
  await boxSelect(page, data, neuron);
  await expect(page.getByTestId('selection-summary')).toContainText('2 nodes');
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodes(page)).toHaveCount(4);
});

test('copy, paste and duplicate give new nodes with new ids', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const neuron = await dropKind(page, 'neuron', { x: 420, y: 120 });
  await dragBetween(page, port(page, data, 'out', 'x0'), port(page, neuron, 'in', 'in'));

  await selectNode(page, data);
  await selectNode(page, neuron, ['Shift']);
  await expect(page.getByTestId('selection-summary')).toContainText('2 nodes');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodes(page)).toHaveCount(4);
  // The edge between the copied nodes is copied too.
  await expect(edges(page)).toHaveCount(2);
  const ids = await nodeIds(page);
  expect(new Set(ids).size).toBe(4);
  // The pasted nodes are the new selection.
  await expect(page.getByTestId('selection-summary')).toContainText('2 nodes');
  const pasted = ids.filter((id) => id !== data && id !== neuron);
  for (const id of pasted) await expect(node(page, id)).toHaveClass(/is-selected/);

  await page.keyboard.press('Control+d');
  await expect(nodes(page)).toHaveCount(6);
  await expect(edges(page)).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(4);
});

test('selecting a neuron’s edge shows its weight in the inspector, editable', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const neuron = await dropKind(page, 'neuron', { x: 420, y: 120 });
  await dragBetween(page, port(page, data, 'out', 'x0'), port(page, neuron, 'in', 'in'));
  await page.locator('.ng-weight').click();
  const inspector = page.getByTestId('edge-inspector');
  await expect(inspector).toBeVisible();
  await inspector.getByTestId('edge-weight').fill('0.5');
  await inspector.getByTestId('edge-weight').press('Enter');
  // The label starts with the weight; once the worker has run the graph forward it may also show
  // this step's ∂L/∂w and Δw (both 0 before any training step).
  const label = page.locator('.ng-weight');
  await expect(label).toHaveText(/^0\.5(∂|$)/);
  await inspector.getByTestId('edge-weight').fill('abc');
  await expect(inspector.getByTestId('field-error')).toContainText('not a number');
  await expect(label).toHaveText(/^0\.5(∂|$)/);
});

test('opens an example, lays it out and looks right in both themes', async ({ page }) => {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-xor').click();
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId('compile-status')).toHaveText('ready to train');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(400);
  await page.getByRole('button', { name: 'Light', exact: true }).click();
  await page.screenshot({ path: '/tmp/editor-light.png' });
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: '/tmp/editor-dark.png' });
  await expect(page.getByTestId('bottom-panel')).toContainText('Training');
});

// FIXME(#13): with ports' 24 px touch targets the press 9 px beside the port lands on the port and
// starts a new connection instead of picking up the edge's end; the grab point (or the edge's
// reconnect radius) has to follow. Left open on issue #13.
/** Where a finger or the mouse grabs an edge's end: the middle of its end anchor. */
async function edgeEnd(page: Page, end: 'source' | 'target'): Promise<{ x: number; y: number }> {
  const box = (await edges(page).first().locator(`.react-flow__edgeupdater-${end}`).boundingBox())!;
  // 24 px on screen (WCAG 2.5.8), and nothing drawn over its middle (not the port beside it).
  expect(box.width).toBeGreaterThanOrEqual(23.5);
  expect(box.height).toBeGreaterThanOrEqual(23.5);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('class'), at);
  expect(hit).toContain(`react-flow__edgeupdater-${end}`);
  return at;
}

test('re-dragging an edge end moves it; dropping it on empty canvas disconnects it', async ({ page }) => {
  const data = await dropKind(page, 'dataset', { x: 120, y: 120 });
  const first = await dropKind(page, 'neuron', { x: 440, y: 80 });
  const second = await dropKind(page, 'neuron', { x: 440, y: 300 });
  await dragBetween(page, port(page, data, 'out', 'x0'), port(page, first, 'in', 'in'));
  await expect(edges(page)).toHaveCount(1);
  // Where an edge runs: its path carries its nodes' ids.
  await expect(
    edges(page).first().locator(`path[data-source="${data}"][data-target="${first}"]`),
  ).toHaveCount(1);
  // A node's name as a screen reader hears it: its port's name without "input x".
  const nameOf = async (id: string) =>
    (await port(page, id, 'in', 'in').getAttribute('aria-label'))!.replace(/ input .*$/, '');
  const firstName = await nameOf(first);
  const secondName = await nameOf(second);
  expect(firstName).not.toBe(secondName);
  await expect(edges(page).first()).toHaveAttribute('aria-label', new RegExp(`to ${firstName}\\b`));

  // A press beside the port is the port's (a new connection); the edge's end is just past it, on the edge.
  const end = await edgeEnd(page, 'target');
  const to = (await port(page, second, 'in', 'in').boundingBox())!;
  await page.mouse.move(end.x, end.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y + 20, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(edges(page)).toHaveCount(1);
  await expect(
    edges(page).first().locator(`path[data-source="${data}"][data-target="${second}"]`),
  ).toHaveCount(1);
  // A screen reader hears where it goes now.
  await expect(edges(page).first()).toHaveAttribute('aria-label', new RegExp(`to ${secondName}\\b`));

  const moved = await edgeEnd(page, 'target');
  await page.mouse.move(moved.x, moved.y);
  await page.mouse.down();
  await page.mouse.move(moved.x - 60, moved.y + 160, { steps: 10 });
  await page.mouse.up();
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(1);
});

test('exports the network and imports it back; a broken file lists its problems and changes nothing', async ({
  page,
}, testInfo) => {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-border-at-3').click();
  await expect(nodes(page)).toHaveCount(4);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByTestId('export-json').click();
  const file = testInfo.outputPath('border.neurograph.json');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toBe('border-at-x-3.neurograph.json');

  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(file);
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('document-name')).toHaveValue('Border at x = 3');

  const broken = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await broken).setFiles({
    name: 'broken.neurograph.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'neurograph',
        version: 1,
        name: 'x',
        seed: 1,
        nodes: [{ id: 'a' }],
        edges: [],
      }),
    ),
  });
  const dialog = page.getByTestId('import-problems');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('nodes[0]');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(4);
});
