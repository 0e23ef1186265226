/**
 * From the browser to real code and back: the Code view's PyTorch script trains as the engine does
 * (run with Debian's torch), Export → ONNX gives a model onnxruntime runs, and an ONNX file opened
 * from Import draws the network (a broken one gets the problems dialog and changes nothing).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { nodes, openEditor } from './helpers';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';

async function openSpiral(page: Page) {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await page.getByTestId('example-spiral').click();
  await expect(nodes(page)).toHaveCount(20);
}

/** |a − e| ≤ 1e-12 + 1e-6·|e| for every number of two JSON values of the same shape. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expect(Math.abs((actual as number) - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-12 + 1e-6 * Math.abs(expected),
    );
  } else if (Array.isArray(expected)) {
    expect((actual as unknown[]).length, where).toBe(expected.length);
    for (const [i, e] of expected.entries()) expectClose((actual as unknown[])[i], e, `${where}[${i}]`);
  } else {
    const obj = expected as Record<string, unknown>;
    expect(Object.keys(actual as object), where).toEqual(Object.keys(obj));
    for (const [k, v] of Object.entries(obj))
      expectClose((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
  }
}

test('the Code view shows the spiral as PyTorch; its downloaded script trains as the engine does', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openSpiral(page);
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const view = page.getByTestId('code-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('code-tab-pytorch')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('code-about')).toContainText(/python3 spiral[\w-]*\.py --steps 100/);
  // Highlighted: keywords are marked up by highlight.js.
  await expect(view.locator('.hljs-keyword').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('code-download').click();
  const d = await download;
  const path = testInfo.outputPath(d.suggestedFilename());
  await d.saveAs(path);
  expect(d.suggestedFilename()).toMatch(/\.py$/);

  const bin = join(process.cwd(), 'bin/neurograph.js');
  const [torch, engine] = await Promise.all([
    run(PYTHON, [path, '--steps', '20'], { timeout: 150_000 }),
    run('node', [bin, 'train', 'example:spiral', '--steps', '20', '--json'], { timeout: 60_000 }),
  ]);
  expectClose(JSON.parse(torch.stdout), JSON.parse(engine.stdout), 'spiral after 20 steps');
});

test('the Code view follows edits, marks the selection’s lines and shows NumPy too', async ({ page }) => {
  test.setTimeout(120_000);
  await openSpiral(page);
  await page.locator('[data-kind="neuron"] .ng-node__title', { hasText: 'h2.3' }).click();
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const view = page.getByTestId('code-view');
  await page.getByTestId('document-name').fill('Twirl');
  await page.getByTestId('document-name').press('Enter');
  await expect(view).toContainText('“Twirl”, exported from Neurograph to PyTorch');
  const marked = view.locator('.code-line--marked');
  await expect(marked.first()).toBeVisible();
  await expect(marked.filter({ hasText: /^\s*h2_3 = / })).toHaveCount(1);
  await expect(marked.filter({ hasText: 'L.backward()' })).toHaveCount(1);

  await page.getByTestId('code-tab-numpy').click();
  await expect(view).toContainText('def predict(x):');
  await expect(page.getByTestId('code-about')).toContainText('before training');
  await page.getByRole('button', { name: 'Close the code view' }).click();
  await expect(view).toBeHidden();
});

test('Export → ONNX downloads a model onnxruntime runs; opening it draws the network', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await openSpiral(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-onnx').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^spiral[\w-]*\.onnx$/);
  const path = testInfo.outputPath('spiral.onnx');
  await d.saveAs(path);
  const bytes = await readFile(path);
  // With the parameters of the step the app trained: the command line's model after one step, byte for byte.
  const cli = await run('sh', ['-c', `node bin/neurograph.js export example:spiral --to onnx --steps 1`], {
    encoding: 'buffer',
    maxBuffer: 1 << 24,
  });
  expect(Buffer.compare(bytes, cli.stdout as Buffer)).toBe(0);
  const session = await ort.InferenceSession.create(bytes);
  expect(session.inputNames).toEqual(['x1', 'x2']);
  const one = (v: number) => new ort.Tensor('float32', Float32Array.of(v), [1, 1]);
  const out = await session.run({ x1: one(0.3), x2: one(-0.2) });
  const p = out[session.outputNames[0]].data[0] as number;
  expect(p).toBeGreaterThan(0);
  expect(p).toBeLessThan(1);

  // A truncated copy is refused, listing why; the spiral stays.
  const broken = testInfo.outputPath('broken.onnx');
  await writeFile(broken, bytes.subarray(0, bytes.length >> 1));
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(broken);
  await expect(page.getByTestId('import-problems')).toContainText('truncated');
  await page.getByTestId('import-problems').getByRole('button', { name: 'OK' }).click();
  await expect(nodes(page)).toHaveCount(20);

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('onnx-import')).toContainText('2-8-8-1');
  await page.getByTestId('onnx-as-dense').click();
  // The dataset, three dense layers, a loss and an optimizer.
  await expect(nodes(page)).toHaveCount(6);
  await expect(page.locator('[data-kind="dense"]')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
});

test('on a tablet the Code view’s buttons are not under the panel toggles', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openSpiral(page);
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  await expect(page.getByTestId('code-view')).toBeVisible();
  for (const name of ['Copy', 'Download .py', 'Close the code view']) {
    const button = page.getByTestId('code-view').getByRole('button', { name, exact: true });
    // The point a tap lands on, the button's centre, belongs to the button itself.
    const onTop = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit !== null && el.contains(hit);
    });
    expect(onTop, name).toBe(true);
  }
  await page.getByRole('button', { name: 'Close the code view' }).click();
  await expect(page.getByTestId('code-view')).toBeHidden();
});
