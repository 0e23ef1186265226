/**
 * The toolbar's menus list actions of the one registry: what the Examples and Export menus offer,
 * the command palette finds and runs too; Code and Copy link are registry buttons.
 */
import { expect, test } from '@playwright/test';
import { openEditor, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('the palette finds an example the Examples menu lists, and opens it', async ({ page }) => {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu.getByRole('menuitem', { name: /^XOR with 2-2-1/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search actions' }).fill('xor');
  const option = page.getByRole('option', { name: /^Open example: XOR with 2-2-1/ });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toHaveCount(0);
  await expect(page.getByTestId('document-name')).toHaveValue(/XOR/);
});

test('the palette runs an item of the Export menu: the PyTorch script downloads', async ({ page }) => {
  await page.getByTestId('export-menu').click();
  await expect(page.getByTestId('export-pytorch')).toHaveText(/PyTorch script \(\.py\)/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId('example-xor').click();

  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search actions' }).fill('pytorch');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.py$/);
});

test('Code and Copy link are toolbar buttons of the registry, named and working', async ({ page }) => {
  const code = page.getByRole('button', { name: 'Code', exact: true });
  await expect(code).toHaveAttribute('aria-pressed', 'false');
  await code.click();
  await expect(code).toHaveAttribute('aria-pressed', 'true');
  await code.click();
  await expect(code).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toHaveAttribute(
    'data-testid',
    'copy-link',
  );
});
