/** A learner takes the border lesson: steps through it, reads the numbers, then fixes it with a variant. */
import { expect, type Page, test } from '@playwright/test';
import { node, nodes, openEditor } from './helpers';

const checks = (page: Page) =>
  page.locator('[data-testid^="lesson-check-"]').filter({ has: page.locator('td') });
const passes = async (page: Page) =>
  (await checks(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pass')))).map(
    (p) => p === 'true',
  );
const values = async (page: Page) =>
  checks(page).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value'))));
const stepCount = async (page: Page) => Number(await page.getByTestId('lesson-step-count').textContent());
const stepTitle = (page: Page) => page.getByTestId('lesson-step-title');
const next = (page: Page) => page.getByTestId('lesson-next');
const idle = (page: Page) => expect(page.getByTestId('lesson-next')).not.toHaveText(/running/);

async function openBorderLesson(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('open-gallery').click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toBeVisible();
  await gallery.getByTestId('gallery-lesson-border-at-3').click();
  await expect(gallery).toHaveCount(0);
  await expect(page.getByTestId('lesson-title')).toHaveText(
    'Border at x = 3: a neuron that diverges and dies',
  );
  await expect(nodes(page)).toHaveCount(4);
}

/** Next, until the step with this title shows. */
async function nextUntil(page: Page, title: string | RegExp): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await stepTitle(page).filter({ hasText: title }).count()) return;
    await next(page).click();
    await idle(page);
  }
  throw new Error(`no step titled ${title}`);
}

