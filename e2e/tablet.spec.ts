/**
 * A classroom tablet: 1024 × 768, touch only. The page never scrolls sideways, the side panels open
 * from toggles, a port is hit by a finger beside it, two ports connect by dragging a finger, two
 * fingers pinch to zoom and pan, and training runs.
 */
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { edges, node, nodes, type Point, port, touch, touchDrag, viewSettled } from './helpers';

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
// Many touch gestures, each a round of CDP messages: slower than a mouse test on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Two fingers from a pair of points to another pair. */
async function twoFingers(cdp: CDPSession, from: [Point, Point], to: [Point, Point]): Promise<void> {
  await touch(cdp, 'touchStart', from);
  for (let i = 1; i <= 10; i++) {
    const t = i / 10;
    const at = (k: 0 | 1) => ({
      x: from[k].x + (to[k].x - from[k].x) * t,
      y: from[k].y + (to[k].y - from[k].y) * t,
    });
    await touch(cdp, 'touchMove', [at(0), at(1)]);
  }
  await touch(cdp, 'touchEnd');
}

async function centre(selector: ReturnType<typeof port>): Promise<Point> {
  const box = (await selector.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const viewportTransform = async (page: Page) => {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(style)!;
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
};

test('opens an example, connects two ports by touch, zooms and pans with two fingers, and trains', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

  // The palette is a toggle here; it opens over the canvas and closes again.
  await expect(page.getByTestId('palette-neuron')).toBeHidden();
  await page.getByTestId('toggle-palette').tap();
  await expect(page.getByTestId('palette-neuron')).toBeVisible();
  await page.getByTestId('toggle-palette').tap();
  await expect(page.getByTestId('palette-neuron')).toBeHidden();

  await page.getByRole('button', { name: 'Examples', exact: true }).tap();
  await page.getByTestId('example-micrograd').tap();
  await expect(nodes(page)).toHaveCount(9);
  await expect(edges(page)).toHaveCount(8);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
  // The whole name shows (its title holds it when it must shorten).
  await expect(page.getByTestId('document-name')).toHaveAttribute(
    'title',
    'Chain rule: micrograd expression',
  );
  await expect(page.getByTestId('toggle-side')).toBeVisible();

  // Wait for the fitted view to settle before measuring ports.
  await viewSettled(page);

  // A port is 24 px wide to a finger at any zoom: a touch 9 px beside its centre still starts a connection.
  const cdp = await page.context().newCDPSession(page);
  const from = await centre(port(page, 'a', 'out', 'out'));
  const hit = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'),
    { x: from.x + 9, y: from.y },
  );
  expect(hit).toBe('port-out-out');
  const to = await centre(port(page, 'd', 'in', 'in'));
  await touchDrag(cdp, { x: from.x + 9, y: from.y }, to);
  await expect(edges(page)).toHaveCount(9);
  await expect(page.locator('.react-flow__edge[data-id]').last()).toHaveAttribute(
    'aria-label',
    'connection from a θ to d = a·b + c x',
  );

  // Two fingers apart: zoom in. Two fingers moving together: pan.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const mid = { x: pane.x + pane.width / 2, y: pane.y + pane.height * 0.85 };
  const before = await viewportTransform(page);
  await twoFingers(
    cdp,
    [
      { x: mid.x - 40, y: mid.y },
      { x: mid.x + 40, y: mid.y },
    ],
    [
      { x: mid.x - 120, y: mid.y },
      { x: mid.x + 120, y: mid.y },
    ],
  );
  await expect.poll(async () => (await viewportTransform(page)).zoom).toBeGreaterThan(before.zoom * 1.3);
  const zoomed = await viewportTransform(page);
  await twoFingers(
    cdp,
    [
      { x: mid.x - 60, y: mid.y },
      { x: mid.x + 60, y: mid.y },
    ],
    [
      { x: mid.x - 160, y: mid.y - 30 },
      { x: mid.x - 40, y: mid.y - 30 },
    ],
  );
  await expect.poll(async () => (await viewportTransform(page)).x).toBeLessThan(zoomed.x - 50);

  // Train: a tap on Step, then on Play.
  await expect(page.getByTestId('train-step')).toBeEnabled();
  await page.getByTestId('train-step').tap();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
  await page.getByTestId('train-play').tap();
  await expect
    .poll(async () => Number(await page.getByTestId('train-step-count').textContent()))
    .toBeGreaterThan(5);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

  // The inspector opens from its toggle, over the canvas.
  await page.getByTestId('toggle-side').tap();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await expect(page.getByTestId('inspector')).toContainText('9 connections');
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/tablet-inspector.png' });
});

