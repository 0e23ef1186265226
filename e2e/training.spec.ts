/** Training as a learner does it: step, step phase by phase, play, scrub back, diverge, explain a gradient. */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { node, nodes, openEditor, pane, selectNode } from './helpers';

async function openExample(page: Page, id: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(nodes(page)).toHaveCount(count);
  // The worker has compiled it: the controls are live.
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

const stepCount = async (page: Page) => Number(await page.getByTestId('train-step-count').textContent());

/** What `neurograph grad` prints for a document: the loss, and every parameter's value and gradient. */
interface Grad {
  loss: number;
  parameters: Record<string, { value: number; grad: number }>;
}

/** The document as the app exports it, through the Export button. */
async function exported(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByTestId('export-json').click();
  return readFile((await (await download).path())!, 'utf8');
}

/**
 * Gives the canvas the keyboard focus by clicking where nothing is, once opening the example has
 * fitted the view (animated) and the view has stopped moving.
 */
async function focusCanvas(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').getAttribute('style');
  await expect.poll(transform).not.toContain('scale(1)');
  let last = await transform();
  await expect
    .poll(async () => {
      const now = await transform();
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  const spot = await page.evaluate(() => {
    const box = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (const [fx, fy] of [
      [0.03, 0.05],
      [0.5, 0.05],
      [0.03, 0.5],
      [0.6, 0.9],
    ]) {
      const x = box.left + box.width * fx;
      const y = box.top + box.height * fy;
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
    return null;
  });
  expect(spot).not.toBeNull();
  await page.mouse.click(spot!.x, spot!.y);
  await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);
}

/** What the canvas shows after a step: the counter, the loss, and an edge's weight, ∂L/∂w and Δw. */
interface Shown {
  step: number;
  loading: boolean;
  loss: number;
  weight: number;
  grad: number;
  delta: number;
}

async function readShown(page: Page, edgeId: string): Promise<Shown | null> {
  return page.evaluate((id) => {
    const at = (testid: string) => document.querySelector(`[data-testid="${testid}"]`);
    const label = at(`train-edge-${id}`);
    const step = at('train-step-count');
    if (!label || !step) return null;
    const first = (attr: string) => (JSON.parse(label.getAttribute(attr) ?? '[]') as number[])[0];
    return {
      step: Number(step.textContent),
      loading: [...document.querySelectorAll('.train-status .train-chip')].some((c) =>
        c.textContent?.includes('recompiling'),
      ),
      loss: Number(at('train-loss')?.getAttribute('data-value')),
      weight: first('data-weight'),
      grad: first('data-grad'),
      delta: first('data-delta'),
    };
  }, edgeId);
}

/**
 * Waits until the canvas shows `step` completed steps, not recompiling, with the edge's label
 * from that same state (the last update moved its weight), and returns what it shows, read in
 * one go.
 */
async function stepShown(page: Page, edgeId: string, step: number): Promise<Shown> {
  let shown: Shown | null = null;
  await expect
    .poll(async () => {
      shown = await readShown(page, edgeId);
      return !!shown && shown.step === step && !shown.loading && shown.delta !== 0;
    })
    .toBe(true);
  return shown!;
}

/** The number as the canvas prints it (4 significant digits, a real minus sign). */
const shown = (x: number) => String(Number(x.toPrecision(4))).replace('-', '−');

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('one step on the border example shows the numbers the command line’s `grad` computes', async ({
  page,
}, testInfo) => {
  await openExample(page, 'border-at-3', 4);
  // The weight before training is the document's initial weight.
  await expect(page.getByTestId('train-edge-e1')).toHaveAttribute('data-weight', '[1]');
  await page.getByTestId('train-step').click();
  // The numbers are read in one go, once the canvas shows the step that was taken: the counter,
  // the edge's label and the loss all come from the snapshot of step 1 (read one by one, a label
  // still showing the snapshot of the load, or of a recompile, could pass for it).
  const after = await stepShown(page, 'e1', 1);

  const file = testInfo.outputPath('border.neurograph.json');
  await writeFile(file, await exported(page));
  const cli = JSON.parse(
    execFileSync('node', ['bin/neurograph.js', 'grad', file], { encoding: 'utf8' }),
  ) as Grad;
  const w = cli.parameters.w;
  const b = cli.parameters.b;

  // The edge's label: ∂L/∂w of this step, exactly; the weight after the update, w − η·∂L/∂w.
  const label = page.getByTestId('train-edge-e1');
  const { grad, weight, delta } = after;
  expect(grad).toBe(w.grad);
  expect(weight - delta).toBeCloseTo(w.value, 12);
  expect(delta).toBeCloseTo(-1e-4 * w.grad, 12);
  await expect(label.getByTestId('edge-grad')).toHaveText(`∂${shown(w.grad)}`);
  await expect(label.getByTestId('edge-value')).toHaveText(shown(weight));
  await expect(label.getByTestId('edge-delta')).toHaveText(`Δ${shown(delta)}`);
  // The loss of the step, and the bias (the neuron's own parameter) in the inspector.
  expect(after.loss).toBe(cli.loss);
  await selectNode(page, 'neuron');
  const training = page.getByTestId('node-training');
  await expect(training.getByTestId('param-grad')).toHaveAttribute('data-value', String(b.grad));
  await expect(training.getByTestId('param-grad')).toHaveText(shown(b.grad));
  // The neuron shows its value and ∂L/∂y under it, and its own b and ∂L/∂b.
  await expect(node(page, 'neuron').locator('[data-port="out"]').getByTestId('node-value')).toHaveText('3.9');
  const bias = node(page, 'neuron').locator('[data-port="param:bias"]');
  await expect(bias.getByTestId('node-grad')).toHaveText(`∂${shown(b.grad)}`);
});

test('phase by phase: the highlight moves forward through the graph, then backward', async ({ page }) => {
  await openExample(page, 'border-at-3', 4);
  const phase = page.getByTestId('train-phase');
  const current = page.locator('[data-testid="train-phases"] .is-current');
  const expectations: [string, string, string][] = [
    ['forward', 'neuron', 'Loss'],
    ['loss', 'loss', 'Backward'],
    ['backward', 'neuron', 'Update'],
    ['update', 'sgd', 'Forward'],
  ];
  for (const [name, touched, next] of expectations) {
    await phase.click();
    await expect(current).toHaveAttribute('data-phase', name);
    await expect(node(page, touched).getByTestId('node-wave')).toHaveAttribute('data-phase', name);
    await expect(phase).toHaveText(next);
    if (name === 'loss') {
      // The loss phase touches the loss, not the neuron.
      await expect(node(page, 'neuron').getByTestId('node-wave')).toHaveCount(0);
      await expect(page.getByTestId('train-loss')).not.toHaveText('NaN');
    }
    if (name === 'backward') {
      // Every edge carries the gradient back: dashes flowing from target to source.
      await expect(page.locator('.ng-train-wave--backward .ng-train-wave__flow')).toHaveCount(4);
      await expect(page.getByTestId('train-edge-e1').getByTestId('edge-grad')).toHaveText('∂11.31');
      await page.screenshot({ path: '/tmp/training-backward.png' });
    }
  }
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  // A full step ends the phase-by-phase view.
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('2');
  await expect(page.getByTestId('node-wave')).toHaveCount(0);
});

test('plays the circle: the loss falls; pause; hovering a neuron shows its own heatmap', async ({ page }) => {
  await openExample(page, 'circle', 8);
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  const first = Number(await page.getByTestId('train-loss').getAttribute('data-value'));
  expect(first).toBeGreaterThan(0.1);

  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Pause');
  await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeGreaterThan(3000);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  const paused = await stepCount(page);
  await page.waitForTimeout(500);
  expect(await stepCount(page)).toBe(paused);
  // Learned: the loss of a batch is far below the first one, the test accuracy high.
  expect(Number(await page.getByTestId('train-loss').getAttribute('data-value'))).toBeLessThan(first / 4);
  await expect(page.getByTestId('train-status')).toContainText(/Accuracy (9\d|100)/);
  await expect(page.locator('[data-testid="loss-chart"] canvas').first()).toBeVisible();

  // The prediction view follows the pointer: a hidden neuron's own output over the plane.
  const view = page.getByTestId('prediction-view');
  await expect(view).toHaveAttribute('data-hover', '');
  const hidden = (await nodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!))).find(
    (id) => /^n1_/.test(id),
  )!;
  await node(page, hidden).locator('.ng-node__header').hover();
  await expect(view).toHaveAttribute('data-hover', hidden);
  await expect(view).toContainText('Output of');
  await pane(page).hover({ position: { x: 20, y: 20 } });
  await expect(view).toHaveAttribute('data-hover', '');

  // The batch mean instead of one example (zoomed in, where the numbers are printed).
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(page.locator('[data-testid^="train-node-"] [data-testid="node-value"]').first()).toBeVisible();
  const before = await page
    .locator('[data-testid^="train-node-"] [data-testid="node-value"]')
    .allTextContents();
  await page.getByTestId('train-example').selectOption('mean');
  await expect
    .poll(() => page.locator('[data-testid^="train-node-"] [data-testid="node-value"]').allTextContents())
    .not.toEqual(before);

  await page.getByRole('button', { name: 'Light', exact: true }).click();
  await page.screenshot({ path: '/tmp/training-light.png' });
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/training-dark.png' });
});

test('keys step and play; the timeline scrubs back and continues from there', async ({ page }) => {
  await openExample(page, 'border-at-3', 4);
  await focusCanvas(page);
  for (let i = 0; i < 4; i++) await page.keyboard.press('.');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('train-step-count')).toHaveText('8');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('[data-testid="train-phases"] .is-current')).toHaveAttribute(
    'data-phase',
    'forward',
  );
  await page.keyboard.press('.');
  await expect(page.getByTestId('train-step-count')).toHaveText('9');
  const live = 9;

  const edge = page.getByTestId('train-edge-e1');
  const liveWeight = await edge.getAttribute('data-weight');
  // Scrub to step 3: the graph, the labels and the counter show step 3; the run is unchanged.
  const range = page.getByTestId('timeline-range');
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-where')).toHaveText(`step 3 of ${live}`);
  await expect(page.getByTestId('train-step-count')).toHaveText('3');
  await expect(page.getByTestId('train-status')).toContainText('history');
  await expect(edge).not.toHaveAttribute('data-weight', liveWeight!);
  const atThree = await edge.getAttribute('data-weight');

  // Back to live, then back to 3 and continue from there.
  await page.getByTestId('timeline-live').click();
  await expect(page.getByTestId('train-step-count')).toHaveText(String(live));
  await expect(edge).toHaveAttribute('data-weight', liveWeight!);
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('train-step-count')).toHaveText('3');
  await page.getByTestId('timeline-continue').click();
  await expect(page.getByTestId('timeline-where')).toHaveText('step 3');
  await expect(page.getByTestId('train-status')).not.toContainText('history');
  await expect(edge).toHaveAttribute('data-weight', atThree!);
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('4');
  // P plays and pauses (with the canvas focused).
  await focusCanvas(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('train-play')).toHaveText('Pause');
  await page.keyboard.press('p');
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  expect(await stepCount(page)).toBeGreaterThan(4);
});