test('the border lesson: step by step, the numbers it states, the checks, and the variant that fixes it', async ({
  page,
}) => {
  await openEditor(page);
  await openBorderLesson(page);

  // Step 1: the four checks, before training: relu(1·2.9 + 1) = 3.9 fails "= 0", the rest pass.
  await expect(stepTitle(page)).toHaveText('Where does class 1 begin?');
  await expect(page.getByTestId('lesson-note-neuron')).toHaveCount(0);
  await expect(checks(page)).toHaveCount(4);
  await expect.poll(() => passes(page)).toEqual([false, true, true, true]);
  expect((await values(page))[0]).toBeCloseTo(3.9, 12);
  await expect(page.getByTestId('lesson-check-0').getByTestId('lesson-check-value')).toHaveText('3.9');
  await expect(page.getByTestId('lesson-checks-summary')).toContainText('3 of 4 pass');
  // The step's highlight: the data, the neuron and its weight glow.
  await expect(node(page, 'neuron')).toHaveClass(/is-lesson-lit/);
  await expect(node(page, 'data')).toHaveClass(/is-lesson-lit/);
  await expect(node(page, 'loss')).not.toHaveClass(/is-lesson-lit/);
  await expect(page.locator('[data-id="e1"] path.ng-edge')).toHaveClass(/is-lesson-lit/);
  await page.screenshot({ path: '/tmp/lesson-step1.png' });

  // Step 2 highlights the loss and the optimizer instead.
  await next(page).click();
  await expect(stepTitle(page)).toHaveText('How it will learn');
  await expect(node(page, 'loss')).toHaveClass(/is-lesson-lit/);
  await expect(node(page, 'neuron')).not.toHaveClass(/is-lesson-lit/);

  // The first step, phase by phase: each step's button runs its phase.
  await next(page).click();
  await expect(stepTitle(page)).toHaveText('Step 1, forward: x = 2.9');
  const action = page.getByTestId('lesson-action');
  await expect(action).toHaveText(/Run the forward phase/);
  await action.click();
  await expect(page.getByTestId('lesson-action-done')).toBeVisible();
  await expect(page.getByTestId('train-phases')).toBeVisible();
  await next(page).click();
  await expect(action).toHaveText(/Run the loss phase/);
  await action.click();
  await expect(page.getByTestId('train-loss')).toHaveText(/7\.60/);
  await next(page).click();
  await expect(action).toHaveText(/Run the backward phase/);
  await action.click();
  await next(page).click();
  await expect(stepTitle(page)).toHaveText('Step 1, update');
  await action.click();
  await expect.poll(() => stepCount(page)).toBe(1);

  // w and b after the first step, read from the panel and from the weight's label on the canvas.
  const w = page.getByTestId('lesson-param-w');
  const b = page.getByTestId('lesson-param-b');
  await expect(w).toHaveText('w = 0.998869');
  await expect(b).toHaveText('b = 0.99961');
  expect(Number(await w.getAttribute('data-value'))).toBeCloseTo(0.998869, 12);
  expect(Number(await b.getAttribute('data-value'))).toBeCloseTo(0.99961, 12);
  const label = page.getByTestId('train-edge-e1');
  await expect(label).toBeVisible();
  expect(JSON.parse((await label.getAttribute('data-weight')) ?? '[]')[0]).toBeCloseTo(0.998869, 12);
  await expect(page.getByTestId('train-step-count')).toHaveText('1');

  // On to "After 100 steps": Next runs any action not run yet (steps 2–3, 4, then 5–8).
  await nextUntil(page, 'After 100 steps');
  // The app marks the dead ReLU on the canvas: a note pinned on the neuron (none before step 4).
  const deadNote = page.getByTestId('lesson-note-neuron');
  await expect(deadNote).toBeVisible();
  await expect(deadNote).toContainText('Dead ReLU');
  const [noteBox, neuronBox] = [await deadNote.boundingBox(), await node(page, 'neuron').boundingBox()];
  expect(noteBox!.y + noteBox!.height).toBeLessThanOrEqual(neuronBox!.y);
  await expect.poll(() => stepCount(page)).toBe(8);
  await expect(action).toHaveText(/Train 92 steps/);
  await action.click();
  await expect.poll(() => stepCount(page)).toBe(100);
  // Three of the four fail, as the lesson states: only "= 0 at 2.9" passes, because the neuron is dead.
  await expect.poll(() => passes(page)).toEqual([true, false, false, false]);
  await expect(page.getByTestId('lesson-checks-summary')).toContainText('1 of 4 pass');
  const after100 = await values(page);
  expect(after100[1]).toBeCloseTo(99.2, 1);
  expect(Number(await w.getAttribute('data-value'))).toBeCloseTo(-98.56, 2);
  await page.screenshot({ path: '/tmp/lesson-after100.png' });

  // Back replays from a reset: the step before shows step 8's numbers, and redoing the step gives the same.
  await page.getByTestId('lesson-back').click();
  await idle(page);
  await expect(stepTitle(page)).toHaveText('The jump and the dead region, on the loss surface');
  await expect.poll(() => stepCount(page)).toBe(8);
  await expect(w).toHaveText('w = −98.789'); // as the lesson states after step 8
  await next(page).click();
  await idle(page);
  await expect(stepTitle(page)).toHaveText('After 100 steps');
  await action.click();
  await expect.poll(() => stepCount(page)).toBe(100);
  await expect.poll(() => values(page)).toEqual(after100);

  // The variants: the one-change fix (sigmoid and cross-entropy, nothing else) passes all four after its
  // stated 1,000,000 steps; the three-change one says it is three changes.
  await nextUntil(page, 'Fixes, one change at a time');
  await next(page).click();
  await idle(page);
  await expect(page.getByTestId('lesson-variants')).toBeVisible();
  // Each card says how many changes it makes: the multi-change fix is labelled as such.
  await expect(page.getByTestId('variant-sigmoid-bce-adam').getByTestId('variant-changes')).toHaveText(
    'three changes',
  );
  const fixed = page.getByTestId('variant-sigmoid-bce');
  await expect(fixed.getByTestId('variant-changes')).toHaveText('one change');
  await expect(fixed.getByTestId('variant-claim')).toHaveText(/After 1,000,000 steps: all 4 pass/);
  await fixed.getByTestId('variant-try').click();
  await idle(page);
  await expect(node(page, 'sgd')).toBeVisible();
  await expect(node(page, 'neuron')).toContainText(/sigmoid/i);
  await expect(page.getByTestId('lesson-check-0')).toContainText('σ');
  await expect(deadNote).toHaveCount(0);
  await expect.poll(() => stepCount(page)).toBe(0);
  await expect(page.getByTestId('lesson-checks-summary')).not.toContainText('all 4 pass');
  await fixed.getByTestId('variant-train').click();
  await idle(page);
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBe(1_000_000);
  await expect.poll(() => passes(page)).toEqual([true, true, true, true]);
  await expect(page.getByTestId('lesson-checks-summary')).toContainText('all 4 pass');
  await expect(page.getByTestId('train-step-count')).toHaveText(/1,?000,?000/);
  expect((await values(page))[0]).toBeCloseTo(0.497, 3);
  await page.screenshot({ path: '/tmp/lesson-variant.png' });

  // A variant that does not fix it says so, and the checks agree.
  const adam = page.getByTestId('variant-adam');
  await adam.getByTestId('variant-try').click();
  await idle(page);
  await adam.getByTestId('variant-train').click();
  await idle(page);
  await expect.poll(() => stepCount(page)).toBe(1000);
  await expect(adam.getByTestId('variant-claim')).toHaveText(/3 of 4 pass/);
  await expect.poll(() => passes(page)).toEqual([false, true, true, true]);

  // Dark, and back to the lesson's network.
  await page.getByRole('button', { name: 'Dark' }).click();
  await page.getByTestId('lesson-reopen').click();
  await idle(page);
  await expect(node(page, 'sgd')).toBeVisible();
  await expect.poll(() => stepCount(page)).toBe(100);
  await expect.poll(() => passes(page)).toEqual([true, false, false, false]);
  await page.screenshot({ path: '/tmp/lesson-dark-variants.png' });
  // A jump to a step replays to it: the backward step of step 1, mid-step.
  await page.getByRole('button', { name: /^Step 5:/ }).click();
  await idle(page);
  await expect(stepTitle(page)).toHaveText('Step 1, backward: the chain rule');
  await expect.poll(() => stepCount(page)).toBe(0);
  await expect(page.getByTestId('train-loss')).toHaveText(/7\.60/);
  await page.screenshot({ path: '/tmp/lesson-dark.png' });

  // The inspector is a tab away; closing the lesson keeps the network.
  await page.getByTestId('tab-inspector').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson-side')).toHaveCount(0);
  await expect(page.getByTestId('compile-status')).toHaveText('ready to train');
  await expect(nodes(page)).toHaveCount(4);
});

