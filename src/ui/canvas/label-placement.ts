/**
 * Where along its edge each weight label goes, chosen for all labels at once so that no label
 * covers another or a node where that can be avoided.
 *
 * A fixed point (say 70% of the way, near the input port the weight belongs to) fails where it
 * matters most: edges into one neuron from neighbouring ports run a few pixels apart all the way, so
 * their labels stack; edges out of one port crowd near the source the same way. No single t works
 * for every edge, so each edge tries a few points of its own curve (near the target first) and
 * keeps the first that covers no label and no node, else the one covering the least of the nodes
 * (a label over a card's rim is still read and clicked; a label under another is not). The result
 * is a t per edge: a label keeps it while a node is dragged (it follows its edge, computed from t
 * each frame) and the pass runs again once the drag is over. Pure: no DOM, no React; the caller supplies endpoints and node boxes.
 *
 * Two edges from neighbouring ports into one port (XOR's x1 and x2 into a hidden neuron) run a few
 * pixels apart their whole length: there is room along them for one label, not two. Beside them
 * there is room to spare, so where no point of the curve is free a label may sit a little above or
 * below a point of it, joined to it by a short leader line (placeLabelSlots, option `beside`).
 */
import { pointAlongEdge } from './edge-geometry';

/** The label point of an edge that was never placed: near the target, where fans into a neuron open up. */
export const DEFAULT_LABEL_T = 0.7;

/** Points tried along an edge, best first: near the target (the port the weight feeds), then outward. */
const CANDIDATES = [0.7, 0.55, 0.82, 0.42, 0.3, 0.62, 0.48, 0.76, 0.36, 0.2];

export interface EdgeEnds {
  id: string;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Label size in flow units: wide enough for a training label (value over ∂ and Δ). */
export interface LabelSize {
  width: number;
  height: number;
}

const CELL = 64;
function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Cell coordinates are clamped to ±2^20: far beyond any canvas, and one key per cell stays exact. */
const REACH = 2 ** 20;
/** A box over more cells than this is kept in a list of its own, checked by every lookup. */
const MAX_CELLS_PER_BOX = 1024;
const cellOf = (v: number) => Math.max(-REACH, Math.min(REACH - 1, Math.floor(v / CELL)));

/**
 * A uniform grid of boxes, so each test looks at its neighbours only (a thousand labels stay cheap).
 * Any finite (or infinite) coordinate works: a node at y = 1e20 lands in the last row of cells
 * instead of looping forever (beyond 2^53, y++ no longer advances), and a huge box is not spread
 * over billions of cells. Overlaps are always measured on the boxes themselves, so this changes no
 * answer; a NaN box covers nothing.
 */
export class Grid {
  private cells = new Map<number, number[]>();
  private boxes: Box[] = [];
  private large: number[] = [];

  add(box: Box): void {
    const index = this.boxes.length;
    this.boxes.push(box);
    if (
      !this.forCells(box, (key) => {
        const cell = this.cells.get(key);
        if (cell) cell.push(index);
        else this.cells.set(key, [index]);
      })
    )
      this.large.push(index);
  }

  /** The area of `box` covered by boxes already in the grid (overlaps counted each). */
  cost(box: Box): number {
    const seen = new Set<number>();
    let total = 0;
    const count = (i: number) => {
      if (seen.has(i)) return;
      seen.add(i);
      total += overlapArea(box, this.boxes[i]);
    };
    for (const i of this.large) count(i);
    if (!this.forCells(box, (key) => this.cells.get(key)?.forEach(count))) {
      for (let i = 0; i < this.boxes.length; i++) count(i);
    }
    return total;
  }

  /** Visits the cells `box` covers; false (visiting none) when there are too many of them. */
  private forCells(box: Box, visit: (key: number) => void): boolean {
    const x0 = cellOf(box.x);
    const x1 = cellOf(box.x + box.width);
    const y0 = cellOf(box.y);
    const y1 = cellOf(box.y + box.height);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS_PER_BOX) return false;
    // One number per cell (no string per lookup).
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) visit((x + REACH) * 2 * REACH + y + REACH);
    return true;
  }
}

function labelBox(e: EdgeEnds, t: number, size: LabelSize): Box {
  const p = pointAlongEdge(e.sx, e.sy, e.tx, e.ty, t);
  return { x: p.x - size.width / 2, y: p.y - size.height / 2, width: size.width, height: size.height };
}

/** Where a label sits: at point t of its edge, moved down by dy in flow units (up if negative; a leader line joins them). */
export interface LabelSlot {
  t: number;
  dy: number;
}

/** Points of an edge a label may sit beside, and how far above or below them (flow units). */
export interface BesideOptions {
  ts: readonly number[];
  /** Vertical distances from the point to the label's centre, nearest first; each tried up and down. */
  distances: readonly number[];
  /**
   * The box a label beside its edge must stay in: the network's own (a view fitted to the network
   * shows it, and a label pushed above the top row would be cut off at the top of the canvas).
   */
  within?: Box;
}

