import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openEditor, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

const palette = (page: import('@playwright/test').Page) => page.getByTestId('command-palette');

test('Ctrl+K opens the command palette: type to search, ↑/↓ to choose, Enter runs, Escape closes', async ({
  page,
}) => {
  // axe takes its time on a busy machine.
  test.setTimeout(120_000);
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search actions' });
  await expect(search).toBeFocused();
  const list = page.getByRole('listbox', { name: 'Actions' });
  await expect(search).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
  // Every action is offered before anything is typed; the first is active.
  await expect(list.getByRole('option', { name: /^New/ })).toHaveAttribute('aria-selected', 'true');
  await expect(list.getByRole('option', { name: /^Build MLP/ })).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).include('[data-testid="command-palette"]').analyze()).violations,
  ).toEqual([]);

  await search.fill('grid');
  const snap = list.getByRole('option', { name: /^Snap to grid/ });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(snap).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await snap.getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Snap to grid' })).toHaveAttribute('aria-pressed', 'true');

  // ↓ moves the active option, and wraps around; Enter runs the one chosen.
  await page.keyboard.press('Control+k');
  await search.fill('view');
  const options = list.getByRole('option');
  const count = await options.count();
  expect(count).toBeGreaterThan(1);
  await expect(options.first()).toHaveText(/Fit view/);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
  await search.fill('build');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByTestId('mlp-dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  // Nothing matches: it says so. Escape closes without running anything.
  await page.keyboard.press('Control+k');
  await search.fill('zzzz');
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(palette(page)).toContainText('No action matches');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
});

test('a click (or a tap) on an option runs it; an action that cannot run now is marked and does nothing', async ({
  page,
}) => {
  await pane(page).click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search actions' });
  await search.fill('undo');
  const undo = page.getByRole('option', { name: /^Undo/ });
  // A fresh editor has nothing to undo.
  await expect(undo).toHaveAttribute('aria-disabled', 'true');
  await undo.click({ force: true });
  await expect(palette(page)).toBeVisible();
  await search.fill('shortcuts');
  await page.getByRole('option', { name: /^Keyboard shortcuts/ }).click();
  await expect(palette(page)).toHaveCount(0);
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  // The list of shortcuts names the palette's own keys.
  await expect(
    page.getByTestId('shortcuts-dialog').getByRole('cell', { name: 'Find any action by name and run it' }),
  ).toBeVisible();
});
