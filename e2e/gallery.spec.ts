/** The gallery: every example opens a complete network that compiles; lessons open from it and from a file. */
import { writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor } from './helpers';

const gallery = (page: Page) => page.getByTestId('gallery');

async function openGallery(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId('open-gallery').click();
  await expect(gallery(page)).toBeVisible();
}

test('every card opens a wired network that is ready to train', async ({ page }) => {
  await openEditor(page);
  // The empty canvas leads to the gallery too.
  await page.getByTestId('empty-gallery').click();
  await expect(gallery(page)).toBeVisible();
  const ids = await page
    .locator('[data-testid^="gallery-card-"]')
    .evaluateAll((els) =>
      els.map((e) => (e.getAttribute('data-testid') ?? '').slice('gallery-card-'.length)),
    );
  expect(ids).toEqual([
    'border-at-3',
    'xor',
    'circle',
    'spiral',
    'sine',
    'gaussians3',
    'digits',
    'overfitting',
    'micrograd',
  ]);
  // Each card: title, summary, its stated result, a thumbnail; the border example has a lesson.
  const border = page.getByTestId('gallery-card-border-at-3');
  await expect(border).toContainText('Border at x = 3');
  await expect(border).toContainText('diverges at step 4');
  await expect(border.getByTestId('gallery-lesson-border-at-3')).toBeVisible();
  await expect(
    page.getByTestId('gallery-card-micrograd').getByTestId('gallery-lesson-chain-rule'),
  ).toBeVisible();
  await expect(
    page.getByTestId('gallery-card-circle').getByTestId('gallery-lesson-sgd-momentum-adam'),
  ).toBeVisible();
  await expect(
    page.getByTestId('gallery-card-spiral').getByRole('button', { name: 'Open lesson' }),
  ).toHaveCount(0);
  await expect(page.getByTestId('gallery-card-circle')).toContainText(
    'test accuracy ≥ 0.95 within 2,000 steps',
  );
  await page.screenshot({ path: '/tmp/gallery-light.png' });

  let previous = '';
  for (const id of ids) {
    if (!(await gallery(page).isVisible())) await openGallery(page);
    const card = page.getByTestId(`gallery-card-${id}`);
    const count = Number(
      (await card.getByTestId(`gallery-preview-${id}`).getAttribute('aria-label'))?.split(' ')[0],
    );
    expect(count).toBeGreaterThan(2);
    await card.getByTestId(`gallery-open-${id}`).click();
    await expect(gallery(page)).toHaveCount(0);
    await expect(nodes(page)).toHaveCount(count);
    await expect(page.getByTestId('document-name')).not.toHaveValue(previous);
    previous = await page.getByTestId('document-name').inputValue();
    await expect(page.getByTestId('compile-status')).toHaveText('ready to train');
    // The training worker compiled it too: it can take a step.
    await expect(page.getByTestId('train-step')).toBeEnabled();
    await page.getByTestId('train-step').click();
    await expect(page.getByTestId('train-step-count')).toHaveText('1');
  }
  // The previous network stays a click away.
  await expect(page.getByRole('button', { name: /Back to “/ })).toBeVisible();

  await page.getByRole('button', { name: 'Dark' }).click();
  await openGallery(page);
  await page.screenshot({ path: '/tmp/gallery-dark.png' });
  await page.keyboard.press('Escape');
  await expect(gallery(page)).toHaveCount(0);
});