test('a diverging network pauses at the first number that is not finite, and says where', async ({
  page,
}) => {
  // It steps by hand to step ~250 below, each step now evaluated (accuracy follows every step).
  test.setTimeout(180_000);
  await openExample(page, 'border-at-3', 4);
  await selectNode(page, 'sgd');
  await page.getByTestId('param-input-lr').fill('10');
  await page.getByTestId('param-input-lr').press('Enter');
  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  const alert = page.getByTestId('train-nonfinite');
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(/Training paused at step \d+\. At step \d+ the loss “loss”/);
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  await expect(page.getByTestId('train-play')).toBeDisabled();
  await expect(page.getByTestId('train-step')).toBeDisabled();
  await expect(page.getByTestId('train-status')).toContainText('not finite');
  // The graph stays at the last finite step: the one before the step the message names.
  const at = Number(/paused at step (\d+)/.exec((await alert.textContent())!)![1]);
  await expect(page.getByTestId('train-step-count')).toHaveText(String(at - 1));
  await expect(alert).toContainText(`Everything shown is step ${at - 1}`);
  // Everything shown is that step's: a finite loss (not ∞), and the weight on the edge.
  const status = page.getByTestId('train-loss');
  await expect(status).not.toHaveText(/∞|NaN/);
  const halted = await readShown(page, 'e1');
  expect(Number.isFinite(halted!.loss)).toBe(true);
  expect(Number.isFinite(halted!.weight)).toBe(true);
  expect(Number.isFinite(halted!.grad)).toBe(true);
  expect(halted!.delta).not.toBe(0);
  // The node concerned is badged with the same sentence.
  await expect(node(page, 'loss').getByTestId('train-node-problem')).toHaveAttribute(
    'title',
    /not|Infinity|overflow/i,
  );
  await page.screenshot({ path: '/tmp/training-diverged.png' });
  // Reset starts over.
  await page.getByTestId('train-reset').click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('train-step-count')).toHaveText('0');
  await expect(page.getByTestId('train-step')).toBeEnabled();
  // Stepping by hand to that last finite step shows the very same numbers the pause showed.
  await focusCanvas(page);
  for (let i = 0; i < at - 1; i++) await page.keyboard.press('.');
  const again = await stepShown(page, 'e1', at - 1);
  expect(again).toEqual(halted);
  await expect(alert).toHaveCount(0);
});

