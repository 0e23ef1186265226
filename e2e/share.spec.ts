import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor } from './helpers';

const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
}

/** "Copy link" → the link from the dialog (and the clipboard, when allowed). */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  const dialog = page.getByTestId('share-link');
  await expect(dialog).toBeVisible();
  const url = await page.getByTestId('share-link-url').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  return url;
}

const titles = (page: Page) => page.locator('.react-flow__node .ng-node__title').allTextContents();

test('copy a link, open it in a new page: the same network, as a new document', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openEditor(page);
  await openExample(page, 'xor', 6);
  await page.getByTestId('document-name').fill('Shared XOR');
  await page.getByTestId('document-name').press('Enter');

  const before = (await titles(page)).sort();
  const url = await copyLink(page);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#doc=[A-Za-z0-9_-]+$/);
  expect(url.length).toBeLessThan(8000);
  // Copied to the clipboard too.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // A small network: no warning.
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-link-status')).toContainText('Copied to the clipboard');
  await expect(page.getByTestId('share-link-warning')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The first page moves on to something else (autosaved): the new page must get the network from the link.
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await saved(page);

  const other = await context.newPage();
  await other.goto(url);
  await expect(nodes(other)).toHaveCount(6);
  await expect(other.getByTestId('document-name')).toHaveValue('Shared XOR');
  await expect(
    other.getByRole('alert').filter({ hasText: 'Opened the shared network “Shared XOR”' }),
  ).toBeVisible();
  // The hash is cleared: a reload does not open it again (it comes back from the autosave instead).
  await expect.poll(() => other.evaluate(() => location.hash)).toBe('');
  expect((await titles(other)).sort()).toEqual(before);
  expect(before.length).toBe(6);
});

test('over a network of one’s own, the link asks first; “Keep mine” changes nothing', async ({
  page,
  context,
}) => {
  await openEditor(page);
  await openExample(page, 'circle', 8);
  const url = await copyLink(page);
  await openExample(page, 'xor', 6);
  await saved(page);

  const other = await context.newPage();
  await other.goto(url);
  const ask = other.getByTestId('open-shared');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('8 nodes');
  await ask.getByRole('button', { name: 'Keep mine' }).click();
  await expect(nodes(other)).toHaveCount(6);

  await other.goto(url);
  await other.getByTestId('open-shared').getByRole('button', { name: 'Open shared network' }).click();
  await expect(nodes(other)).toHaveCount(8);
  // The previous network is one click away.
  await other.getByRole('button', { name: /^Back to/ }).click();
  await expect(nodes(other)).toHaveCount(6);
});

test('a network with no nodes but a name and a description of one’s own is not replaced without asking', async ({
  page,
  context,
}) => {
  await openEditor(page);
  await openExample(page, 'xor', 6);
  const url = await copyLink(page);
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await page.getByTestId('document-name').fill('My plan');
  await page.getByTestId('document-name').press('Enter');
  await page.getByLabel('Description').fill('Notes for tomorrow’s class');
  await page.getByLabel('Description').blur();
  await saved(page);

  const other = await context.newPage();
  await other.goto(url);
  const ask = other.getByTestId('open-shared');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('“My plan”');
  await ask.getByRole('button', { name: 'Keep mine' }).click();
  await expect(other.getByTestId('document-name')).toHaveValue('My plan');
  await expect(other.getByLabel('Description')).toHaveValue('Notes for tomorrow’s class');
  // Kept after a reload too: the link did not become the autosave.
  await other.reload();
  await expect(other.getByTestId('document-name')).toHaveValue('My plan');
  await expect(nodes(other)).toHaveCount(0);

  // A description alone counts as well.
  await other.getByTestId('document-name').fill('Untitled network');
  await other.getByTestId('document-name').press('Enter');
  await saved(other);
  await other.goto(url);
  await other.getByTestId('open-shared').getByRole('button', { name: 'Open shared network' }).click();
  await expect(nodes(other)).toHaveCount(6);
  // The description is a click away too.
  await other.getByRole('button', { name: 'Back to “Untitled network”' }).click();
  await expect(nodes(other)).toHaveCount(0);
  await expect(other.getByLabel('Description')).toHaveValue('Notes for tomorrow’s class');
});

test('a bad link shows its problems and keeps the current network', async ({ page, context }) => {
  await openEditor(page);
  await openExample(page, 'xor', 6);
  const url = await copyLink(page);
  await saved(page);

  const other = await context.newPage();
  // Cut short, as a chat app might.
  await other.goto(url.slice(0, url.length - 25));
  const problems = other.getByTestId('import-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('“The shared link” could not be opened');
  await expect(problems).toContainText('this link is damaged');
  await expect(problems).toContainText('cut short');
  await problems.getByRole('button', { name: 'OK' }).click();
  await expect(nodes(other)).toHaveCount(6);
  await expect.poll(() => other.evaluate(() => location.hash)).toBe('');

  // A character that links never hold, named with its position.
  await other.goto(url.replace('#doc=', '#doc=ab%21'));
  await expect(other.getByTestId('import-problems')).toContainText('character 3 of its data is “!”');
  await other.getByTestId('import-problems').getByRole('button', { name: 'OK' }).click();
  await expect(nodes(other)).toHaveCount(6);
});

test('a long link (a big CSV inside) comes with the advice to export the file', async ({ page }) => {
  await openEditor(page);
  const rows = Array.from(
    { length: 1500 },
    (_, i) => `${((i * 7919) % 1000) / 7},${((i * 104729) % 997) / 3},${i % 2}`,
  );
  await page.getByTestId('palette-dataset.csv').click();
  await expect(nodes(page)).toHaveCount(1);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('csv-load').click();
  await (await chooser).setFiles({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`a,b,label\n${rows.join('\n')}\n`),
  });
  await page.getByTestId('csv-apply').click();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-link-warning')).toContainText('share the file instead (Export)');
});
