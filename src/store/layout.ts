/**
 * Auto-layout, left to right: dagre ranks the nodes (data on the left, the loss on the right, the
 * optimizer under the loss); each rank is then stacked in a column centred on one line, ordered by
 * where the nodes' inputs sit (then by their previous height), so fully connected layers keep their
 * order and nothing overlaps. A small network gets wide gaps where its weights are (see ROOMY_WEIGHTS).
 * The laid-out graph keeps its top-left corner where it was, so the canvas does not jump away.
 */
import type { GraphEdge, GraphNode, Position } from '../engine/graph';
import { lazy } from '../engine/lazy';
import { topLeft } from './graph-ops';
import type { Size } from './view';

export const DEFAULT_NODE_SIZE: Size = { width: 212, height: 120 };
/**
 * Room between columns for the weight labels of the edges crossing them: two labels side by side
 * (about 70 px each on screen, w, ∂ and Δ stacked), so edges into one neuron from neighbouring
 * ports get their labels apart without covering the ports at either end (see
 * ui/canvas/label-placement.ts). Labels keep their screen size as the view zooms out, so a wider
 * gap also leaves them more room at the zoom a network opens with.
 */
const RANK_GAP = 150;
const NODE_GAP = 28;
/**
 * A network with at most this many weights (edges into neurons) is laid out roomy: every one of
 * its weights' labels should be readable at the view it opens with. Labels keep their size on
 * screen, so what gives them room is a gap that is wide compared with the cards: the network opens
 * smaller, its gaps take more of the screen. A bigger one (the spiral's 88) stays compact and is
 * read neuron by neuron in focus.
 */
const ROOMY_WEIGHTS = 16;
/** More room before a column for each weight crossing into it (up to MOST_WEIGHTS_ROOM of them). */
const PER_WEIGHT = 170;
/**
 * The weights a gap grows for. The circle's eight first-layer weights leave one data node's two
 * neighbouring ports for four neurons: four pairs of edges that run a few pixels apart, each pair
 * with room along it for one label, the other beside it. Eight labels about 70 × 50 px on screen
 * need two columns of them between the data node's numbers and the hidden neurons' (with room
 * for four weights, six of the twelve showed at 1280 × 720).
 */
const MOST_WEIGHTS_ROOM = 8;
/** Between the neurons of a short column: the numbers under each and the labels of edges into them. */
const NEURON_GAP = 200;
/** …less for each neuron beyond two, so a taller column still opens at a zoom cards are drawn at. */
const NEURON_GAP_LESS = 40;
/**
 * Between the nodes of a column with no weights into it in a roomy network (the chain rule's
 * parameters a and b): room for the two rows of numbers printed under the upper one, which
 * otherwise go above it, where they run into the next column's (columns are closer than a block
 * of numbers is wide, at the zoom such a network opens at).
 */
const NUMBERS_GAP = 130;
/**
 * A roomy network's columns of neurons are spread apart until the network is this tall for its
 * width. Wide gaps make it wide and short, and the canvas it opens in is about half as tall as
 * wide (756 × 400 px at 1280 × 720 with the side panels and the training panel open; under it the
 * fit keeps room for the numbers of the bottom row): the room under it was left empty while
 * labels crowded along edges that ran a few pixels apart. Spread, edges into different neurons
 * part early and the numbers under each neuron have room, at the same zoom (the width still
 * decides it).
 */
const ROOMY_ASPECT = 0.5;

/**
 * dagre, loaded on the first layout (opening an example, Build MLP, Auto-layout, the gallery's
 * thumbnails): wrap a call to layoutPositions in `withLibraries([layoutLibrary], …)` or a LazyView.
 */
export const layoutLibrary = lazy('the layout engine', () => import('@dagrejs/dagre').then((m) => m.default));

