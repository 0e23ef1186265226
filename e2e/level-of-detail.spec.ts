/**
 * Level of detail: zoomed far out, nodes are plain cards in their family colour (no text, no
 * ports), and a big network's edges (and its minimap) are drawn as a few paths; zoomed back in,
 * everything returns.
 */
import { expect, type Page, test } from '@playwright/test';
import { GraphWriter } from '../src/engine/examples/document';
import { FAR_ZOOM_SMALL } from '../src/ui/canvas/zoom-detail';
import { canvas, edges, node, nodeIds, nodes, openEditor } from './helpers';

const zoom = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

async function zoomOutBelow(page: Page, level: number): Promise<void> {
  while ((await zoom(page)) >= level) {
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await page.waitForTimeout(250);
  }
}

async function zoomInTo(page: Page, level: number): Promise<void> {
  while ((await zoom(page)) < level) {
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(250);
  }
}

/** 12 columns of 25 neurons, each fed by two of the column before: 300 nodes, 539 edges. */
function bigDocument(): string {
  const g = new GraphWriter();
  for (let c = 0; c < 12; c++) {
    for (let r = 0; r < 25; r++) {
      g.node('neuron', `n${c}_${r}`, { x: c * 260, y: r * 110 }, { activation: 'tanh' });
      if (c > 0) {
        g.edge(`n${c - 1}_${r}`, 'out', `n${c}_${r}`, 'in');
        if (r > 0) g.edge(`n${c - 1}_${r - 1}`, 'out', `n${c}_${r}`, 'in');
      }
    }
  }
  return JSON.stringify({ format: 'neurograph', version: 1, ...g.graph('Big grid', 1) });
}

/** Opens the editor and imports the 300-node grid through the Import button; fitted, it is far away. */
async function openGrid(page: Page): Promise<void> {
  await openEditor(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles({
    name: 'grid.neurograph.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bigDocument()),
  });
  await expect(nodes(page)).toHaveCount(300, { timeout: 30_000 });
}

test('zoomed far out a node is a plain card; zoomed in its title and ports come back', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-xor').click();
  await expect(nodes(page).first()).toBeVisible();
  const first = nodes(page).first();
  await expect(first.locator('.ng-node__title')).toBeVisible();
  await expect(first.locator('.react-flow__handle').first()).toBeVisible();

  // Between 15 % and 40 % a small network still shows its text (a laptop fits the spiral there).
  await zoomOutBelow(page, 0.38);
  await expect(canvas(page)).not.toHaveAttribute('data-far');
  await expect(first.locator('.ng-node__title')).toBeVisible();

  await zoomOutBelow(page, FAR_ZOOM_SMALL);
  await expect(canvas(page)).toHaveAttribute('data-far');
  await expect(first).toBeVisible();
  await expect(first.locator('.ng-node__title')).toBeHidden();
  await expect(first.locator('.react-flow__handle').first()).toBeHidden();
  // A small network keeps its edges as React Flow draws them (selectable), only without labels.
  await expect(edges(page).first()).toBeAttached();
  await expect(page.getByTestId('overview-edges')).toHaveCount(0);
  // With the whole network in view a minimap would tell nothing: there is none.
  await expect(page.getByTestId('overview-minimap')).toHaveCount(0);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);

  await zoomInTo(page, 0.4);
  await expect(canvas(page)).not.toHaveAttribute('data-far');
  await expect(first.locator('.ng-node__title')).toBeVisible();
  await expect(first.locator('.react-flow__handle').first()).toBeVisible();

  // Zoomed in until part of it is out of view, a small network has React Flow's minimap, a
  // rectangle per node.
  await zoomInTo(page, 1.5);
  await expect(page.getByTestId('overview-minimap')).toHaveCount(0);
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(await nodes(page).count());
});

test('a big network seen from far draws its edges as one overview; zoomed in they are edges again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openGrid(page);

  // Fitted, the whole grid is far away: every edge is in the overview, none is a React Flow edge.
  const overview = page.getByTestId('overview-edges');
  await expect(overview).toHaveAttribute('data-drawn', '539', { timeout: 30_000 });
  await expect(canvas(page)).toHaveAttribute('data-overview');
  await expect(edges(page)).toHaveCount(0);
  expect(await zoom(page)).toBeLessThan(0.4);
  const d = await overview.locator('path').first().getAttribute('d');
  expect(d?.match(/M/g)?.length ?? 0).toBeGreaterThan(100);

  // The minimap of a big network is a few paths (one per family), not a component per node; a
  // press on it moves the view there.
  const minimap = page.getByTestId('overview-minimap');
  await expect(minimap).toBeVisible();
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(1);
  const rects = await minimap.locator('.react-flow__minimap-node').getAttribute('d');
  expect(rects?.match(/M/g)?.length).toBe(300);
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  const map = (await minimap.boundingBox())!;
  await page.mouse.click(map.x + map.width * 0.2, map.y + map.height * 0.3);
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);

  // Dragging a node far away moves the ends of its edges in the overview.
  const card = node(page, 'n5_12');
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 40, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => overview.locator('path').first().getAttribute('d')).not.toBe(d);

  // Zoomed in, the edges on screen are React Flow edges again, with their ports and weights.
  await zoomInTo(page, 0.5);
  await expect(overview).toHaveCount(0);
  await expect(canvas(page)).not.toHaveAttribute('data-overview');
  // (Drawn: a level edge's box has no height once its end circles step back, so not "visible" to Playwright.)
  await expect(edges(page).first().locator('path.ng-edge')).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+ C/);
  await expect(page.locator('.ng-node__title').first()).toBeVisible();
});