/**
 * The strips of a card where its ports are: its left side (inputs) and its right side (outputs),
 * `reach` either way of the rim. A label may lie over a card's rim, never over a port there: a
 * port under a label can be neither seen nor clicked to connect.
 */
export function portRims(card: Box, reach: number): Box[] {
  return [
    { x: card.x - reach, y: card.y, width: 2 * reach, height: card.height },
    { x: card.x + card.width - reach, y: card.y, width: 2 * reach, height: card.height },
  ];
}

export interface PlaceOptions {
  /** Boxes labels must not cover, as if they were labels already placed (a node's numbers). */
  reserved?: readonly Box[];
  /** Points tried along each edge, best first (default: CANDIDATES). */
  candidates?: readonly number[];
  /**
   * Every edge gets a t, even where each point covers a label: the one covering the least of the
   * labels, then of the nodes. For the few labels of a focused neuron, which must all show.
   */
  force?: boolean;
  /** The largest share of a label's area that may cover nodes (default: any); beyond it, no place. */
  maxNodeCover?: number;
  /**
   * Boxes a label covers only where every point would (force): worse than covering any label. The
   * focused neuron's card: a label over it takes the pointer off the neuron it focuses, and a click
   * in the middle of the card would select the label's edge instead of the neuron.
   */
  forbidden?: readonly Box[];
  /**
   * Where no point of the edge is free, try points beside it (placeLabelSlots only): the first that
   * covers no label and no node wins; a label over part of a card comes after all of these.
   */
  beside?: BesideOptions;
  /**
   * Each edge's own points for all edges first, then the places beside them for the edges left
   * (unforced only; default: each edge tries both before the next edge).
   */
  besideLast?: boolean;
}

/** A covered label costs more than any covered node: a label under another cannot be read. */
const LABEL_COST = 1e9;
/** A covered forbidden box costs more than any covered label. */
const FORBIDDEN_COST = 1e15;

/**
 * A t per edge (see pointAlongEdge) where a label of `size` centred there covers no other label and
 * as little of the `nodes` as it can, or null where every point of the edge would cover a label
 * already placed: in a dense layer there is not room for all, and a pile of labels is worse than
 * none (that edge's label shows while it is selected or its neuron is focused). Edges are placed in
 * the order given, so the same input gets the same answer.
 */
export function placeLabels(
  edges: readonly EdgeEnds[],
  nodes: readonly Box[],
  size: LabelSize,
  options: Omit<PlaceOptions, 'beside'> = {},
): Map<string, number | null> {
  const slots = placeLabelSlots(edges, nodes, size, options);
  return new Map([...slots].map(([id, slot]) => [id, slot === null ? null : slot.t]));
}

/** As placeLabels, with a label possibly beside its edge (options.beside): a slot per edge, or null. */
export function placeLabelSlots(
  edges: readonly EdgeEnds[],
  nodes: readonly Box[],
  size: LabelSize,
  options: PlaceOptions = {},
): Map<string, LabelSlot | null> {
  const nodeGrid = new Grid();
  for (const n of nodes) nodeGrid.add(n);
  const labelGrid = new Grid();
  for (const r of options.reserved ?? []) labelGrid.add(r);
  const forbiddenGrid = new Grid();
  for (const f of options.forbidden ?? []) forbiddenGrid.add(f);
  const candidates = options.candidates ?? CANDIDATES;
  const maxCover = (options.maxNodeCover ?? Number.POSITIVE_INFINITY) * size.width * size.height;
  const beside: LabelSlot[] = [];
  for (const t of options.beside?.ts ?? [])
    for (const d of options.beside?.distances ?? []) beside.push({ t, dy: -d }, { t, dy: d });
  const placed = new Map<string, LabelSlot | null>();
  // Every edge's own points first, then places beside the edges for those left without one: a label
  // put beside its edge early would take a point another edge has no other free place than.
  const rounds: ('on' | 'both')[] = options.besideLast && !options.force ? ['on', 'both'] : ['both'];
  for (const round of rounds)
    for (const e of edges) {
      if (placed.get(e.id)) continue;
      let best: LabelSlot | null = null;
      let bestCost = Number.POSITIVE_INFINITY;
      /** Whether `slot` is free (the search ends); else keeps it if it is the best so far. */
      const free = (slot: LabelSlot): boolean => {
        const box = slotBox(e, slot, size);
        const forbidden = forbiddenGrid.cost(box);
        const covered = labelGrid.cost(box);
        if ((covered > 0 || forbidden > 0) && !options.force) return false;
        const onNodes = nodeGrid.cost(box);
        if (onNodes > maxCover && !options.force) return false;
        const cost = forbidden * FORBIDDEN_COST + covered * LABEL_COST + onNodes;
        if (cost < bestCost) {
          best = slot;
          bestCost = cost;
        }
        return cost === 0;
      };
      const found = candidates.some((t) => free({ t, dy: 0 }));
      // Beside the edge where that is free, before a point of it over part of a card (which may hide a port).
      if (!found && round !== 'on')
        for (const slot of beside) {
          const box = slotBox(e, slot, size);
          const within = options.beside?.within;
          if (within && !contains(within, box)) continue;
          // Forced, a place beside competes with the points of the edge on what it covers.
          if (options.force) {
            if (free(slot)) break;
            continue;
          }
          if (labelGrid.cost(box) === 0 && nodeGrid.cost(box) === 0 && forbiddenGrid.cost(box) === 0) {
            best = slot;
            break;
          }
        }
      // An edge left for the round beside its edge keeps no point over part of a card meanwhile.
      if (round === 'on' && best !== null && bestCost > 0 && options.beside) best = null;
      placed.set(e.id, best);
      if (best !== null) labelGrid.add(slotBox(e, best, size));
    }
  return placed;
}

