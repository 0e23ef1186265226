/** BatchNorm in the browser: from the palette, and its running statistics moving step by step. */
import { expect, test } from '@playwright/test';
import { dropKind, openAndTrain, openEditor, selectNode } from './helpers';
import { threeClassNetwork } from './three-class-network';

const BATCHNORM_DOCUMENT = threeClassNetwork('BatchNorm', 4, {
  id: 'bn',
  kind: 'batchnorm',
  label: 'bn',
  params: { momentum: 0.5 },
});

test('BatchNorm: a training step moves the running mean and variance, shown as not trained', async ({
  page,
}) => {
  await openAndTrain(page, BATCHNORM_DOCUMENT);
  await selectNode(page, 'bn');
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('BatchNorm · Neurons & layers');

  const running = page.getByTestId('running-statistics');
  await expect(running).toBeVisible();
  await expect(running).toContainText('not trained');
  // Started at mean 0 and variance 1; one step with momentum 0.5 moved every unit half-way to the batch's.
  const mean = running.locator('dd').first();
  const first = await mean.getAttribute('title');
  expect(first?.split(', ')).toHaveLength(4);
  expect(first?.split(', ').every((v) => v === '0')).toBe(false);
  // Only γ and β are trained parameters with a gradient to explain.
  await expect(page.locator('.train-param__title')).toHaveText([
    'Parameter bn.gamma',
    'Parameter bn.beta',
    'Running statistics (not trained)',
  ]);

  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('2');
  await expect(mean).not.toHaveAttribute('title', first!);
  await page.screenshot({ path: '/tmp/batchnorm-step.png' });
});

test('BatchNorm is in the palette, with its parameters in the inspector', async ({ page }) => {
  await openEditor(page);
  // Away from the empty canvas's welcome card, which covers the middle.
  const id = await dropKind(page, 'batchnorm', { x: 60, y: 40 });
  await selectNode(page, id);
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('textbox', { name: 'momentum m' })).toHaveValue('0.1');
  await expect(inspector.getByRole('textbox', { name: 'ε' })).toHaveValue('0.00001');
});
