/**
 * Numbers a learner can read at the view a network opens with: every node in the part of the
 * canvas nothing covers, the numbers of a step at 11 px or more on screen (they keep their size as
 * the view zooms out), no label over another, and on a network too big for every number at once
 * (the spiral) a focused neuron's numbers.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { node, nodes, openEditor, selectNode } from './helpers';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${id}`).click();
  await expect(page.getByTestId('train-step')).toBeEnabled();
}

/** Waits until the view stops moving (the fit animates) and the labels were placed. */
async function settled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  for (let now = (await viewport.getAttribute('style')) ?? ''; now !== last; ) {
    last = now;
    await page.waitForTimeout(400);
    now = (await viewport.getAttribute('style')) ?? '';
  }
  await page.waitForTimeout(300);
}

/** The spiral at 1280 × 720, after one step, the view and its labels still. */
async function openSpiralStepped(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await openExample(page, 'spiral');
  await settled(page);
  await page.getByTestId('train-step').click();
  await settled(page);
}

/**
 * The size text is drawn at on screen: its computed font size times the scale it is drawn at (the
 * product of its own and its ancestors' transforms; offsetHeight, rounded to whole pixels, would
 * make an exact 11 px read 10.99999), to a thousandth of a pixel: the browser keeps transforms in
 * single precision, so 1/zoom · zoom comes back as 0.9999993.
 */
function renderedPx(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    let scale = 1;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const t = getComputedStyle(e).transform;
      if (t && t !== 'none') {
        const m = new DOMMatrix(t);
        scale *= Math.hypot(m.b, m.d);
      }
    }
    return Math.round(Number.parseFloat(getComputedStyle(el).fontSize) * scale * 1000) / 1000;
  });
}

async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden')
      .map((e, i) => {
        const r = e.getBoundingClientRect();
        const id = e.getAttribute('data-testid') ?? String(i);
        return { id, x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
}

function overlaps(a: Box, b: Box): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5;
}

/** The largest share of any box's area that another box covers. */
function mostCovered(all: Box[]): number {
  let worst = 0;
  for (const a of all)
    for (const b of all) {
      if (a === b) continue;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0 && h > 0) worst = Math.max(worst, (w * h) / (a.width * a.height));
    }
  return worst;
}

/**
 * Each node's name as drawn: its chip (title-chips.ts) where it shows one, else its card's title;
 * with its box and the size its text is drawn at on screen (the chip's text is its ::before).
 */
async function names(page: Page): Promise<(Box & { px: number; text: string; chip: boolean })[]> {
  return page.locator('.react-flow__node').evaluateAll((cards) =>
    cards.map((card) => {
      const chip = card.querySelector<HTMLElement>('.ng-title-chip');
      const el = chip ?? card.querySelector<HTMLElement>('.ng-node__title')!;
      let scale = 1;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const t = getComputedStyle(e).transform;
        if (t && t !== 'none') {
          const m = new DOMMatrix(t);
          scale *= Math.hypot(m.b, m.d);
        }
      }
      const font = Number.parseFloat(getComputedStyle(el, chip ? '::before' : null).fontSize);
      const r = el.getBoundingClientRect();
      return {
        id: card.getAttribute('data-id')!,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        px: Math.round(font * scale * 1000) / 1000,
        text: chip ? chip.getAttribute('data-name')! : el.textContent!,
        chip: chip !== null,
      };
    }),
  );
}

