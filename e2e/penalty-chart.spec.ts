/** The L1/L2 penalty as its own line in the loss chart, apart from the data loss. */
import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor, selectNode } from './helpers';

const stepCount = async (page: Page) => Number(await page.getByTestId('train-step-count').textContent());

test('Overfitting: the L2 penalty gets its own line and key in the loss chart', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-overfitting').click();
  await expect(nodes(page)).toHaveCount(7);
  await expect(page.getByTestId('train-step')).toBeEnabled();

  // The penalty node's inspector says how it differs from the optimizer's weight decay.
  await selectNode(page, 'penalty');
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Unlike an optimizer’s weight decay it is part of the loss');
  const lambda = inspector.getByRole('textbox', { name: 'λ' });
  await lambda.fill('0.01');
  await lambda.press('Enter');
  await expect(lambda).toHaveValue('0.01');

  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  await expect(page.getByTestId('loss-key-penalty')).toBeVisible();
  await expect(page.getByTestId('loss-key-train')).toHaveText('train (data + penalty)');

  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(200);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  await page.getByTestId('loss-chart').screenshot({ path: '/tmp/penalty-chart.png' });
});

test('without a penalty the chart keeps its plain train key', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-circle').click();
  await expect(page.getByTestId('train-step')).toBeEnabled();
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  await expect(page.getByTestId('loss-key-train')).toHaveText('train');
  await expect(page.getByTestId('loss-key-penalty')).toHaveCount(0);
});