/** Where an edge's path starts and ends on screen, and the centres of the two ports it joins. */
async function edgeEnds(page: Page, edgeId: string) {
  return page.evaluate((id) => {
    const path = document.querySelector<SVGPathElement>(`[data-id="${id}"] path.react-flow__edge-path`);
    if (!path) return null;
    const m = path.getScreenCTM()!;
    const at = (len: number) =>
      new DOMPoint(path.getPointAtLength(len).x, path.getPointAtLength(len).y).matrixTransform(m);
    return { start: at(0), end: at(path.getTotalLength()) };
  }, edgeId);
}

async function portCentre(page: Page, nodeId: string, side: 'in' | 'out') {
  const box = (await node(page, nodeId).getByTestId(`port-${side}-${side}`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('far away a big network is plain cards; zoomed in, its edges meet the ports exactly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openGrid(page);
  // Opened fitted, far away: every node is a plain card, in its family colour, named on hover.
  await expect(page.locator('.ng-node--plain')).toHaveCount(300);
  await expect(page.locator('.ng-node__title')).toHaveCount(0);
  await expect(node(page, 'n5_12')).toHaveAttribute('title', 'Neuron');
  await expect(node(page, 'n5_12')).toHaveClass(/family-neurons/);

  // Zoomed in, an edge leaves its source's port and enters its target's where they are drawn.
  await zoomInTo(page, 0.6);
  await expect(page.locator('.ng-node--plain')).toHaveCount(0);
  const edge = page.locator('.react-flow__edge:has(path[data-source="n5_12"][data-target="n6_13"])');
  await expect(edge).toBeAttached();
  const [edgeId, source, target] = [(await edge.getAttribute('data-id'))!, 'n5_12', 'n6_13'];
  const ends = (await edgeEnds(page, edgeId))!;
  const out = await portCentre(page, source, 'out');
  const into = await portCentre(page, target, 'in');
  expect(Math.abs(ends.start.y - out.y)).toBeLessThan(1);
  expect(Math.abs(ends.end.y - into.y)).toBeLessThan(1);
});

test('nodes first drawn far away have their edges at their ports, estimated, then measured when zoomed in', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-spiral').click();
  await expect(edges(page).first()).toBeAttached();
  const copied = new Set(await nodeIds(page));
  const edgeCount = await edges(page).count();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  // Far away, paste: the new nodes appear as plain cards, never drawn in full.
  await zoomOutBelow(page, FAR_ZOOM_SMALL);
  await expect(canvas(page)).toHaveAttribute('data-far');
  await page.keyboard.press('Control+v');
  await expect(nodes(page)).toHaveCount(copied.size * 2);
  await expect(page.locator('.ng-node--plain')).toHaveCount(copied.size * 2);
  // Their cards say where their ports are: every edge is drawn, the pasted ones too.
  await expect(page.locator('.react-flow__edge path.react-flow__edge-path')).toHaveCount(edgeCount * 2);

  // The estimate is where the full card will put the port (within 2 px of the graph): nothing jumps.
  const pastedNeurons = await page
    .locator('.ng-node--plain[data-kind="neuron"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('node-'.length)));
  const neuron = pastedNeurons.filter((id) => !copied.has(id))[4];
  const relative = async (port: string) => {
    const z = await zoom(page);
    const card = (await node(page, neuron).boundingBox())!;
    const p = (await node(page, neuron).locator(port).boundingBox())!;
    return { x: (p.x + p.width / 2 - card.x) / z, y: (p.y + p.height / 2 - card.y) / z };
  };
  const estimated = await relative('.ng-port-stub.target');
  await zoomInTo(page, 0.9);
  await expect(node(page, neuron).getByTestId('port-in-in')).toBeAttached();
  const drawn = await relative('[data-testid="port-in-in"]');
  expect(Math.abs(estimated.x - drawn.x)).toBeLessThan(2);
  expect(Math.abs(estimated.y - drawn.y)).toBeLessThan(2);

  // Zoomed in, React Flow has measured the full cards: an edge into the neuron ends on its port exactly.
  const edge = page.locator(`.react-flow__edge:has(path[data-target="${neuron}"])`).first();
  const ends = (await edgeEnds(page, (await edge.getAttribute('data-id'))!))!;
  const into = await portCentre(page, neuron, 'in');
  expect(Math.abs(ends.end.y - into.y)).toBeLessThan(0.5);
});
