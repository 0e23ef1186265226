/**
 * WCAG 2.1 A/AA as axe-core checks it, in every state a learner meets: the empty canvas, an example
 * open and stepped, the inspector for each family (and each kind no example has) and for an edge,
 * every dialog and menu, the gallery, a lesson, training running, the Code view, runs compared and
 * the loss landscape — in the light and the dark theme. Any serious or critical
 * violation fails, listed with the elements it was found on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { nodes, openEditor, selectNode } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical violations on the page as it is now, one line per element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`,
      ),
    );
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  // Let transitions (a dialog fading in, a panel opening) end: axe reads the colours as painted.
  await page.waitForTimeout(350);
  const found = await seriousViolations(page);
  if (process.env.A11Y_LOG) console.log(`## ${state}\n${found.join('\n')}`);
  expect.soft(found, state).toEqual([]);
}

async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('button', { name: theme, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

for (const theme of ['Light', 'Dark'] as const) {
  test.describe(`${theme.toLowerCase()} theme`, () => {
    // axe reads the whole page each time (a few seconds each on a busy machine); these tests scan many states.
    test.describe.configure({ timeout: 600_000 });
    test.beforeEach(async ({ page }) => {
      await openEditor(page);
      await setTheme(page, theme);
    });

    test('the empty canvas, the page’s heading, and every dialog', async ({ page }) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expectAccessible(page, 'empty canvas');

      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'shortcuts dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Build MLP' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'Build MLP dialog');
      await page.keyboard.press('Escape');

      // A file that is not a network: the list of problems.
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import' }).click();
      await (await chooser).setFiles({
        name: 'broken.neurograph.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"neurograph","version":1,"nodes":[{"id":1}]}'),
      });
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'import problems dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // A network pasted as text.
      await openExample(page, 'xor', 6);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByTestId('export-json').click();
      const text = await (await download).createReadStream().then(async (s) => {
        const chunks: Buffer[] = [];
        for await (const c of s) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      });
      await page.evaluate((t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      }, text);
      await expect(page.getByTestId('paste-document')).toBeVisible();
      await expectAccessible(page, 'paste a network dialog');
      await page.keyboard.press('Escape');

      // The share link, and opening it.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('copy-link').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, 'share link dialog');
      const url = await page.getByTestId('share-link-url').inputValue();
      await page.keyboard.press('Escape');
      // Opened from the link in another tab: it asks before replacing the network there, or opens it
      // with a notice saying so.
      const other = await page.context().newPage();
      await other.goto(url);
      await expect(other.getByRole('dialog').or(other.getByRole('alert')).first()).toBeVisible({
        timeout: 20_000,
      });
      await expectAccessible(other, 'a network opened from a share link');
    });

    test('the CSV import, the shared link’s question, the command palette, the menus and the landscape', async ({
      page,
      context,
    }) => {
      // A CSV file dropped on the canvas: its import dialog, with a row it cannot use.
      const csv = 'x1,x2,label\r\n0.1,1.5,no\r\n0.4,oops,yes\r\n0.9,0.2,yes\r\n';
      const dataTransfer = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'flowers.csv', { type: 'text/csv' }));
        return dt;
      }, csv);
      const pane = page.locator('.react-flow__pane');
      for (const type of ['dragenter', 'dragover', 'drop']) await pane.dispatchEvent(type, { dataTransfer });
      await expect(page.getByTestId('csv-dialog')).toBeVisible();
      await page.getByTestId('csv-feature-1').check();
      await expectAccessible(page, 'CSV import dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('csv-dialog')).toHaveCount(0);

      // A shared link opened over a network of one's own: it asks first.
      await openExample(page, 'xor', 6);
      await page.getByTestId('copy-link').click();
      const url = await page.getByTestId('share-link-url').inputValue();
      await page.keyboard.press('Escape');
      await openExample(page, 'circle', 8);
      await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
      const other = await context.newPage();
      await other.goto(url);
      await expect(other.getByTestId('open-shared')).toBeVisible({ timeout: 20_000 });
      await expectAccessible(other, 'open a shared link: the question');
      await other.close();

      // The command palette, with a search typed.
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.type('fit');
      await expectAccessible(page, 'command palette');
      await page.keyboard.press('Escape');

      // The toolbar's menus.
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expectAccessible(page, 'export menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Examples', exact: true }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expectAccessible(page, 'examples menu');
      await page.keyboard.press('Escape');

      // The canvas's context menu and the keyboard's connection list.
      await page.locator('.react-flow__node[data-id="data"]').click({ button: 'right' });
      await expect(page.getByRole('menu')).toBeVisible();
      await expectAccessible(page, 'context menu');
      await page.keyboard.press('Escape');
      await page.locator('.react-flow__node[data-id="data"] .react-flow__handle').first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('connect-menu')).toBeVisible();
      await expectAccessible(page, 'connection list');
      await page.keyboard.press('Escape');

      // The loss landscape, drawn.
      await page.getByTestId('train-step').click();
      await page.getByTestId('landscape-toggle').click();
      await expect(page.getByTestId('landscape-panel')).toBeVisible();
      await expect(page.getByTestId('landscape-status')).not.toBeEmpty();
      await expectAccessible(page, 'landscape panel');
    });

    test('an example open and stepped, the inspector for each family and an edge', async ({ page }) => {
      await openExample(page, 'border-at-3', 4);
      await expectAccessible(page, 'border example open');
      await page.getByTestId('train-step').click();
      await expect(page.getByTestId('train-step-count')).toHaveText('1');
      await expectAccessible(page, 'border example stepped');
      for (const id of ['data', 'neuron', 'loss', 'sgd']) {
        await selectNode(page, id);
        await expect(page.getByTestId('inspector')).toBeVisible();
        await expectAccessible(page, `inspector: ${id}`);
      }
      // After a step the weight's label is the training readout.
      await page
        .locator('[data-testid="weight-e1"], [data-testid="train-edge-e1"]')
        .click({ timeout: 20_000 });
      await expectAccessible(page, 'inspector: an edge');
    });

    test('the inspector for the families the border example lacks: math, dense, activation', async ({
      page,
    }) => {
      await openExample(page, 'micrograd', 9);
      await selectNode(page, 'ab');
      await expectAccessible(page, 'inspector: math');
      await openExample(page, 'gaussians3', 6);
      for (const id of ['dense1', 'softmax']) {
        await selectNode(page, id);
        await expectAccessible(page, `inspector: ${id}`);
      }
      // The overfitting example's L2 penalty, and kinds no example has: dropout, the norms and a
      // custom activation (its formula and derivative typeset), each added from the palette.
      await openExample(page, 'overfitting', 7);
      await selectNode(page, 'penalty');
      await expectAccessible(page, 'inspector: L1/L2 penalty');
      for (const kind of ['dropout', 'layernorm', 'batchnorm', 'act.custom']) {
        const before = await nodes(page).count();
        // Below 1180 px the palette opens from its toggle; here it is always shown.
        await page.getByTestId(`palette-${kind}`).click();
        await expect(nodes(page)).toHaveCount(before + 1);
        await expect(page.getByTestId('inspector')).toBeVisible();
        await expectAccessible(page, `inspector: ${kind}`);
      }
    });

    test('the Code view, with a node’s lines marked, and the ONNX import’s question', async ({
      page,
    }, testInfo) => {
      await openExample(page, 'xor', 6);
      await page.getByRole('button', { name: 'Code', exact: true }).click();
      await expect(page.getByTestId('code-view').locator('.hljs-keyword').first()).toBeVisible({
        timeout: 20_000,
      });
      await selectNode(page, 'n1_1');
      await expectAccessible(page, 'Code view (PyTorch), a neuron selected');
      await page.getByTestId('code-tab-numpy').click();
      await expectAccessible(page, 'Code view (NumPy)');
      await page.getByRole('button', { name: 'Close the code view' }).click();

      // A small ONNX model: drawn as dense layers or neuron by neuron? The app's own export, opened.
      const download = page.waitForEvent('download');
      await page.getByTestId('export-menu').click();
      await page.getByTestId('export-onnx').click();
      const path = testInfo.outputPath('xor.onnx');
      await (await download).saveAs(path);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import' }).click();
      await (await chooser).setFiles(path);
      await expect(page.getByTestId('onnx-import')).toBeVisible({ timeout: 20_000 });
      await expectAccessible(page, 'ONNX import dialog');
    });

    test('the gallery, a lesson, and training running', async ({ page }) => {
      await page.getByTestId('empty-gallery').click();
      await expect(page.getByTestId('gallery')).toBeVisible();
      await expectAccessible(page, 'gallery');
      await page.getByTestId('gallery').getByTestId('gallery-lesson-border-at-3').click();
      await expect(page.getByTestId('lesson-title')).toBeVisible();
      await expectAccessible(page, 'lesson');
      await page.getByTestId('lesson-next').click();
      await expectAccessible(page, 'lesson, second step');

      await openExample(page, 'circle', 8);
      await page.getByTestId('train-speed-max').click(); // Play opens at a watchable 5 steps/s
      await page.getByTestId('train-play').click();
      await expect
        .poll(async () => Number(await page.getByTestId('train-step-count').textContent()))
        .toBeGreaterThan(20);
      await expectAccessible(page, 'training running');
      await page.getByTestId('train-play').click();
    });

    test('the compare panel, before and after a run', async ({ page }) => {
      await openExample(page, 'border-at-3', 4);
      await page.getByTestId('compare-toggle').click();
      await expect(page.getByTestId('compare-panel')).toBeVisible();
      await expectAccessible(page, 'compare panel');
      await page.getByTestId('compare-steps').fill('20');
      await page.getByTestId('compare-target').fill('0.5');
      await page.getByTestId('compare-run').click();
      await expect(page.getByTestId('compare-status')).toHaveText('Done.', { timeout: 120_000 });
      await page.getByRole('button', { name: 'Add', exact: true }).first().click(); // an empty rate: the error
      await expect(page.getByTestId('compare-panel').getByRole('alert')).toBeVisible();
      await expectAccessible(page, 'compare panel with results and an error');
    });
  });
}