function overlappingPairs(all: Box[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      if (overlaps(all[i], all[j])) pairs.push(`${all[i].id}/${all[j].id}`);
  return pairs;
}

/**
 * Small networks whose every number of a step is on the canvas at the view they open with: the
 * example, its weights, its neurons (y, b).
 */
const WHOLE_STEP = [
  { example: 'xor', title: 'XOR', weights: 6, neurons: ['n1_1', 'n1_2', 'n2_1'] },
  { example: 'circle', title: 'Circle', weights: 12, neurons: ['n1_1', 'n1_2', 'n1_3', 'n1_4', 'n2_1'] },
];

/**
 * A test: after one step on `example` at the view it opens with, all its weights' w, ∂L/∂w and Δw
 * and its neurons' y and b show at 11 px or more, apart, on top, over no card and no port.
 */
function wholeStep({ example, title, weights: count, neurons }: (typeof WHOLE_STEP)[number]): void {
  test(`${title} after one step: all ${count} weights’ w, ∂L/∂w and Δw and every neuron’s y and b, at 11 px or more, apart`, async ({
    page,
  }) => {
    await openEditor(page);
    await openExample(page, example);
    await settled(page);
    await page.getByTestId('train-step').click();
    const weights = page.locator('.ng-weight--train');
    // Placed once things were still for a moment after the step: all of them, none over another,
    // nor over a neuron's numbers, nor over a card.
    await expect
      .poll(async () => {
        const shown = await boxes(page, '.ng-weight--train');
        if (shown.length !== count) return `${shown.length} of ${count} labels`;
        const cards = await boxes(page, '.react-flow__node');
        const onCards = shown.flatMap((l) =>
          cards.filter((c) => overlaps(l, c)).map((c) => `${l.id} on ${c.id}`),
        );
        return [...overlappingPairs([...shown, ...(await boxes(page, '.ng-node-train'))]), ...onCards];
      })
      .toEqual([]);
    await expect(weights).toHaveCount(count);
    const pane = (await page.locator('.canvas .react-flow').boundingBox())!;
    for (const label of await weights.all()) {
      for (const part of ['edge-value', 'edge-grad', 'edge-delta']) {
        const el = label.getByTestId(part);
        await expect(el).toBeVisible();
        expect(await renderedPx(el), part).toBeGreaterThanOrEqual(11);
      }
      // In sight, and on top (the middle of the label is the label).
      const b = (await label.boundingBox())!;
      expect(b.y).toBeGreaterThanOrEqual(pane.y);
      expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height);
      expect(
        await label.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return el === top || el.contains(top);
        }),
      ).toBe(true);
    }
    for (const id of neurons) {
      const own = page.getByTestId(`train-node-${id}`);
      await expect(own).toBeVisible();
      for (const port of ['out', 'param:bias'])
        for (const part of ['node-value', 'node-grad']) {
          const el = own.locator(`[data-port="${port}"]`).getByTestId(part);
          await expect(el).toBeVisible();
          expect(await renderedPx(el), `${id} ${port} ${part}`).toBeGreaterThanOrEqual(11);
        }
    }
    // No label over a port: the middle of every port's handle is the handle.
    const covered = await page.locator('.react-flow__handle').evaluateAll((handles) =>
      handles
        .filter((h) => {
          const r = h.getBoundingClientRect();
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return top?.closest('.ng-weight') != null;
        })
        .map((h) => h.getAttribute('data-handleid')),
    );
    expect(covered).toEqual([]);
  });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test('after one step on the border example, w, ∂L/∂w, Δw, y and b read at 11 px or more', async ({
      page,
    }) => {
      await openEditor(page);
      await openExample(page, 'border-at-3');
      await settled(page);
      await page.getByTestId('train-step').click();
      const label = page.getByTestId('train-edge-e1');
      await expect(label).toBeVisible();
      for (const part of ['edge-value', 'edge-grad', 'edge-delta']) {
        const el = label.getByTestId(part);
        await expect(el).toBeVisible();
        expect(await renderedPx(el), part).toBeGreaterThanOrEqual(11);
      }
      const neuron = page.getByTestId('train-node-neuron');
      await expect(neuron).toBeVisible();
      const bias = neuron.locator('[data-port="param:bias"]');
      await expect(bias).toContainText('b');
      await expect(bias.getByTestId('node-value')).toHaveText('0.9996');
      expect(await renderedPx(bias.getByTestId('node-value'))).toBeGreaterThanOrEqual(11);
      expect(await renderedPx(bias.getByTestId('node-grad'))).toBeGreaterThanOrEqual(11);
      const y = neuron.locator('[data-port="out"]');
      expect(await renderedPx(y.getByTestId('node-value'))).toBeGreaterThanOrEqual(11);
    });

    for (const entry of WHOLE_STEP) wholeStep(entry);

    test('the chain rule on one expression after one step: every node’s numbers, none over another card', async ({
      page,
    }) => {
      await openEditor(page);
      await openExample(page, 'micrograd');
      await settled(page);
      await page.getByTestId('train-step').click();
      // Every node that prints numbers (the optimizer prints none): each block as wide as its text,
      // so c's fits between b's and f's.
      const ids = ['a', 'b', 'c', 'f', 'ab', 'd', 'L', 'objective'];
      await expect(page.getByTestId('train-node-sgd')).toHaveCount(0);
      await expect
        .poll(async () => {
          const blocks = await boxes(page, '.ng-node-train');
          const shown = blocks.map((b) => b.id.slice('train-node-'.length));
          const missing = ids.filter((id) => !shown.includes(id));
          if (missing.length > 0) return [`no numbers for ${missing.join(', ')}`];
          const cards = await page.locator('.react-flow__node').evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return { id: e.getAttribute('data-id')!, x: r.x, y: r.y, width: r.width, height: r.height };
            }),
          );
          const onCards = blocks.flatMap((b) =>
            cards
              .filter((c) => `train-node-${c.id}` !== b.id && overlaps(b, c))
              .map((c) => `${b.id} on ${c.id}`),
          );
          return [...overlappingPairs(blocks), ...onCards];
        })
        .toEqual([]);
      // L = (a·b + c)·f at a = 2, b = −3, c = 10, f = −2: ∂L/∂a = f·b, ∂L/∂b = f·a, ∂L/∂c = f,
      // ∂L/∂f = a·b + c.
      const grad = (id: string) =>
        page.getByTestId(`train-node-${id}`).locator('[data-port="param:value"]').getByTestId('node-grad');
      for (const [id, value] of [
        ['a', '6'],
        ['b', '−4'],
        ['c', '−2'],
        ['f', '4'],
      ])
        await expect(grad(id)).toHaveText(`∂${value}`);
      // L itself: (2 · −3 + 10) · −2.
      await expect(page.getByTestId('train-node-objective').getByTestId('node-value').first()).toHaveText(
        '−8',
      );
      for (const id of ids)
        for (const part of id === 'objective' ? ['node-value'] : ['node-value', 'node-grad'])
          expect(
            await renderedPx(page.getByTestId(`train-node-${id}`).getByTestId(part).first()),
            `${id} ${part}`,
          ).toBeGreaterThanOrEqual(11);
    });

    for (const example of ['border-at-3', 'xor']) {
      test(`${example}: no label covers another or a node's numbers after a step`, async ({ page }) => {
        await openEditor(page);
        await openExample(page, example);
        await settled(page);
        await page.getByTestId('train-step').click();
        await settled(page);
        const labels = async () => [
          ...(await boxes(page, '.ng-weight--train')),
          ...(await boxes(page, '.ng-node-train')),
        ];
        expect((await labels()).length).toBeGreaterThan(2);
        // The labels are placed again once things were still for a moment after the step (their
        // rows changed): wait for that placement, which leaves no pair over each other.
        await expect.poll(async () => overlappingPairs(await labels())).toEqual([]);
        // Nor is any label under a card: a label drawn over a card's rim is on top and whole.
        for (const id of await page
          .locator('.ng-weight--train')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))) {
          const covered = await page.getByTestId(id!).evaluate((el) => {
            const r = el.getBoundingClientRect();
            const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return top === el || el.contains(top);
          });
          expect(covered, `${id} is on top`).toBe(true);
        }
      });
    }
  });
}