test('Space steps in the training panel and adds a node on the canvas; the help lists both', async ({
  page,
}) => {
  await openExample(page, 'border-at-3', 4);
  // A click on the panel (here its chart) gives it the focus: Space steps, and no search box opens.
  await page.getByTestId('loss-chart').locator('.train-chart__plot').click();
  await expect(page.getByTestId('training-panel')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('train-step-count')).toHaveText('2');
  await expect(page.getByTestId('quick-add')).toHaveCount(0);
  // The help dialog says so.
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  const row = dialog.getByRole('row').filter({ has: page.locator('kbd', { hasText: /^Space$/ }) });
  await expect(row.filter({ hasText: 'once you have clicked the training panel' })).toHaveCount(1);
  await expect(row.filter({ hasText: 'Add a node' })).toHaveCount(1);
  await expect(dialog.getByRole('row').filter({ hasText: 'play / pause' })).toContainText('P');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // On the canvas Space is quick-add's, and → steps.
  await focusCanvas(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('train-step-count')).toHaveText('3');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('quick-add')).toBeVisible();
  await expect(page.getByTestId('train-step-count')).toHaveText('3');
});

test('explains an edge’s gradient with this step’s numbers, and verifies it by finite differences', async ({
  page,
}) => {
  await openExample(page, 'border-at-3', 4);
  // After the backward phase, before the update: the gradient belongs to the weight shown.
  for (let i = 0; i < 3; i++) await page.getByTestId('train-phase').click();
  await expect(page.locator('[data-testid="train-phases"] .is-current')).toHaveAttribute(
    'data-phase',
    'backward',
  );
  await page.getByTestId('train-edge-e1').click();
  const inspector = page.getByTestId('edge-inspector');
  const explain = inspector.getByTestId('gradient-explain');
  await expect(explain.locator('.katex').first()).toBeVisible();
  await expect(explain.getByTestId('explain-text')).toContainText('∂L/∂y = 3.9');
  await expect(explain.getByTestId('explain-text')).toContainText('gives 11.31');
  await expect(inspector.getByTestId('param-grad')).toHaveText('11.31');
  await expect(inspector.getByTestId('optimizer-state')).toContainText('velocity');
  await inspector.getByTestId('verify-gradient').click();
  const result = inspector.getByTestId('verify-result');
  await expect(result).toBeVisible();
  const analytic = Number(await result.getByTestId('verify-analytic').getAttribute('data-value'));
  const numeric = Number(await result.getByTestId('verify-numeric').getAttribute('data-value'));
  const error = Number(await result.getByTestId('verify-error').getAttribute('data-value'));
  expect(analytic).toBeCloseTo(11.31, 10);
  expect(numeric).toBeCloseTo(11.31, 5);
  expect(error).toBeLessThan(1e-6);
  await expect(result).toContainText('They agree');
  await page.screenshot({ path: '/tmp/training-explain.png' });
});

