/**
 * A very big network's nodes while React Flow does not hold them (zoomed out, or still coming in
 * slices): a few SVG paths in the viewport (overview-nodes.ts), under React Flow's own nodes. The
 * editor still works on them: a press (or a tap) selects the node under the pointer (Ctrl or ⌘
 * adds or removes it), a drag moves it, Shift+drag from the empty canvas selects every node the box
 * touches, and the pointer's node is named on hover. A selected node is handed to React Flow (flow-elements.ts) and drawn as its card
 * on top, so from then on it is dragged, nudged and edited as any other.
 */
import { type ReactFlowState, useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { memo, type PointerEvent, useEffect, useMemo, useRef } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import type { GraphNode } from '../../engine/graph';
import { getKind } from '../../engine/registry';
import {
  type CompiledState,
  GRID,
  nodeById,
  type Size,
  useCompiled,
  useDocument,
  usePrefs,
  useSelection,
  useView,
} from '../../store';
import { screenToFlow } from '../actions/flow';
import { ViewportPortal } from './edge-label-layer';
import { type FlowNode, useReveal } from './flow-elements';
import { beginGesture, endGesture } from './handlers';
import type { GroupedBox } from './minimap-shapes';
import { nodeBox } from './node-boxes';
import { cardAt, type OverviewCard, overviewNodeShapes } from './overview-nodes';
import { selectWithheld } from './reveal-slices';

const selectNodes = (s: { nodes: GraphNode[] }) => s.nodes;
const selectSizes = (s: { sizes: ReadonlyMap<string, Size> }) => s.sizes;
const selectByNode = (s: CompiledState) => s.byNode;
const selectSelectedNodes = (s: { nodes: ReadonlySet<string> }) => s.nodes;
const selectBoxRect = (s: ReactFlowState) => s.userSelectionRect;

/** How far (px on screen) a press must move before it is a drag, as React Flow's nodes. */
const DRAG_FROM_PX = 1;

const hasError = (list: readonly Diagnostic[] | undefined) => !!list?.some((d) => d.severity === 'error');

/** Each box's card, with and without the error outline, kept while the box is (node-boxes.ts). */
const cardCache = new WeakMap<GroupedBox, { plain?: OverviewCard; error?: OverviewCard }>();

function cardOf(id: string, box: GroupedBox, error: boolean): OverviewCard {
  let kept = cardCache.get(box);
  if (!kept) {
    kept = {};
    cardCache.set(box, kept);
  }
  const key = error ? 'error' : 'plain';
  let card = kept[key];
  if (!card || card.id !== id) {
    card = { ...box, id, error };
    kept[key] = card;
  }
  return card;
}

interface Drag {
  id: string;
  pointerId: number;
  /** Where the press was, on screen and in the flow, and where the node was then. */
  screen: { x: number; y: number };
  flow: { x: number; y: number };
  origin: { x: number; y: number };
  moved: boolean;
}

function OverviewNodesView() {
  const nodes = useDocument(selectNodes);
  const sizes = useView(selectSizes);
  const byNode = useCompiled(selectByNode);
  const selected = useSelection(selectSelectedNodes);
  const withheld = useReveal(selectWithheld);
  const cards = useMemo(() => {
    const list: OverviewCard[] = [];
    if (withheld.size === 0) return list;
    for (const n of nodes) {
      if (!withheld.has(n.id)) continue;
      list.push(cardOf(n.id, nodeBox(n, sizes.get(n.id)), hasError(byNode.get(n.id))));
    }
    return list;
  }, [nodes, sizes, byNode, withheld]);
  const shapes = useMemo(() => overviewNodeShapes(cards, selected), [cards, selected]);
  const latest = useRef(cards);
  latest.current = cards;
  useBoxSelection(latest);
  const drag = useRef<Drag | null>(null);
  const title = useRef<HTMLTitleElement>(null);
  if (cards.length === 0) return null;

  const cardUnder = (e: PointerEvent) => {
    const at = screenToFlow({ x: e.clientX, y: e.clientY });
    return { at, card: cardAt(latest.current, at.x, at.y) };
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const { at, card } = cardUnder(e);
    if (!card) return;
    const selection = useSelection.getState();
    // Held until released: the node pressed becomes a card under the pointer, and a release there
    // would make the click the pane's (the two elements' common ancestor), which clears the selection.
    e.currentTarget.setPointerCapture(e.pointerId);
    // Ctrl or ⌘ adds or removes it, as a click on a card does. (With Shift, React Flow starts a box.)
    if (e.ctrlKey || e.metaKey) {
      selection.applyChanges({ nodes: [{ id: card.id, selected: !selection.nodes.has(card.id) }] });
      return;
    }
    const node = nodeById(useDocument.getState().nodes, card.id);
    if (!node) return;
    selection.select([card.id]);
    drag.current = {
      id: card.id,
      pointerId: e.pointerId,
      screen: { x: e.clientX, y: e.clientY },
      flow: at,
      origin: node.position,
      moved: false,
    };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) {
      // Named on hover, as a plain card is by its title.
      const { card } = cardUnder(e);
      const node = card && nodeById(useDocument.getState().nodes, card.id);
      if (title.current)
        title.current.textContent = node ? node.label || getKind(node.kind)?.label || '' : '';
      return;
    }
    if (!d.moved && Math.hypot(e.clientX - d.screen.x, e.clientY - d.screen.y) < DRAG_FROM_PX) return;
    if (!d.moved) {
      d.moved = true;
      beginGesture();
    }
    const at = screenToFlow({ x: e.clientX, y: e.clientY });
    let x = d.origin.x + at.x - d.flow.x;
    let y = d.origin.y + at.y - d.flow.y;
    if (usePrefs.getState().snapToGrid) {
      x = Math.round(x / GRID) * GRID;
      y = Math.round(y / GRID) * GRID;
    }
    useDocument.getState().moveNodes([{ id: d.id, position: { x, y } }]);
  };
  const onPointerEnd = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (d.moved) endGesture();
  };
  return (
    <ViewportPortal>
      <svg
        className="ng-overview-nodes nopan"
        data-testid="overview-nodes"
        data-drawn={shapes.drawn}
        aria-hidden="true"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      >
        <title ref={title} />
        {shapes.paths.map(({ group, d }) => (
          <path key={group} className={`ng-overview-node family-${group}`} d={d} />
        ))}
        {shapes.errors && <path className="ng-overview-node-error" d={shapes.errors} />}
      </svg>
    </ViewportPortal>
  );
}

/**
 * Shift+drag on the canvas: React Flow selects the nodes it holds that the box touches; this adds
 * the overview's (once selected they are React Flow's, which deselects them if the box leaves them).
 */
function useBoxSelection(cards: { current: readonly OverviewCard[] }): void {
  const box = useFlowStore(selectBoxRect);
  const flow = useStoreApi<FlowNode>();
  useEffect(() => {
    if (!box || (box.width === 0 && box.height === 0)) return;
    const [tx, ty, zoom] = flow.getState().transform;
    const x0 = (box.x - tx) / zoom;
    const y0 = (box.y - ty) / zoom;
    const x1 = x0 + box.width / zoom;
    const y1 = y0 + box.height / zoom;
    const touched = cards.current
      .filter((c) => c.x <= x1 && c.x + c.width >= x0 && c.y <= y1 && c.y + c.height >= y0)
      .map((c) => ({ id: c.id, selected: true }));
    if (touched.length > 0) useSelection.getState().applyChanges({ nodes: touched });
  }, [box, flow, cards]);
}

export const OverviewNodesLayer = memo(OverviewNodesView);
