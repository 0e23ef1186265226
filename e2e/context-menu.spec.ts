/**
 * The canvas's context menu: what a right-click opens on a node, a connection or the empty canvas,
 * what Shift+F10 opens on a focused node, and what a finger's long press opens on a tablet — where
 * holding a node still does not drag it.
 */
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { edges, node, nodeIds as nodeIdsOf, nodes, type Point, touch, viewSettled } from './helpers';

const menu = (page: Page) => page.getByRole('menu');

async function openMicrograd(page: Page, tap = false): Promise<void> {
  await page.goto('/');
  const examples = page.getByRole('button', { name: 'Examples', exact: true });
  const example = page.getByTestId('example-micrograd');
  if (tap) {
    await examples.tap();
    await example.tap();
  } else {
    await examples.click();
    await example.click();
  }
  await expect(nodes(page)).toHaveCount(9);
  await expect(edges(page)).toHaveCount(8);
  // The fitted view has stopped moving: points measured now stay where they are.
  await viewSettled(page);
}

/** The middle of the edge from `source` to `target`, on screen (where its curve runs). */
async function edgeMiddle(page: Page, source: string, target: string): Promise<Point> {
  return page
    .locator(`.react-flow__edge path.ng-edge[data-source="${source}"][data-target="${target}"]`)
    .evaluate((path: SVGPathElement) => {
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    });
}