/** Where auto-layout puts each node. Needs `layoutLibrary` loaded (throws otherwise). */
export function layoutPositions(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  sizes: ReadonlyMap<string, Size>,
): Map<string, Position> {
  const result = new Map<string, Position>();
  if (nodes.length === 0) return result;
  const size = (id: string) => sizes.get(id) ?? DEFAULT_NODE_SIZE;
  const ids = new Set<string>(nodes.map((n) => n.id));
  const inner = edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  // Nodes wired to nothing would all share dagre's first rank: one tall column. They go in a grid
  // of their own instead, under the connected part (or alone, as square as it gets).
  const wired = new Set<string>(inner.flatMap((e) => [e.source, e.target]));
  const loose = nodes.filter((n) => !wired.has(n.id));
  if (loose.length > 1) {
    const connected = nodes.filter((n) => wired.has(n.id));
    const placed =
      connected.length > 0 ? layoutPositions(connected, inner, sizes) : new Map<string, Position>();
    const corner = topLeft(nodes);
    let bottom = corner.y;
    for (const n of connected)
      bottom = Math.max(bottom, placed.get(n.id)!.y + size(n.id).height + RANK_GAP / 2);
    const perRow = Math.ceil(Math.sqrt(loose.length));
    let y = connected.length > 0 ? bottom : corner.y;
    for (let i = 0; i < loose.length; i += perRow) {
      const row = loose.slice(i, i + perRow);
      let x = corner.x;
      for (const n of row) {
        placed.set(n.id, { x: Math.round(x), y: Math.round(y) });
        x += size(n.id).width + NODE_GAP * 2;
      }
      y += Math.max(...row.map((n) => size(n.id).height)) + NODE_GAP * 2;
    }
    return placed;
  }

  const dagre = layoutLibrary.current();
  if (!dagre) throw new Error('layoutPositions: the layout engine has not loaded yet');
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { ...size(n.id) });
  for (const e of inner) g.setEdge(e.source, e.target);
  dagre.layout(g);

  // Columns: nodes dagre put at the same x.
  const columns = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const x = Math.round(g.node(n.id).x);
    const column = columns.get(x);
    if (column) column.push(n);
    else columns.set(x, [n]);
  }
  const sources = new Map<string, string[]>();
  for (const e of inner) {
    const list = sources.get(e.target);
    if (list) list.push(e.source);
    else sources.set(e.target, [e.source]);
  }
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const centre = new Map<string, number>();
  const kinds = new Map(nodes.map((n) => [n.id as string, n.kind]));
  const weights = inner.filter((e) => kinds.get(e.target) === 'neuron');
  const roomy = weights.length <= ROOMY_WEIGHTS;
  const weightsInto = new Map<string, number>();
  for (const e of weights) weightsInto.set(e.target, (weightsInto.get(e.target) ?? 0) + 1);
  let right = Number.NEGATIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let previous: { x: number; bottom: number } | null = null;
  /** Columns of neurons only, two or more: what spreadToAspect may spread. */
  const spreadable: GraphNode[][] = [];
  for (const dagreX of [...columns.keys()].sort((a, b) => a - b)) {
    const column = columns.get(dagreX)!;
    const columnWidth = Math.max(...column.map((n) => size(n.id).width));
    const crossing = column.reduce((sum, n) => sum + (weightsInto.get(n.id) ?? 0), 0);
    const rankGap = roomy ? RANK_GAP + PER_WEIGHT * Math.min(crossing, MOST_WEIGHTS_ROOM) : RANK_GAP;
    // Optimizers go under the column before them (the loss): a column of their own would make the
    // whole network smaller on screen for a node that has no numbers to show.
    if (previous && column.every((n) => n.kind.startsWith('opt.'))) {
      let top: number = previous.bottom + 2 * NODE_GAP;
      for (const n of column) {
        const { width, height } = size(n.id);
        result.set(n.id, { x: previous.x - width / 2, y: top });
        centre.set(n.id, top + height / 2);
        top += height + NODE_GAP;
      }
      previous = { x: previous.x, bottom: top - NODE_GAP };
      continue;
    }
    const x = right === Number.NEGATIVE_INFINITY ? dagreX : right + rankGap + columnWidth / 2;
    right = x + columnWidth / 2;
    left = Math.min(left, x - columnWidth / 2);
    const neurons = roomy && column.length > 1 && column.every((n) => kinds.get(n.id) === 'neuron');
    if (neurons) spreadable.push(column);
    const numbers = roomy && crossing === 0 && column.length > 1;
    const gap = neurons
      ? Math.max(NODE_GAP, NEURON_GAP - NEURON_GAP_LESS * (column.length - 2))
      : numbers
        ? NUMBERS_GAP
        : NODE_GAP;
    const key = (n: GraphNode) => {
      const placed = (sources.get(n.id) ?? []).map((s) => centre.get(s)).filter((c) => c !== undefined);
      return placed.length > 0 ? placed.reduce((a, b) => a + b, 0) / placed.length : null;
    };
    const keys = new Map(column.map((n) => [n.id, key(n)]));
    column.sort((a, b) => {
      const ka = keys.get(a.id);
      const kb = keys.get(b.id);
      if (ka != null && kb != null && ka !== kb) return ka - kb;
      return a.position.y - b.position.y || index.get(a.id)! - index.get(b.id)!;
    });
    const total = column.reduce((s, n) => s + size(n.id).height, 0) + gap * (column.length - 1);
    let top = -total / 2;
    for (const n of column) {
      const { width, height } = size(n.id);
      centre.set(n.id, top + height / 2);
      result.set(n.id, { x: x - width / 2, y: top });
      top += height + gap;
    }
    previous = { x, bottom: top - gap };
  }
  spreadToAspect(spreadable, result, size, ROOMY_ASPECT * (right - left));

  // Keep the graph's top-left corner where it was.
  const corner = topLeft(nodes);
  const minX = Math.min(...[...result.values()].map((p) => p.x));
  const minY = Math.min(...[...result.values()].map((p) => p.y));
  for (const [id, p] of result) {
    result.set(id, { x: Math.round(p.x - minX + corner.x), y: Math.round(p.y - minY + corner.y) });
  }
  return result;
}

/**
 * Spreads each column (centred on y = 0, in order) with equal gaps to `height` from the top of its
 * first card to the bottom of its last, where it is shorter: a roomy network gets as tall as the
 * canvas it opens in has room for (ROOMY_ASPECT).
 */
function spreadToAspect(
  columns: readonly GraphNode[][],
  placed: Map<string, Position>,
  size: (id: string) => Size,
  height: number,
): void {
  for (const column of columns) {
    const sorted = [...column].sort((a, b) => placed.get(a.id)!.y - placed.get(b.id)!.y);
    const cards = sorted.reduce((sum, n) => sum + size(n.id).height, 0);
    const first = placed.get(sorted[0].id)!;
    const last = sorted[sorted.length - 1];
    const now = placed.get(last.id)!.y + size(last.id).height - first.y;
    if (now >= height) continue;
    const gap = (height - cards) / (sorted.length - 1);
    let top = -height / 2;
    for (const n of sorted) {
      placed.set(n.id, { x: placed.get(n.id)!.x, y: top });
      top += size(n.id).height + gap;
    }
  }
}