test('the panel lets go when another network is opened, and brings its own back', async ({ page }) => {
  await openEditor(page);
  await openBorderLesson(page);
  await expect(checks(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'New' }).click();
  await expect(nodes(page)).toHaveCount(0);
  await expect(page.getByTestId('lesson-detached')).toBeVisible();
  await expect(page.getByTestId('lesson-checks')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the lesson’s network again' }).click();
  await expect(nodes(page)).toHaveCount(4);
  await expect(checks(page)).toHaveCount(4);
  await expect(node(page, 'neuron')).toHaveClass(/is-lesson-lit/);
});

test('the checks are live while training plays, and step 4 throws w to about −98.8', async ({ page }) => {
  await openEditor(page);
  await openBorderLesson(page);
  await expect.poll(() => passes(page)).toEqual([false, true, true, true]);
  // Step 4 on its own: x = 1000 throws the weight from about 1 to about −98.8.
  await nextUntil(page, 'Step 4: x = 1000 throws w to −98.8');
  await expect.poll(() => stepCount(page)).toBe(3);
  const w = page.getByTestId('lesson-param-w');
  expect(Number(await w.getAttribute('data-value'))).toBeCloseTo(0.99797, 5);
  await page.getByTestId('lesson-action').click();
  await expect.poll(() => stepCount(page)).toBe(4);
  expect(Number(await w.getAttribute('data-value'))).toBeCloseTo(-98.8, 1);
  await expect.poll(() => passes(page)).toEqual([true, false, false, false]);

  // Play from the toolbar: the table follows the run while it plays, not only when it stops: the
  // value at x = −1 moves (only that example still fires, and each time it lowers −w + b).
  const atMinusOne = () => page.getByTestId('lesson-check-1').getAttribute('data-value').then(Number);
  const start = await atMinusOne();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Pause');
  const seen = new Set<number>();
  await expect
    .poll(async () => {
      seen.add(await atMinusOne());
      return seen.size;
    })
    .toBeGreaterThan(2);
  await expect(page.getByTestId('train-play')).toHaveText('Pause');
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveText('Play');
  expect(await atMinusOne()).toBeLessThan(start);
  // However long it trains, the dead side stays dead: x = 3 and x = 100000 still get 0.
  const now = await passes(page);
  expect([now[0], now[2], now[3]]).toEqual([true, false, false]);
});
