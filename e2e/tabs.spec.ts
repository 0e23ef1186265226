/** Two tabs on one saved network: neither silently overwrites what the other saved. */
import { expect, type Page, test } from '@playwright/test';
import { dropKind, nodes, openEditor } from './helpers';

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
const notice = (page: Page) => page.getByTestId('tab-conflict');
const name = (page: Page) => page.getByTestId('document-name');

async function rename(page: Page, to: string): Promise<void> {
  await name(page).fill(to);
  await name(page).press('Enter');
}

/** The audit's case: A and B show the same network; A adds a node and saves; B, stale, is renamed. */
async function staleTab(page: Page): Promise<{ a: Page; b: Page }> {
  const a = page;
  await openEditor(a);
  await dropKind(a, 'neuron', { x: 200, y: 150 });
  await rename(a, 'Shared');
  await saved(a);
  const b = await a.context().newPage();
  await openEditor(b);
  await expect(nodes(b)).toHaveCount(1);
  await saved(b);

  await dropKind(a, 'dataset', { x: 200, y: 320 });
  await saved(a);
  await rename(b, 'Renamed in B');
  await b.waitForTimeout(1200);
  // Nothing A saved is lost: B did not write over it.
  await a.reload();
  await expect(nodes(a)).toHaveCount(2);
  await expect(name(a)).toHaveValue('Shared');
  // B says so, persistently, and keeps its own network on screen.
  await expect(notice(b)).toContainText('This network was changed in another tab.');
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-status', 'conflict');
  await expect(nodes(b)).toHaveCount(1);
  await expect(name(b)).toHaveValue('Renamed in B');
  return { a, b };
}

test('keep mine: the stale tab’s network is saved over the other, which is told', async ({ page }) => {
  const { a, b } = await staleTab(page);
  await b.screenshot({ path: '/tmp/tabs-conflict.png' });
  await b.getByRole('button', { name: 'Keep mine' }).click();
  await expect(notice(b)).toHaveCount(0);
  await saved(b);
  await expect(notice(a)).toBeVisible();
  await b.reload();
  await expect(nodes(b)).toHaveCount(1);
  await expect(name(b)).toHaveValue('Renamed in B');
  await expect(notice(b)).toHaveCount(0);
});

test('load theirs: the other tab’s network opens, this one stays a click away', async ({ page }) => {
  const { b } = await staleTab(page);
  await b.getByRole('button', { name: 'Load theirs' }).click();
  await expect(notice(b)).toHaveCount(0);
  await expect(nodes(b)).toHaveCount(2);
  await expect(name(b)).toHaveValue('Shared');
  await expect(b.getByTestId('toast-action')).toHaveText('Back to “Renamed in B”');
  await saved(b);
  await b.reload();
  await expect(nodes(b)).toHaveCount(2);
  await expect(name(b)).toHaveValue('Shared');
  await expect(notice(b)).toHaveCount(0);
});

test('back to mine after loading theirs: the previous network returns and is saved', async ({ page }) => {
  const { b } = await staleTab(page);
  await b.getByRole('button', { name: 'Load theirs' }).click();
  await expect(nodes(b)).toHaveCount(2);
  await b.getByTestId('toast-action').click();
  await expect(nodes(b)).toHaveCount(1);
  await expect(name(b)).toHaveValue('Renamed in B');
  await saved(b);
  await b.reload();
  await expect(name(b)).toHaveValue('Renamed in B');
});
