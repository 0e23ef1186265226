/**
 * WCAG 2.5.8 on the canvas: at the view every example opens with, on a 1024 × 768 tablet and a
 * 1280 × 720 laptop, each port and each edge end a press can land on is a target of at least
 * 24 × 24 px (measured as the element that takes the press), and no two targets cover one another.
 * A column of ports closer together than that is one target, which offers its ports by a tap; edge
 * ends that meet share one grab circle, which offers their connections by a tap.
 */
import { expect, type Page, test } from '@playwright/test';
import { EXAMPLES } from '../src/engine/examples';
import { viewSettled } from './helpers';

test.describe.configure({ timeout: 240_000 });

interface Target {
  what: string;
  box: { left: number; top: number; right: number; bottom: number };
}

/**
 * Every port's target (what a press at its centre lands on, under the weights' labels, which label
 * placement may put over it) and every edge end's grab circle, on screen.
 */
async function targets(page: Page): Promise<{ targets: Target[]; problems: string[] }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const found = new Map<Element, string>();
    const onScreen = (x: number, y: number) => x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
    for (const handle of document.querySelectorAll('.react-flow__handle.ng-handle')) {
      const r = handle.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (!onScreen(x, y)) continue;
      const name = handle.getAttribute('aria-label') ?? '?';
      const under = document.elementsFromPoint(x, y).find((e) => !e.closest('.ng-weight'));
      // Something above the canvas there (a panel, the minimap): not a port a press can reach.
      if (!under?.closest('.react-flow__node, .react-flow__pane, .react-flow__edges')) continue;
      const side = handle.classList.contains('target') ? 'target' : 'source';
      const ownArea = under.closest('.react-flow__handle') === handle;
      const column = under.closest(`.ng-port-column--${side}`);
      const sameNode = column?.closest('.react-flow__node') === handle.closest('.react-flow__node');
      if (!ownArea && !(column && sameNode)) {
        problems.push(`${name}: a press at its centre lands on ${under.className}`);
        continue;
      }
      found.set(column ?? under, column ? `ports of ${name}` : name);
    }
    for (const end of document.querySelectorAll('.react-flow__edgeupdater')) {
      const r = end.getBoundingClientRect();
      // One of several ends that share a circle, stepped back (not drawn, nothing to press).
      if (r.width === 0) continue;
      if (!onScreen(r.left + r.width / 2, r.top + r.height / 2)) continue;
      const edge = end.closest('.react-flow__edge')?.getAttribute('aria-label') ?? '?';
      found.set(
        end,
        `${end.classList.contains('react-flow__edgeupdater-source') ? 'start' : 'end'} of ${edge}`,
      );
    }
    const targets = [...found].map(([el, what]) => {
      const r = el.getBoundingClientRect();
      return {
        what,
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    });
    return { targets, problems };
  });
}

const box = (t: Target) =>
  `${Math.round(t.box.left)},${Math.round(t.box.top)}–${Math.round(t.box.right)},${Math.round(t.box.bottom)}`;

/** How far two boxes cover each other (px, the smaller of the two overlaps; ≤ 0: apart). */
function overlap(a: Target['box'], b: Target['box']): number {
  return Math.min(
    Math.min(a.right, b.right) - Math.max(a.left, b.left),
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top),
  );
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`at ${viewport.width} × ${viewport.height}, every example opens with ports and edge ends that are 24 px targets, apart`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    for (const example of EXAMPLES) {
      const name = page.getByTestId('document-name');
      const before = await name.inputValue();
      await page.getByRole('button', { name: 'Examples', exact: true }).click();
      await page.getByTestId(`example-${example.id}`).click();
      await expect(name).not.toHaveValue(before);
      await viewSettled(page);
      const { targets: found, problems } = await targets(page);
      // The ¼ px: --ng-zoom follows the zoom in 2 % steps (touch-targets.ts).
      for (const t of found) {
        const width = t.box.right - t.box.left;
        const height = t.box.bottom - t.box.top;
        if (width < 23.75 || height < 23.75) problems.push(`${t.what}: ${width} × ${height} px`);
      }
      for (let i = 0; i < found.length; i++) {
        for (let j = i + 1; j < found.length; j++) {
          if (overlap(found[i].box, found[j].box) > 0.5)
            problems.push(`${found[i].what} covers ${found[j].what} (${box(found[i])} and ${box(found[j])})`);
        }
      }
      expect(problems, `${example.id}: ${problems.length} problems`).toEqual([]);
    }
  });
}
