/**
 * Without a mouse: add nodes, move between them, connect ports from a list of the ports that fit,
 * select and delete an edge, edit a parameter, step. The mouse is never used in these tests.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { edges, node, nodeIds, nodes, openEditor, port } from './helpers';

/** Adds a node the keyboard way: Enter on its palette entry. Returns its id. */
async function addByKeyboard(page: Page, kind: string): Promise<string> {
  const before = new Set(await nodeIds(page));
  await page.getByTestId(`palette-${kind}`).focus();
  await page.keyboard.press('Enter');
  await expect(nodes(page)).toHaveCount(before.size + 1);
  return (await nodeIds(page)).find((id) => !before.has(id))!;
}

/** The name a node shows (and a screen reader reads): "Neuron 1". */
async function title(page: Page, id: string): Promise<string> {
  return (await node(page, id).locator('.ng-node__title').textContent()) ?? '';
}

/** Enter on a focused port opens the list; ↓ until the option named `to` is active; Enter connects. */
async function connectByKeyboard(page: Page, from: Locator, to: string): Promise<void> {
  await from.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByTestId('connect-menu');
  await expect(menu).toBeVisible();
  const list = menu.getByRole('listbox');
  await expect(list).toBeFocused();
  const options = menu.getByRole('option');
  const names = await options.allTextContents();
  const index = names.indexOf(to);
  expect(names, `"${to}" among the ports that fit`).toContain(to);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(menu.locator('[aria-selected="true"]')).toHaveText(to);
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  // The focus goes back to the port it started from.
  await expect(from).toBeFocused();
}

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('builds data → neuron → loss → optimizer, connects them and steps, by keyboard alone', async ({
  page,
}) => {
  const data = await addByKeyboard(page, 'dataset');
  const neuron = await addByKeyboard(page, 'neuron');
  const loss = await addByKeyboard(page, 'loss.mse');
  const opt = await addByKeyboard(page, 'opt.sgd');

  // Ports are named for a screen reader: the node, the side, the port.
  const neuronName = await title(page, neuron);
  expect(neuronName).toMatch(/^Neuron/);
  await expect(port(page, neuron, 'in', 'in')).toHaveAccessibleName(`${neuronName} input x`);
  await expect(port(page, loss, 'out', 'loss')).toHaveAccessibleName(/ output L$/);

  // The list from the neuron's output holds only the inputs that take a number: the loss's ŷ.
  await port(page, neuron, 'out', 'out').focus();
  await page.keyboard.press('Enter');
  const options = page.getByTestId('connect-menu').getByRole('option');
  await expect(options).toHaveText([/ input ŷ$/, 'New node that fits…']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('connect-menu')).toHaveCount(0);
  await expect(port(page, neuron, 'out', 'out')).toBeFocused();
  await expect(edges(page)).toHaveCount(0);

  const dataName = await title(page, data);
  const lossName = await title(page, loss);
  await connectByKeyboard(page, port(page, data, 'out', 'x0'), `${neuronName} input x`);
  await connectByKeyboard(page, port(page, neuron, 'out', 'out'), `${lossName} input ŷ`);
  // From an input: the outputs that fit it.
  await connectByKeyboard(page, port(page, loss, 'in', 'target'), `${dataName} output target`);
  await connectByKeyboard(page, port(page, opt, 'in', 'loss'), `${lossName} output L`);
  await expect(edges(page)).toHaveCount(4);
  // The worker compiled the network: it can step.
  await expect(page.getByTestId('train-step')).toBeEnabled();

  // The edge into the neuron is its weight, and is named so.
  await expect(
    page.getByRole('group', { name: new RegExp(`^weight w from ${dataName} \\S+ to ${neuronName}$`) }),
  ).toHaveCount(1);

  // Step with the canvas's key; the result is announced politely.
  await expect(page.getByTestId('train-step')).toBeEnabled();
  await page.keyboard.press('.');
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  const announcer = page.getByTestId('step-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText(/^Step 1: loss \S+, /);
  await page.keyboard.press('.');
  await expect(announcer).toHaveText(/^Step 2: loss /);
});

test('moves between nodes with Tab, selects and deletes an edge, edits a parameter', async ({ page }) => {
  const data = await addByKeyboard(page, 'dataset');
  const neuron = await addByKeyboard(page, 'neuron');
  await connectByKeyboard(page, port(page, data, 'out', 'x0'), `${await title(page, neuron)} input x`);
  await expect(edges(page)).toHaveCount(1);

  // Tab from the dataset's last port reaches the next node, then its ports.
  await port(page, data, 'out', 'target').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(`.react-flow__node[data-id="${neuron}"]`)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(port(page, neuron, 'in', 'in')).toBeFocused();
  // Shift+Tab goes back; Enter on a node selects it; the inspector shows it, and its fields take the keyboard.
  const dataNode = page.locator(`.react-flow__node[data-id="${data}"]`);
  for (let i = 0; i < 8 && !(await dataNode.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(dataNode).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-inspector')).toBeVisible();
  const batch = page.getByTestId('node-inspector').getByTestId('param-input-batchSize');
  await batch.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('32');
  await page.keyboard.press('Enter');
  await expect(node(page, data).getByTestId('param-batchSize')).toHaveText('32');

  // Tab reaches the edge (React Flow makes edges focusable); Enter selects it, Delete deletes it.
  const edge = page.locator('.react-flow__edge').first();
  await edge.focus();
  await page.keyboard.press('Enter');
  await expect(edge).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(edges(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(edges(page)).toHaveCount(1);
});

test('Space and Enter on a focused toolbar button press it and nothing else', async ({ page }) => {
  await addByKeyboard(page, 'neuron');
  const newButton = page.getByRole('button', { name: 'New', exact: true });
  await newButton.focus();
  await page.keyboard.press('Space');
  await expect(nodes(page)).toHaveCount(0);
  // No quick-add box opened on the canvas, and no step was taken.
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
  await expect(newButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('Space');
  const help = page.getByRole('dialog');
  await expect(help).toBeVisible();
  await expect(help).toContainText('On a port: connect it');
  await expect(help).toContainText('Move between nodes, their ports and the connections');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
});

test('a "?" hint opens on keyboard focus and closes on Escape', async ({ page }) => {
  const opt = await addByKeyboard(page, 'opt.sgd');
  await page.locator(`.react-flow__node[data-id="${opt}"]`).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByTestId('node-inspector');
  const hint = inspector.getByTestId('help-hint').first();
  const text = inspector.getByTestId('help-hint-text').first();
  await expect(text).toBeHidden();
  await hint.focus();
  await expect(text).toBeVisible();
  await expect(hint).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(text).toBeHidden();
});
