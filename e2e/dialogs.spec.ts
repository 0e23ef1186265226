import { expect, type Page, test } from '@playwright/test';
import { edges, nodes, openEditor, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

const mlp = (page: Page) => page.getByTestId('mlp-dialog');

test('? opens the list of shortcuts; so does the toolbar’s help button; Escape closes it', async ({
  page,
}) => {
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Keyboard shortcuts');
  for (const action of ['Undo', 'Duplicate the selection', 'Add a node: a search box opens at the pointer']) {
    await expect(dialog.getByRole('cell', { name: action, exact: true })).toBeVisible();
  }
  await expect(dialog.locator('kbd', { hasText: 'Ctrl' }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/shortcuts.png' });
  // Shortcuts do not act behind the dialog.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('Build an MLP: sizes checked as typed, defaults per dataset, a wired network opened', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Build MLP' }).click();
  await expect(mlp(page)).toBeVisible();
  const sizes = page.getByTestId('mlp-sizes');
  await expect(sizes).toBeFocused();
  // Defaults for a two-class dataset: sigmoid output, binary cross-entropy, neuron by neuron.
  await expect(page.getByTestId('mlp-dataset')).toHaveValue('circle');
  await expect(sizes).toHaveValue('2-4-4-1');
  await expect(page.getByTestId('mlp-output')).toHaveValue('sigmoid');
  await expect(page.getByTestId('mlp-loss')).toHaveValue('loss.bce');
  await expect(page.getByTestId('mlp-level-neuron').locator('input')).toBeChecked();
  await expect(page.getByTestId('mlp-summary')).toHaveText('12 nodes · 31 connections');
  // A screen reader hears a field's hint with it, and its error instead while there is one.
  const hint = 'Inputs, hidden layers, outputs — separated by dashes.';
  await expect(mlp(page).getByLabel('Layer sizes')).toHaveAccessibleDescription(hint);
  const task = (await mlp(page).locator('#mlp-dataset-hint').textContent()) ?? '';
  expect(task).toContain('2 inputs');
  await expect(mlp(page).getByLabel('Dataset', { exact: true })).toHaveAccessibleDescription(task);
  await expect(mlp(page).getByLabel('Learning rate')).not.toHaveAttribute('aria-describedby');
  await page.screenshot({ path: '/tmp/mlp-dialog.png' });

  // Checked as typed, with a clear error; Build waits until it is right.
  const build = page.getByTestId('mlp-build');
  await sizes.fill('2-4-x');
  await expect(page.getByTestId('mlp-sizes-error')).toContainText('“x” is not a layer size');
  await expect(sizes).toHaveAttribute('aria-invalid', 'true');
  await expect(sizes).toHaveAccessibleDescription(/“x” is not a layer size/);
  const lr = mlp(page).getByLabel('Learning rate');
  await lr.fill('fast');
  await expect(lr).toHaveAttribute('aria-invalid', 'true');
  await expect(lr).toHaveAccessibleDescription(
    (await page.getByTestId('mlp-learningRate-error').textContent()) ?? '',
  );
  await lr.fill('0.1');
  await expect(lr).not.toHaveAttribute('aria-invalid');
  await expect(build).toBeDisabled();
  await sizes.fill('3-4-1');
  await expect(page.getByTestId('mlp-sizes-error')).toContainText(
    'Circle has 2 inputs (x1, x2): the first size must be 2',
  );
  await sizes.fill('2-3-1');
  await expect(page.getByTestId('mlp-sizes-error')).toHaveCount(0);
  await expect(build).toBeEnabled();

  // Regression: linear output and mean squared error; the input size follows the dataset.
  await page.getByTestId('mlp-dataset').selectOption('sine');
  await expect(sizes).toHaveValue('1-3-1');
  await expect(page.getByTestId('mlp-output')).toHaveValue('linear');
  await expect(page.getByTestId('mlp-loss')).toHaveValue('loss.mse');

  // Several classes: dense layers with a softmax and categorical cross-entropy; neuron by neuron is impossible, and it says so.
  await page.getByTestId('mlp-dataset').selectOption('gaussians3');
  await expect(sizes).toHaveValue('2-3-3');
  await expect(page.getByTestId('mlp-level-dense').locator('input')).toBeChecked();
  await expect(page.getByTestId('mlp-level-neuron').locator('input')).toBeDisabled();
  await expect(page.getByTestId('mlp-level-note')).toContainText('Three Gaussians has 3 classes');
  await expect(page.getByTestId('mlp-output')).toHaveValue('softmax');
  await expect(page.getByTestId('mlp-loss')).toHaveValue('loss.cce');
  await page.screenshot({ path: '/tmp/mlp-dialog-multiclass.png' });
  await sizes.fill('2-8-3');
  await build.click();
  await expect(mlp(page)).toHaveCount(0);
  // data, two dense layers, softmax, loss, optimizer.
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId('document-name')).toHaveValue('MLP 2-8-3 on Three Gaussians');
  await expect(page.getByTestId('compile-status')).toHaveText('ready to train');
  await expect(page.locator('[data-kind="act.softmax"]')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/mlp-built.png' });
});

test('the MLP builder opens a laid-out neuron-level network; the previous one is a click away', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-border-at-3').click();
  await expect(nodes(page)).toHaveCount(4);

  await page.getByRole('button', { name: 'Build MLP' }).click();
  await page.getByTestId('mlp-dataset').selectOption('xor');
  await page.getByTestId('mlp-sizes').fill('2-3-1');
  await page.getByTestId('mlp-hidden').selectOption('relu');
  await page.getByTestId('mlp-optimizer').selectOption('opt.sgd');
  await expect(page.getByTestId('mlp-lr')).toHaveValue('0.1');
  await page.getByTestId('mlp-name').fill('My XOR');
  await page.getByTestId('mlp-sizes').press('Enter');
  await expect(mlp(page)).toHaveCount(0);

  // data, 3 + 1 neurons, loss, optimizer; 6 + 3 weights, prediction, target, loss.
  await expect(nodes(page)).toHaveCount(7);
  await expect(edges(page)).toHaveCount(12);
  await expect(page.getByTestId('document-name')).toHaveValue('My XOR');
  await expect(page.getByTestId('compile-status')).toHaveText('ready to train');
  // Laid out left to right, nothing overlapping.
  const boxes = await nodes(page).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap).toBe(false);
    }
  }

  await page
    .getByTestId('toast')
    .getByRole('button', { name: /Back to “Border at x = 3”/ })
    .click();
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('document-name')).toHaveValue('Border at x = 3');

  // The dialog reopens as it was left.
  await page.getByRole('button', { name: 'Build MLP' }).click();
  await expect(page.getByTestId('mlp-sizes')).toHaveValue('2-3-1');
  await expect(page.getByTestId('mlp-hidden')).toHaveValue('relu');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(mlp(page)).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(4);
});