test('editing the graph while it trains pauses, recompiles and keeps what was learned', async ({ page }) => {
  await openExample(page, 'border-at-3', 4);
  const edge = page.getByTestId('train-edge-e1');
  await expect(edge).toHaveAttribute('data-weight', '[1]');
  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(50);
  await selectNode(page, 'sgd');
  await page.getByTestId('param-input-lr').fill('0.001');
  await page.getByTestId('param-input-lr').press('Enter');
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  await expect(page.getByTestId('train-step-count')).toHaveText('0');
  // The learned weight is kept (the border example's neuron overshoots below 0 and dies there).
  const kept = JSON.parse((await edge.getAttribute('data-weight'))!)[0];
  expect(kept).toBeLessThan(0);
  // Reset goes back to the seeded start, the document's initial weight.
  await page.getByTestId('train-reset').click();
  await expect(edge).toHaveAttribute('data-weight', '[1]');
  // Training never filled the undo history: one undo takes back the learning-rate edit.
  await pane(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await selectNode(page, 'sgd');
  await expect(page.getByTestId('param-input-lr')).toHaveValue('0.0001');
});

/** Pixels of the loss chart's canvas that are drawn (not transparent). */
const chartInk = (page: Page) =>
  page.locator('[data-testid="loss-chart"] canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });

test('the loss chart switches to a log scale and back, still drawn', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openExample(page, 'sine', 5);
  await page.getByTestId('train-speed-max').click();
  await page.getByTestId('train-play').click();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(500);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  await expect.poll(() => chartInk(page)).toBeGreaterThan(500);
  const linear = await chartInk(page);

  await page.getByTestId('loss-log').check();
  // Rebuilt on a log axis: the curves and the axes are drawn again (the ink changes, but is there).
  await expect.poll(() => chartInk(page)).not.toBe(linear);
  expect(await chartInk(page)).toBeGreaterThan(500);
  await page.getByTestId('loss-log').uncheck();
  await expect.poll(() => chartInk(page)).toBeGreaterThan(500);
  expect(errors).toEqual([]);
});

test('labels toggle between values, gradients, both and none; the batch, the epoch and a layer’s strip', async ({
  page,
}) => {
  await openExample(page, 'border-at-3', 4);
  await page.getByTestId('train-step').click();
  const { weight } = await stepShown(page, 'e1', 1);
  const label = page.getByTestId('train-edge-e1');
  const mode = (m: string) => page.locator(`[data-testid="train-labels"] [data-mode="${m}"]`).click();

  await mode('values');
  await expect(label.getByTestId('edge-value')).toHaveText(shown(weight));
  await expect(label.getByTestId('edge-grad')).toHaveCount(0);
  await mode('gradients');
  await expect(label.getByTestId('edge-grad')).toBeVisible();
  await expect(label.getByTestId('edge-value')).toHaveCount(0);
  // Showing gradients, the edge's colour follows ∂L/∂w instead of w.
  const gradSign = await page.getByTestId('train-encoding-e1').getAttribute('data-sign');
  await mode('none');
  await expect(label).toHaveCount(0);
  await mode('both');
  await expect(label.getByTestId('edge-value')).toBeVisible();
  await expect(label.getByTestId('edge-grad')).toBeVisible();
  // Colour for the sign of the weight (w ≈ 0.9989 > 0 here), width for its size.
  const encoding = page.getByTestId('train-encoding-e1');
  await expect(encoding).toHaveAttribute('data-sign', 'pos');
  expect(gradSign).not.toBeNull();

  // The batch it trained on (batch size 1: one row), the epoch counter after a whole pass.
  await expect(page.getByTestId('train-batch-rows')).toHaveText(/^#\d+ \(1\)$/);
  await expect(page.getByTestId('train-epoch-count')).toHaveText('0');
  for (let i = 0; i < 3; i++) await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('4');
  await expect(page.getByTestId('train-epoch-count')).toHaveText('1');

  // A dense layer shows its units as a heat strip, and Adam's m and v in the inspector.
  await openExample(page, 'sine', 5);
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  await expect(page.getByTestId('prediction-view')).toContainText('Fitted curve');
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  const strip = page.getByTestId('train-node-dense1').getByTestId('strip-value').first();
  await expect(strip.locator('.ng-strip__cell')).toHaveCount(16);
  await selectNode(page, 'dense1');
  const state = page.getByTestId('node-training').getByTestId('optimizer-state').first();
  await expect(state).toContainText('m (1st moment)');
  await expect(state).toContainText('v (2nd moment)');
  await expect(state).toContainText('effective step');
});
