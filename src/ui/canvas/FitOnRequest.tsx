import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { GraphNode } from '../../engine/graph';
import { useDocument, useSession, useView } from '../../store';
import { FIT_OPTIONS, takeSavedViewport } from '../actions/flow';
import { isBigNetwork } from './big-network';
import { estimateNodeSize } from './estimated-handles';
import { fitViewport, type Rect, showsWhole } from './fit-view';
import { BLOCK_GAP, BLOCK_ROW, BLOCK_WIDTH } from './number-blocks';

const selectFitRequest = (s: { fitRequest: number }) => s.fitRequest;
/**
 * What lies over the pane and must not hide a node: the zoom buttons, a message at the top, a
 * narrow screen's panel toggles and open panel, and a big network's minimap. A smaller network's minimap hides while the whole network is in view
 * (SmallMinimap), as it is once fitted: its corner is the network's.
 */
const OVER_THE_PANE = '.react-flow__controls';
const OVER_A_BIG_PANE = '.react-flow__minimap, .react-flow__controls';
/**
 * A message at the top, and on a narrow screen the "Nodes" and "Inspector" toggles over the pane's
 * corners and a panel opened over it (a closed one is only hidden, its box still there).
 */
const OVER_THE_PAGE = [
  '.toast:not(.toast--at-pointer)',
  '.panel-toggle',
  '.app[data-panel="palette"] .app__palette',
  '.app[data-panel="side"] .app__inspector',
].join(', ');
/** Room under the bottom nodes for the numbers printed under them (up to three rows). */
const BELOW = BLOCK_GAP + 3 * BLOCK_ROW;
const PADDING = 16;
/** How long a fit waits for new nodes to be measured (frames). */
const MAX_WAIT_FRAMES = 60;
/** Room beside the outer columns for numbers wider than a card seen small (half a block). */
const BESIDE = BLOCK_WIDTH / 4;

function relative(r: DOMRect, to: DOMRect): Rect {
  return { x: r.left - to.left, y: r.top - to.top, width: r.width, height: r.height };
}

/** The last fit request done (or given up): see fitPending. */
let fitted = 0;

/**
 * Whether a fit was asked for and is not done yet: a big document's nodes wait for it before they
 * come to the canvas (reveal-slices.ts), so they are drawn where they will be seen.
 */
export function fitPending(): boolean {
  return useSession.getState().fitRequest !== fitted;
}

/**
 * The box around a big document's nodes, each at its measured or else its estimated size: its
 * nodes come to React Flow in slices (reveal-slices.ts), and the view is fitted before the rest
 * come, so they are drawn as they will be seen (far away: plain cards).
 */
function documentBounds(nodes: readonly GraphNode[]): Rect {
  const sizes = useView.getState().sizes;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    const size = sizes.get(n.id) ?? estimateNodeSize(n);
    left = Math.min(left, n.position.x);
    top = Math.min(top, n.position.y);
    right = Math.max(right, n.position.x + size.width);
    bottom = Math.max(bottom, n.position.y + size.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Fits the view when asked to, once every node has been measured (a freshly opened example is not
 * yet), into the part of the pane nothing covers (fit-view.ts). A document opened with a saved
 * view keeps it if that view shows the whole network.
 */
export function FitOnRequest() {
  const request = useSession(selectFitRequest);
  const initialized = useNodesInitialized();
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  const done = useRef(0);
  useEffect(() => {
    // A big document's nodes come later (reveal-slices.ts) and are not measured to be fitted.
    if (request === done.current || (!initialized && !isBigNetwork(useDocument.getState().nodes.length)))
      return;
    done.current = request;
    const saved = takeSavedViewport();
    let frames = 0;
    const tryFit = () => {
      if (done.current !== request) return; // a newer request took over
      const all = useDocument.getState().nodes;
      if (isBigNetwork(all.length)) {
        fitNow(documentBounds(all), saved);
        fitted = request;
        return;
      }
      const nodes = getNodes();
      // Just opened, the new nodes may not be measured yet: their size is what the fit is made of.
      // (and the flow may not even hold them yet: compare with the document).
      const shown = new Set(nodes.filter((n) => n.measured?.width).map((n) => n.id));
      const waiting = useDocument.getState().nodes.some((n) => !shown.has(n.id));
      if (waiting && frames++ < MAX_WAIT_FRAMES) {
        requestAnimationFrame(tryFit);
        return;
      }
      if (nodes.length > 0) fitNow(getNodesBounds(nodes), saved);
      fitted = request;
    };
    const fitNow = (bounds: Rect, saved: ReturnType<typeof takeSavedViewport>) => {
      const all = useDocument.getState().nodes;
      const pane = document.querySelector<HTMLElement>('.canvas .react-flow');
      if (!pane) return;
      const box = pane.getBoundingClientRect();
      const size = { width: box.width, height: box.height };
      if (saved && showsWhole(bounds, size, saved)) {
        void setViewport(saved);
        return;
      }
      const over = isBigNetwork(all.length) ? OVER_A_BIG_PANE : OVER_THE_PANE;
      const obstacles = [...pane.querySelectorAll(over), ...document.querySelectorAll(OVER_THE_PAGE)].map(
        (el) => relative(el.getBoundingClientRect(), box),
      );
      const viewport = fitViewport(bounds, size, obstacles, {
        padding: PADDING,
        below: BELOW,
        beside: BESIDE,
        minZoom: 0.1,
        maxZoom: FIT_OPTIONS.maxZoom,
      });
      // A big network jumps: each frame of a glide would draw the nodes coming into view at that zoom.
      void setViewport(viewport, { duration: isBigNetwork(all.length) ? 0 : FIT_OPTIONS.duration });
    };
    // Not cancelled when `initialized` flips (it does as the new nodes come in): the wait is for that.
    // A big network's fit measures the pane in a task of its own, apart from the commit that opened it.
    if (isBigNetwork(useDocument.getState().nodes.length)) setTimeout(tryFit, 0);
    else tryFit();
  }, [request, initialized, getNodes, getNodesBounds, setViewport]);
  return null;
}
