import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useDocument, useSession } from '../../store';
import { FIT_OPTIONS, takeSavedViewport } from '../actions/flow';
import { fitViewport, type Rect, showsWhole } from './fit-view';
import { BLOCK_GAP, BLOCK_ROW, BLOCK_WIDTH } from './number-blocks';

const selectFitRequest = (s: { fitRequest: number }) => s.fitRequest;
/** What lies over the pane and must not hide a node: the minimap, the zoom buttons, a message at the top. */
const OVER_THE_PANE = '.react-flow__minimap, .react-flow__controls';
const TOAST = '.toast:not(.toast--at-pointer)';
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
    if (request === done.current || !initialized) return;
    done.current = request;
    const saved = takeSavedViewport();
    let frames = 0;
    const tryFit = () => {
      if (done.current !== request) return; // a newer request took over
      const nodes = getNodes();
      // Just opened, the new nodes may not be measured yet: their size is what the fit is made of.
      // (and the flow may not even hold them yet: compare with the document).
      const shown = new Set(nodes.filter((n) => n.measured?.width).map((n) => n.id));
      const waiting = useDocument.getState().nodes.some((n) => !shown.has(n.id));
      if (waiting && frames++ < MAX_WAIT_FRAMES) {
        requestAnimationFrame(tryFit);
        return;
      }
      fitNow(nodes, saved);
    };
    const fitNow = (nodes: ReturnType<typeof getNodes>, saved: ReturnType<typeof takeSavedViewport>) => {
      const pane = document.querySelector<HTMLElement>('.canvas .react-flow');
      if (!pane || nodes.length === 0) return;
      const box = pane.getBoundingClientRect();
      const size = { width: box.width, height: box.height };
      const bounds = getNodesBounds(nodes);
      if (saved && showsWhole(bounds, size, saved)) {
        void setViewport(saved);
        return;
      }
      const obstacles = [...pane.querySelectorAll(OVER_THE_PANE), ...document.querySelectorAll(TOAST)].map(
        (el) => relative(el.getBoundingClientRect(), box),
      );
      const viewport = fitViewport(bounds, size, obstacles, {
        padding: PADDING,
        below: BELOW,
        beside: BESIDE,
        minZoom: 0.1,
        maxZoom: FIT_OPTIONS.maxZoom,
      });
      void setViewport(viewport, { duration: FIT_OPTIONS.duration });
    };
    // Not cancelled when `initialized` flips (it does as the new nodes come in): the wait is for that.
    tryFit();
  }, [request, initialized, getNodes, getNodesBounds, setViewport]);
  return null;
}