// On a tablet (side panels open from toggles, the training panel takes more of the height) too.
test.describe('at 1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  for (const entry of WHOLE_STEP) wholeStep(entry);
});

test.describe('every example opens whole, in the part of the canvas nothing covers', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ])
    test(`at ${viewport.width} × ${viewport.height}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(viewport);
      await openEditor(page);
      const ids = await (async () => {
        await page.getByRole('button', { name: 'Examples' }).click();
        const list = await page
          .locator('[data-testid^="example-"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('example-'.length)));
        await page.keyboard.press('Escape');
        return list;
      })();
      expect(ids.length).toBeGreaterThanOrEqual(7);
      for (const id of ids) {
        await openExample(page, id);
        await expect.poll(() => nodes(page).count()).toBeGreaterThan(1);
        await settled(page);
        const pane = (await page.locator('.canvas .react-flow').boundingBox())!;
        const covers = [
          ...(await boxes(page, '.react-flow__minimap')),
          ...(await boxes(page, '.react-flow__controls')),
          ...(await boxes(page, '.toast')),
          ...(await boxes(page, '.panel-toggle')),
        ];
        for (const n of await boxes(page, '.react-flow__node')) {
          expect(n.x, `${id}: ${n.id} left`).toBeGreaterThanOrEqual(pane.x - 0.5);
          expect(n.y, `${id}: ${n.id} top`).toBeGreaterThanOrEqual(pane.y - 0.5);
          expect(n.x + n.width, `${id}: ${n.id} right`).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
          expect(n.y + n.height, `${id}: ${n.id} bottom`).toBeLessThanOrEqual(pane.y + pane.height + 0.5);
          for (const c of covers) expect(overlaps(n, c), `${id}: a node under ${c.id}`).toBe(false);
        }
      }
    });
});

test.describe('every node’s name reads at 11 px or more, uncovered, at the opening view after a step', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ])
    for (const theme of ['light', 'dark'] as const)
      test(`at ${viewport.width} × ${viewport.height}, ${theme}`, async ({ page }) => {
        test.setTimeout(240_000);
        await page.emulateMedia({ colorScheme: theme });
        await page.setViewportSize(viewport);
        await openEditor(page);
        await page.getByRole('button', { name: 'Examples' }).click();
        const ids = await page
          .locator('[data-testid^="example-"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('example-'.length)));
        await page.keyboard.press('Escape');
        expect(ids.length).toBeGreaterThanOrEqual(9);
        for (const id of ids) {
          await openExample(page, id);
          await settled(page);
          await page.getByTestId('train-step').click();
          await expect(page.getByTestId('train-step')).toBeEnabled();
          await settled(page);
          // Placed once things were still after the step: no name under a label, a node's numbers,
          // another card or name, or what lies over the canvas; each on the canvas, in sight.
          await expect
            .poll(
              async () => {
                const all = await names(page);
                const over = [
                  ...(await boxes(page, '.ng-weight--train')),
                  ...(await boxes(page, '.ng-node-train')),
                  ...(await boxes(page, '.react-flow__minimap')),
                  ...(await boxes(page, '.react-flow__controls')),
                ];
                const cards = await page.locator('.react-flow__node').evaluateAll((els) =>
                  els.map((e) => {
                    const r = e.getBoundingClientRect();
                    return {
                      id: e.getAttribute('data-id')!,
                      x: r.x,
                      y: r.y,
                      width: r.width,
                      height: r.height,
                    };
                  }),
                );
                const pane = (await page.locator('.canvas .react-flow').boundingBox())!;
                const problems: string[] = [];
                for (const n of all) {
                  if (n.px < 11) problems.push(`${n.id} “${n.text}” at ${n.px} px`);
                  if (
                    n.x < pane.x - 0.5 ||
                    n.y < pane.y - 0.5 ||
                    n.x + n.width > pane.x + pane.width + 0.5 ||
                    n.y + n.height > pane.y + pane.height + 0.5
                  )
                    problems.push(`${n.id} out of sight`);
                  for (const o of over) if (overlaps(n, o)) problems.push(`${n.id} under ${o.id}`);
                  for (const c of cards)
                    if (c.id !== n.id && overlaps(n, c)) problems.push(`${n.id} over card ${c.id}`);
                  for (const m of all) if (m !== n && overlaps(n, m)) problems.push(`${n.id} over ${m.id}`);
                }
                return problems;
              },
              { message: id },
            )
            .toEqual([]);
          // Zoomed out, the names are chips; the title on a card is read where it is large enough.
          expect((await names(page)).length, id).toBeGreaterThan(1);
        }
      });
});

test('focus on the spiral: hovering a neuron shows its edges’ numbers and its own; the rest fade', async ({
  page,
}) => {
  await openSpiralStepped(page);
  // h2.1: eight weights in from h1, one out to h3.1.
  // The pointer onto the middle of its card (a label may lie over the rim of its header).
  const card = (await node(page, 'n2_1').boundingBox())!;
  await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
  const focused = page.locator('.ng-weight--train.is-focus');
  await expect(focused).toHaveCount(9);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-focus');
  for (const label of await focused.all()) {
    await expect(label).toBeVisible();
    expect(await renderedPx(label.getByTestId('edge-value'))).toBeGreaterThanOrEqual(11);
    expect(await label.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  }
  const own = page.getByTestId('train-node-n2_1');
  await expect(own).toBeVisible();
  await expect(own.locator('[data-port="param:bias"]')).toBeVisible();
  // The focused labels lie over no other focused label, but for a sliver where eight edges converge
  // (up to about a quarter of one label, as placed at the spiral's opening zoom).
  expect(mostCovered(await boxes(page, '.ng-weight--train.is-focus'))).toBeLessThan(0.3);
  // The others fade.
  const other = page.locator('.ng-weight--train:not(.is-focus)').first();
  if ((await other.count()) > 0)
    expect(Number(await other.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.5);
  // Leaving the neuron ends the focus.
  await page.mouse.move(5, 400);
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-focus');
});

test('a phase stepped in focus lights up the wave it touched on the focused neuron and its edges', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await openExample(page, 'border-at-3');
  await settled(page);
  await page.getByTestId('train-step').click();
  await settled(page);
  // Selecting the neuron (a click on its header) focuses it, and the focus stays while the pointer
  // goes to the phase button.
  await selectNode(page, 'neuron');
  await expect(page.locator('.react-flow__node[data-id="neuron"]')).toHaveClass(/selected/);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-focus');
  // Its one weight, from the data's x.
  await expect(page.locator('.ng-weight--train.is-focus')).toHaveCount(1);
  await page.getByTestId('train-phase').click();
  await expect(page.locator('[data-testid="train-phases"] .is-current')).toHaveAttribute(
    'data-phase',
    'forward',
  );
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-focus');
  // The forward pass touched the weight's edge: it carries the wave at full strength.
  const wave = page.locator('.react-flow__edge[data-id="e1"] .ng-train-wave');
  await expect(wave).toHaveAttribute('data-phase', 'forward');
  await expect(wave).toHaveClass(/is-focus/);
  expect(await wave.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  // The neuron itself lights up.
  await expect(node(page, 'neuron').getByTestId('node-wave')).toHaveAttribute('data-phase', 'forward');
});

test('the binary cross-entropy card holds its footer, in both themes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await openExample(page, 'xor');
  await settled(page);
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('button', { name: theme, exact: true }).click();
    const loss = node(page, 'loss');
    // "Probabilities (after a sigmoid)" is longer than the card is wide: it ends in "…" inside it.
    await expect(loss.getByTestId('param-input')).toHaveAttribute('title', 'Probabilities (after a sigmoid)');
    const spills = await loss.evaluate((card) => {
      const r = card.getBoundingClientRect();
      return [...card.querySelectorAll('dt, dd')]
        .map((e) => ({ text: e.textContent, b: e.getBoundingClientRect() }))
        .filter(({ b }) => b.width > 0 && (b.left < r.left - 0.5 || b.right > r.right + 0.5))
        .map(({ text }) => text);
    });
    expect(spills, theme).toEqual([]);
  }
});

test('a document opened starts with nothing selected, even where it has a node of the same id', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await openExample(page, 'xor');
  await settled(page);
  await page.getByTestId('train-step').click();
  await selectNode(page, 'data');
  await expect(node(page, 'data').locator('xpath=..')).toHaveClass(/selected/);
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-focus');
  // The pointer stays on the selected node while another example (with a node "data") opens from
  // the command palette: neither the selection nor the hover carries over.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search actions' });
  await expect(search).toBeFocused();
  await search.fill('Open example: Circle');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node[data-id="n1_4"]')).toBeVisible();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await page.getByTestId('train-step').click();
  await settled(page);
  await expect(page.getByTestId('canvas')).not.toHaveAttribute('data-focus');
  // The inspector shows the document (the circle's), not a node.
  await expect(page.getByTestId('inspector')).toContainText('8 nodes · 15 connections');
});

test('on the spiral, a click in the middle of a neuron’s card selects it, after a step too', async ({
  page,
}) => {
  await openSpiralStepped(page);
  for (const id of ['n1_1', 'n1_4', 'n2_1', 'n3_1']) {
    const card = (await node(page, id).boundingBox())!;
    // Hovering it first focuses it: its labels are placed again, never over its own card.
    await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-focus');
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.locator('.react-flow__node.selected')).toHaveAttribute('data-id', id);
  }
});