async function headerOf(page: Page, id: string): Promise<Point> {
  const box = (await node(page, id).locator('.ng-node__header').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** An empty point of the canvas: below the parameters column. */
async function emptyPoint(page: Page): Promise<Point> {
  const f = (await node(page, 'f').boundingBox())!;
  return { x: f.x + f.width / 2, y: f.y + f.height + 60 };
}

test.describe('with a mouse and keys', () => {
  test('a right-click on a node, a connection or the canvas opens what can be done there', async ({
    page,
  }) => {
    await openMicrograd(page);

    // A node: it is selected, and the menu acts on it.
    const ab = await headerOf(page, 'ab');
    await page.mouse.click(ab.x, ab.y, { button: 'right' });
    await expect(menu(page)).toHaveAccessibleName('Node');
    // Its ports first, then what acts on the node.
    await expect(page.getByRole('menuitem')).toHaveText([
      /^Connect input/,
      /^Connect output/,
      /^Cut/,
      /^Copy/,
      /^Duplicate/,
      /^Delete/,
    ]);
    await expect(page.getByRole('menuitem').first()).toBeFocused();
    await expect(node(page, 'ab')).toHaveClass(/selected/);
    await page.getByRole('menuitem', { name: /Delete/ }).click();
    await expect(menu(page)).toBeHidden();
    await expect(nodes(page)).toHaveCount(8);
    // a→ab, b→ab and ab→d went with it.
    await expect(edges(page)).toHaveCount(5);
    await page.keyboard.press('Control+z');
    await expect(nodes(page)).toHaveCount(9);
    await expect(edges(page)).toHaveCount(8);

    // A connection.
    const cd = await edgeMiddle(page, 'c', 'd');
    await page.mouse.click(cd.x, cd.y, { button: 'right' });
    await expect(menu(page)).toHaveAccessibleName('Connection');
    await page.getByRole('menuitem', { name: /Delete connection/ }).click();
    await expect(edges(page)).toHaveCount(7);
    await expect(page.locator('path.ng-edge[data-source="c"][data-target="d"]')).toHaveCount(0);

    // The empty canvas: a node added from it opens quick-add where it was pressed.
    const empty = await emptyPoint(page);
    await page.mouse.click(empty.x, empty.y, { button: 'right' });
    await expect(menu(page)).toHaveAccessibleName('Canvas');
    await page.getByRole('menuitem', { name: 'Add a node here…' }).click();
    await expect(page.getByTestId('quick-add')).toBeVisible();
    const box = (await page.getByTestId('quick-add').boundingBox())!;
    expect(Math.abs(box.x - empty.x)).toBeLessThan(box.width);
    await page.keyboard.press('Escape');

    // Escape closes it and nothing happens.
    await page.mouse.click(ab.x, ab.y, { button: 'right' });
    await expect(menu(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu(page)).toBeHidden();
    await expect(nodes(page)).toHaveCount(9);
  });

  test('Shift+F10 on a focused node opens its menu; arrows and Enter choose, the focus comes back', async ({
    page,
  }) => {
    await openMicrograd(page);
    // Where Tab puts the focus on a node.
    const a = page.locator('.react-flow__node[data-id="a"]');
    await a.focus();
    await page.keyboard.press('Shift+F10');
    await expect(menu(page)).toHaveAccessibleName('Node');
    const items = page.getByRole('menuitem');
    await expect(items).toHaveText([/^Connect output/, /^Cut/, /^Copy/, /^Duplicate/, /^Delete/]);
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.nth(4)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu(page)).toBeHidden();
    await expect(a).toBeFocused();

    // Duplicate: the one before last.
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect(items.nth(3)).toHaveText(/^Duplicate/);
    await expect(items.nth(3)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodes(page)).toHaveCount(10);

    // "Connect output…": the list of the ports that fit, as Enter on the port opens it.
    await a.focus();
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('connect-menu')).toBeVisible();
    await page.getByTestId('connect-to-L-in').click();
    await expect(edges(page)).toHaveCount(9);
    await expect(page.locator('path.ng-edge[data-source="a"][data-target="L"]')).toHaveCount(1);
  });
  test('Copy in a node’s menu and Paste here in the canvas’s menu, by keys, put a copy where the menu opened', async ({
    page,
  }) => {
    await openMicrograd(page);
    const before = new Set(await nodeIdsOf(page));
    const a = page.locator('.react-flow__node[data-id="a"]');
    await a.focus();
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem').nth(2)).toHaveText(/^Copy/);
    await expect(page.getByRole('menuitem').nth(2)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu(page)).toBeHidden();
    await expect(nodes(page)).toHaveCount(9);

    // Nothing of the canvas has the focus now: Shift+F10 opens the canvas's menu, in its middle.
    await page.locator('body').focus();
    await page.keyboard.press('Shift+F10');
    await expect(menu(page)).toHaveAccessibleName('Canvas');
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    const items = page.getByRole('menuitem');
    await expect(items.nth(1)).toHaveText(/^Paste here/);
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodes(page)).toHaveCount(10);
    const added = (await nodeIdsOf(page)).filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    const copy = node(page, added[0]);
    // A copy of node a (named "a 2" beside it), selected, its top-left where the menu was opened.
    await expect(copy.locator('.ng-node__header')).toContainText('a 2');
    await expect(copy).toHaveClass(/selected/);
    const box = (await copy.boundingBox())!;
    expect(Math.abs(box.x - middle.x)).toBeLessThan(2);
    expect(Math.abs(box.y - middle.y)).toBeLessThan(2);
  });
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
  test.describe.configure({ timeout: 120_000 });

  /** Holds a finger at `at` until the menu opens (a long press), then lifts it. */
  async function longPress(page: Page, cdp: CDPSession, at: Point): Promise<void> {
    await touch(cdp, 'touchStart', [at]);
    await expect(menu(page)).toBeVisible();
    await touch(cdp, 'touchEnd');
  }

  test('a long press opens what a right-click opens, and holding a node does not drag it', async ({
    page,
  }) => {
    await openMicrograd(page, true);
    const cdp = await page.context().newCDPSession(page);

    // Held on a node: its menu, and the finger then moving does not carry the node along.
    const before = (await node(page, 'ab').boundingBox())!;
    const ab = await headerOf(page, 'ab');
    await touch(cdp, 'touchStart', [ab]);
    await expect(menu(page)).toHaveAccessibleName('Node');
    for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', [{ x: ab.x + 15 * i, y: ab.y + 10 * i }]);
    await touch(cdp, 'touchEnd');
    await expect(menu(page)).toBeVisible();
    expect(await node(page, 'ab').boundingBox()).toEqual(before);
    await page.getByRole('menuitem', { name: /Duplicate/ }).tap();
    await expect(nodes(page)).toHaveCount(10);

    // Held on a connection.
    await longPress(page, cdp, await edgeMiddle(page, 'c', 'd'));
    await expect(menu(page)).toHaveAccessibleName('Connection');
    await page.getByRole('menuitem', { name: /Delete connection/ }).tap();
    await expect(edges(page)).toHaveCount(7);

    // A port too close to its neighbours for a finger: the node's menu connects it.
    await longPress(page, cdp, await headerOf(page, 'f'));
    await page.getByRole('menuitem', { name: /^Connect output/ }).tap();
    await expect(page.getByTestId('connect-menu')).toBeVisible();
    await page.getByTestId('connect-to-ab-in').tap();
    await expect(page.getByTestId('connect-menu')).toBeHidden();
    await expect(page.locator('path.ng-edge[data-source="f"][data-target="ab"]')).toHaveCount(1);

    // Held on the empty canvas.
    await longPress(page, cdp, await emptyPoint(page));
    await expect(menu(page)).toHaveAccessibleName('Canvas');
    await page.getByRole('menuitem', { name: 'Fit view' }).tap();
    await expect(menu(page)).toBeHidden();
  });

  test('Copy in a node’s long-press menu goes to the clipboard, and Paste here puts the copy where the finger was', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openMicrograd(page, true);
    const cdp = await page.context().newCDPSession(page);
    const before = new Set(await nodeIdsOf(page));

    await longPress(page, cdp, await headerOf(page, 'f'));
    await page.getByRole('menuitem', { name: /^Copy/ }).tap();
    await expect(menu(page)).toBeHidden();
    // The system clipboard holds the node as document JSON (so another tab can paste it).
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('"neurograph clipboard"');

    const empty = await emptyPoint(page);
    await longPress(page, cdp, empty);
    await expect(menu(page)).toHaveAccessibleName('Canvas');
    await page.getByRole('menuitem', { name: /^Paste here/ }).tap();
    await expect(nodes(page)).toHaveCount(10);
    const added = (await nodeIdsOf(page)).filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    const box = (await node(page, added[0]).boundingBox())!;
    expect(Math.abs(box.x - empty.x)).toBeLessThan(2);
    expect(Math.abs(box.y - empty.y)).toBeLessThan(2);
    await expect(node(page, added[0]).locator('.ng-node__header')).toContainText('f 2');
  });
});
