/** Acting on the editor as a person would: drag from the palette, drag between ports, use the keyboard. */
import { type CDPSession, expect, type Locator, type Page } from '@playwright/test';

export const canvas = (page: Page) => page.getByTestId('canvas');
export const pane = (page: Page) => page.locator('.react-flow__pane');
export const nodes = (page: Page) => page.locator('.react-flow__node');
export const edges = (page: Page) => page.locator('.react-flow__edge');
export const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);

export async function nodeIds(page: Page): Promise<string[]> {
  return nodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

/** Opens the app on an empty canvas. */
export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  // Below 1180 px the palette opens from a toggle: either is the sign that the editor is up.
  await expect(
    page.locator('[data-testid="palette-neuron"]:visible, [data-testid="toggle-palette"]:visible').first(),
  ).toBeVisible();
}

/** Drags a kind from the palette to a point of the canvas (relative to its top-left); returns the new node's id. */
export async function dropKind(page: Page, kind: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await nodeIds(page));
  await page.getByTestId(`palette-${kind}`).dragTo(pane(page), { targetPosition: at });
  await expect(nodes(page)).toHaveCount(before.size + 1);
  const added = (await nodeIds(page)).filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  return added[0];
}

export function port(page: Page, nodeId: string, side: 'in' | 'out', portId: string): Locator {
  return node(page, nodeId).getByTestId(`port-${side}-${portId}`);
}

async function center(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on one port, drags to another and (unless told to hold) releases there. */
export async function dragBetween(
  page: Page,
  from: Locator,
  to: Locator,
  opts: { hold?: boolean } = {},
): Promise<void> {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + (b.x - a.x) * 0.3, a.y + (b.y - a.y) * 0.3, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 10 });
  if (!opts.hold) await page.mouse.up();
}

/** Shift+drags a box from just above-left of node `from` to the middle of node `to`. */
export async function boxSelect(page: Page, from: string, to: string): Promise<void> {
  const a = (await node(page, from).boundingBox())!;
  const b = (await node(page, to).boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 12, a.y - 12);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

/** Clicks a node's header (selects it without touching a port). */
export async function selectNode(
  page: Page,
  id: string,
  modifiers: ('Shift' | 'Control')[] = [],
): Promise<void> {
  await node(page, id).locator('.ng-node__header').click({ modifiers });
}

export type Point = { x: number; y: number };

/** Waits until the view stops moving (the fit of a network just opened): points measured after it stay put. */
export async function viewSettled(page: Page): Promise<void> {
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

/** Touch events as fingers make them (Chromium's own input pipeline, through CDP); one point a finger. */
export async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  points: Point[] = [],
): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id, radiusX: 4, radiusY: 4, force: 1 })),
  });
}

/** One finger pressed at `from`, moved to `to` in 12 steps, and lifted. */
export async function touchDrag(cdp: CDPSession, from: Point, to: Point): Promise<void> {
  await touch(cdp, 'touchStart', [from]);
  for (let i = 1; i <= 12; i++) {
    const t = i / 12;
    await touch(cdp, 'touchMove', [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }]);
  }
  await touch(cdp, 'touchEnd');
}

/**
 * Opens the editor with a document dropped on the canvas as a file from the desktop would be, and
 * takes one training step: the set-up of the specs that watch a kind during training.
 */
export async function openAndTrain(
  page: Page,
  doc: { name: string; nodes: readonly unknown[] },
): Promise<void> {
  await openEditor(page);
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], `${name}.neurograph.json`, { type: 'application/json' }));
      return dt;
    },
    { text: JSON.stringify(doc), name: doc.name },
  );
  const box = (await pane(page).boundingBox())!;
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  await pane(page).dispatchEvent('dragenter', { dataTransfer, ...at });
  await pane(page).dispatchEvent('dragover', { dataTransfer, ...at });
  await pane(page).dispatchEvent('drop', { dataTransfer, ...at });
  await expect(nodes(page)).toHaveCount(doc.nodes.length);
  await expect(page.getByTestId('train-step')).toBeEnabled();
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveText('1');
}

/** Opens a file as a user does: the Import button, then the file picker. */
export async function importThroughPicker(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(path);
}