test("a finger moves an edge's end to another port, and drops it on the canvas to disconnect it", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples', exact: true }).tap();
  await page.getByTestId('example-micrograd').tap();
  await expect(edges(page)).toHaveCount(8);
  await viewSettled(page);
  const cdp = await page.context().newCDPSession(page);
  const cToD = page.locator('.react-flow__edge:has(path[data-source="c"][data-target="d"])');
  await expect(cToD).toHaveAttribute('aria-label', /to d = a·b \+ c/);

  // Two connections end at d's one input: their ends share one circle, a 24 px target on screen
  // just past the port's own. A tap on it asks which connection is meant.
  const shared = page.locator(
    '.react-flow__edge:has(path[data-target="d"]) .react-flow__edgeupdater-target:visible',
  );
  await expect(shared).toHaveCount(1);
  const sharedBox = (await shared.boundingBox())!;
  expect(sharedBox.width).toBeGreaterThanOrEqual(23.5);
  await shared.tap();
  await expect(page.getByRole('menu')).toHaveAccessibleName('Connections here');
  await expect(page.getByRole('menuitem')).toHaveCount(2);
  await page.getByRole('menuitem', { name: /^Connection from c / }).tap();
  // Chosen, c → d is selected, and the circle there is its own.
  await expect(cToD).toHaveClass(/selected/);
  const endBox = (await cToD.locator('.react-flow__edgeupdater-target').boundingBox())!;
  expect(endBox.width).toBeGreaterThanOrEqual(23.5);
  const end = { x: endBox.x + endBox.width / 2, y: endBox.y + endBox.height / 2 };
  await touchDrag(cdp, end, await centre(port(page, 'L', 'in', 'in')));
  const cToL = page.locator('.react-flow__edge:has(path[data-source="c"][data-target="L"])');
  await expect(cToL).toHaveCount(1);
  await expect(cToD).toHaveCount(0);
  await expect(edges(page)).toHaveCount(8);
  await expect(cToL).toHaveAttribute('aria-label', /to L = d·f/);

  // Its other end, at c (L's input now takes three edges, whose ends meet there).
  const moved = (await cToL.locator('.react-flow__edgeupdater-source').boundingBox())!;
  const from = { x: moved.x + moved.width / 2, y: moved.y + moved.height / 2 };
  await touchDrag(cdp, from, { x: from.x + 60, y: from.y + 180 });
  await expect(edges(page)).toHaveCount(7);
  await expect(cToL).toHaveCount(0);
});

test('at 1024 × 768 the loss chart and the picture keep their size, and the toolbar fits', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples', exact: true }).tap();
  await page.getByTestId('example-circle').tap();
  await expect(nodes(page)).toHaveCount(8);
  const size = async (testid: string) => (await page.getByTestId(testid).boundingBox())!;
  const chart = await size('loss-chart');
  expect(chart.width).toBeGreaterThanOrEqual(300);
  expect(chart.height).toBeGreaterThanOrEqual(120);
  // Every toolbar control is inside the window.
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll('.toolbar button, .toolbar input')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
      .map((el) => el.getAttribute('aria-label') ?? el.textContent),
  );
  expect(overflow).toEqual([]);
  // Every toolbar button still has a name, though only its icon shows.
  for (const name of ['New', 'Examples', 'Build MLP', 'Import', 'Export', 'Auto-layout', 'Fit view']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
});

// Every example's ports and edge ends as 24 px targets at the view it opens with: touch-targets.spec.ts.

test('a column of ports too close together for a finger is one target: a tap asks which port, a drag starts from the nearest', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples', exact: true }).tap();
  await page.getByTestId('example-xor').tap();
  await expect(edges(page)).toHaveCount(9);
  await viewSettled(page);
  // The dataset's outputs (x1, x2, features, target) are under 24 px apart on screen as XOR opens.
  const column = node(page, 'data').getByTestId('port-column-out');
  const box = (await column.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(23.5);
  expect(box.height).toBeGreaterThanOrEqual(23.5);

  await column.tap();
  await expect(page.getByRole('menu')).toHaveAccessibleName('Outputs');
  await expect(page.getByRole('menuitem')).toHaveText([
    /^Connect output x1/,
    /^Connect output x2/,
    /^Connect output features/,
    /^Connect output target/,
  ]);
  await page.getByRole('menuitem', { name: /^Connect output x2/ }).tap();
  await expect(page.getByTestId('connect-menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('connect-menu')).toBeHidden();

  // A drag from the column to the empty canvas: a connection from the port nearest the finger,
  // which (dropped on nothing) offers a node that fits it, as a drag from a port does.
  const cdp = await page.context().newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await touchDrag(cdp, at, { x: at.x + 30, y: at.y + 200 });
  await expect(page.getByTestId('quick-add')).toBeVisible();
});

test('a lesson opened from its toggle sits beside its network: the network is fitted into the part the panel leaves', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples', exact: true }).tap();
  await page.getByTestId('open-gallery').tap();
  await page.getByTestId('gallery').getByTestId('gallery-lesson-border-at-3').tap();
  await expect(nodes(page)).toHaveCount(4);
  await page.getByTestId('toggle-side').tap();
  const panel = page.locator('.app__inspector');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('lesson-step')).toBeVisible();
  const left = (await panel.boundingBox())!.x;
  // Every node whole, left of the panel and clear of its toggle (the fit glides: wait for it).
  await expect
    .poll(() =>
      page
        .locator('.react-flow__node')
        .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right))),
    )
    .toBeLessThanOrEqual(left);
  await viewSettled(page);
  const toggle = (await page.getByTestId('toggle-side').boundingBox())!;
  for (const box of await nodes(page).evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().toJSON()),
  )) {
    expect(box.right).toBeLessThanOrEqual(left);
    const apart =
      box.right <= toggle.x ||
      box.left >= toggle.x + toggle.width ||
      box.bottom <= toggle.y ||
      box.top >= toggle.y + toggle.height;
    expect(apart).toBe(true);
  }
});
