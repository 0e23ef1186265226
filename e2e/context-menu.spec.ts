/**
 * The canvas's context menu: what a right-click opens on a node, a connection or the empty canvas,
 * what Shift+F10 opens on a focused node, and what a finger's long press opens on a tablet — where
 * holding a node still does not drag it.
 */
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { edges, node, nodes } from './helpers';

type Point = { x: number; y: number };

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
  let last = '';
  await expect
    .poll(async () => {
      const now = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
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
    await expect(items).toHaveText([/^Connect output/, /^Duplicate/, /^Delete/]);
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.nth(2)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu(page)).toBeHidden();
    await expect(a).toBeFocused();

    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('ArrowDown');
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
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
  test.describe.configure({ timeout: 120_000 });

  async function finger(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', at?: Point) {
    await cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: at ? [{ x: at.x, y: at.y, id: 0, radiusX: 4, radiusY: 4, force: 1 }] : [],
    });
  }

  /** Holds a finger at `at` until the menu opens (a long press), then lifts it. */
  async function longPress(page: Page, cdp: CDPSession, at: Point): Promise<void> {
    await finger(cdp, 'touchStart', at);
    await expect(menu(page)).toBeVisible();
    await finger(cdp, 'touchEnd');
  }

  test('a long press opens what a right-click opens, and holding a node does not drag it', async ({
    page,
  }) => {
    await openMicrograd(page, true);
    const cdp = await page.context().newCDPSession(page);

    // Held on a node: its menu, and the finger then moving does not carry the node along.
    const before = (await node(page, 'ab').boundingBox())!;
    const ab = await headerOf(page, 'ab');
    await finger(cdp, 'touchStart', ab);
    await expect(menu(page)).toHaveAccessibleName('Node');
    for (let i = 1; i <= 6; i++) await finger(cdp, 'touchMove', { x: ab.x + 15 * i, y: ab.y + 10 * i });
    await finger(cdp, 'touchEnd');
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
});