test('the chain-rule lesson opens from the gallery, and a lesson opens from a file', async ({ page }) => {
  await openEditor(page);
  await openGallery(page);
  await gallery(page).getByTestId('gallery-start-chain-rule').click();
  await expect(page.getByTestId('lesson-title')).toHaveText('The chain rule, one node at a time');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('An expression as a graph');
  await expect(nodes(page)).toHaveCount(9);
  await expect(page.getByTestId('lesson-check-0')).toHaveAttribute('data-value', '-8');
  await expect(page.getByTestId('lesson-check-0')).toHaveAttribute('data-pass', 'false');
  await expect(page.getByTestId('lesson-params')).toHaveText(/a = 2.*b = −3.*c = 10.*f = −2/);
  // Forward, loss, backward, then the update: L goes below −8.
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-action').click();
  await expect(page.getByTestId('lesson-action-done')).toBeVisible();
  for (let i = 0; i < 7; i++) await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step-title')).toHaveText('Did L go down?');
  await expect(page.getByTestId('lesson-step-count')).toHaveText('1');
  await expect(page.getByTestId('lesson-check-0')).toHaveAttribute('data-pass', 'true');
  await expect(page.getByTestId('lesson-params')).toHaveText(/a = 1.94.*b = −2.96.*c = 10.02.*f = −2.04/);
  await page.screenshot({ path: '/tmp/lesson-chain-rule.png' });

  // A lesson file from disk: the same renderer.
  const chooser = page.waitForEvent('filechooser');
  await openGallery(page);
  await page.getByTestId('gallery-import-lesson').click();
  await (await chooser).setFiles('src/lessons/border-at-3.lesson.json');
  await expect(page.getByTestId('lesson-title')).toHaveText(
    'Border at x = 3: a neuron that diverges and dies',
  );
  await expect(nodes(page)).toHaveCount(4);

  // A file that is not a valid lesson says why, and changes nothing.
  await writeFile(
    '/tmp/bad.lesson.json',
    JSON.stringify({ format: 'neurograph-lesson', version: 1, id: 'x' }),
  );
  const chooser2 = page.waitForEvent('filechooser');
  await openGallery(page);
  await page.getByTestId('gallery-import-lesson').click();
  await (await chooser2).setFiles('/tmp/bad.lesson.json');
  await expect(page.getByRole('dialog')).toContainText('bad.lesson.json');
  await expect(page.getByTestId('lesson-title')).toHaveText(
    'Border at x = 3: a neuron that diverges and dies',
  );
});

test('the toolbar’s Examples menu and the gallery list the same examples, and open the same network', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu).toBeVisible();
  const items = menu.locator('[data-testid^="example-"]');
  const fromMenu = await items.evaluateAll((els) =>
    els.map((e) => ({
      id: (e.getAttribute('data-testid') ?? '').slice('example-'.length),
      title: e.querySelector('.menu__title')?.textContent ?? '',
    })),
  );
  await page.screenshot({ path: '/tmp/examples-menu.png' });
  // Escape closes the menu; a click outside does too.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await expect(menu).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await expect(menu).toHaveCount(0);

  await openGallery(page);
  const fromGallery = await page.locator('[data-testid^="gallery-card-"]').evaluateAll((els) =>
    els.map((e) => ({
      id: (e.getAttribute('data-testid') ?? '').slice('gallery-card-'.length),
      title: e.querySelector('.gallery-card__title')?.textContent ?? '',
    })),
  );
  expect(fromMenu).toEqual(fromGallery);
  expect(fromMenu.map((e) => e.id)).toEqual([
    'border-at-3',
    'xor',
    'circle',
    'spiral',
    'sine',
    'gaussians3',
    'digits',
    'overfitting',
    'micrograd',
  ]);

  // The same example from either place gives the same network.
  await gallery(page).getByTestId('gallery-open-xor').click();
  await expect(nodes(page)).toHaveCount(6);
  const fromCard = await page.getByTestId('document-name').inputValue();
  const kindsOf = () =>
    nodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? '').sort());
  const cardKinds = await kindsOf();
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId('example-xor').click();
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.getByTestId('document-name')).toHaveValue(fromCard);
  expect(await kindsOf()).toEqual(cardKinds);
});

test('opening an example from the toolbar closes an open lesson', async ({ page }) => {
  await openEditor(page);
  await openGallery(page);
  await gallery(page).getByTestId('gallery-lesson-border-at-3').click();
  await expect(page.getByTestId('lesson-side')).toBeVisible();
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId('example-border-at-3').click();
  await expect(page.getByTestId('lesson-side')).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.getByTestId('document-name')).toHaveValue('Border at x = 3');
});