/**
 * As placeLabelSlots, tried with the edges in each of a few orders (and each order with the places
 * beside the edges tried last): the placement that finds room for the most labels wins, the first
 * of equals. One greedy order can give an early edge the only free place of a later one (XOR's
 * fan of four into two neurons fits in document order; the circle's eight into four does not).
 */
export function placeMostLabelSlots(
  edges: readonly EdgeEnds[],
  nodes: readonly Box[],
  size: LabelSize,
  options: PlaceOptions = {},
): Map<string, LabelSlot | null> {
  const downward = [...edges].sort((a, b) => a.ty - b.ty || a.sy - b.sy || a.tx - b.tx);
  const orders = [edges, [...edges].reverse(), downward, [...downward].reverse()];
  let best: Map<string, LabelSlot | null> | null = null;
  let most = -1;
  for (const order of orders)
    for (const besideLast of [false, true]) {
      const slots = makeRoom(
        edges,
        nodes,
        size,
        options,
        placeLabelSlots(order, nodes, size, { ...options, besideLast }),
      );
      const count = [...slots.values()].filter((s) => s !== null).length;
      if (count > most) {
        best = new Map(edges.map((e) => [e.id, slots.get(e.id) ?? null]));
        most = count;
      }
      if (count === edges.length) return best!;
    }
  return best!;
}

/**
 * Labels left without a place get one where a single placed label is in the way and that label
 * has another free place to move to (one step of an augmenting search, repeated while it helps):
 * the greedy pass gives an edge the first free place it finds, which may be the only free place of
 * an edge placed after it. Only places that cover no card, port, node's numbers or label count.
 */
function makeRoom(
  edges: readonly EdgeEnds[],
  nodes: readonly Box[],
  size: LabelSize,
  options: PlaceOptions,
  slots: Map<string, LabelSlot | null>,
): Map<string, LabelSlot | null> {
  if (!options.beside || options.force || [...slots.values()].every((s) => s !== null)) return slots;
  const fixed = new Grid();
  for (const n of nodes) fixed.add(n);
  for (const r of options.reserved ?? []) fixed.add(r);
  for (const f of options.forbidden ?? []) fixed.add(f);
  const within = options.beside.within;
  const tries: LabelSlot[] = [...(options.candidates ?? CANDIDATES)].map((t) => ({ t, dy: 0 }));
  for (const t of options.beside.ts)
    for (const d of options.beside.distances) tries.push({ t, dy: -d }, { t, dy: d });
  /** Each edge's places that cover nothing fixed, with their boxes. */
  const clean = new Map<string, { slot: LabelSlot; box: Box }[]>();
  for (const e of edges)
    clean.set(
      e.id,
      tries
        .map((slot) => ({ slot, box: slotBox(e, slot, size) }))
        .filter(
          ({ slot, box }) => fixed.cost(box) === 0 && (slot.dy === 0 || !within || contains(within, box)),
        ),
    );
  const result = new Map(slots);
  const boxes = new Map<string, Box>();
  for (const e of edges) {
    const slot = result.get(e.id);
    if (slot) boxes.set(e.id, slotBox(e, slot, size));
  }
  const hits = (box: Box, skip: readonly string[]) =>
    [...boxes].filter(([id, b]) => !skip.includes(id) && overlapArea(box, b) > 0).map(([id]) => id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges) {
      if (result.get(e.id)) continue;
      for (const mine of clean.get(e.id)!) {
        const inTheWay = hits(mine.box, []);
        if (inTheWay.length !== 1) continue;
        const other = inTheWay[0];
        const moved = clean
          .get(other)!
          .find((o) => overlapArea(o.box, mine.box) === 0 && hits(o.box, [other]).length === 0);
        if (!moved) continue;
        result.set(other, moved.slot);
        boxes.set(other, moved.box);
        result.set(e.id, mine.slot);
        boxes.set(e.id, mine.box);
        changed = true;
        break;
      }
    }
  }
  return result;
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function slotBox(e: EdgeEnds, slot: LabelSlot, size: LabelSize): Box {
  const box = labelBox(e, slot.t, size);
  return { ...box, y: box.y + slot.dy };
}
