/**
 * Each weight label's place along its edge (a t, see label-placement.ts), kept in a small store
 * keyed by edge id. Each edge subscribes to its own t, never to the other edges.
 *
 * Edges report where their ends are (React Flow knows the port positions, the document does not)
 * into a registry of plain records, updated in place, so a drag allocates nothing per frame. The
 * placement pass runs once things have been still for a moment: after a structural change, after a
 * drag, after nodes were measured. During a drag the labels keep their t and follow their edges.
 */
import { create } from 'zustand';
import { type NodeSpec, nodeSpec, useDocument, useSelection, useView } from '../../store';
import { perId } from '../../store/per-id';
import { useOverlay, useTraining } from '../../store/training-app';
import type { NodeOverlay } from '../../store/training-overlay';
import { nodePrintedKey, type PrintedRow } from '../training/printed';
import { printedBlockWidth } from './block-text';
import {
  type Box,
  DEFAULT_LABEL_T,
  type EdgeEnds,
  type LabelSize,
  type LabelSlot,
  placeLabelSlots,
  placeMostLabelSlots,
  portRims,
} from './label-placement';
import { estimateNodeSize } from './node-size';
import { type BlockSide, blockBox, type NumberBlock, numberScale, placeBlocks } from './number-blocks';
import { chipBox, chipMinWidth, showsTitleChips, withChip } from './title-chips';

/**
 * A training label (w, ∂ and Δ stacked at 11.5 px) on screen, in px: a line of 9 characters
 * ("∂0.005109", the circle's) is 75 px wide with the label's padding and border; a rarer longer
 * one ("∂−1.131e−3") reaches a few px past. Fixed, not measured: a label's text changes at every training step, and labels that moved
 * whenever their numbers grew a digit could not be followed. In flow units it is this times
 * numberScale(zoom): labels keep their size on screen as the view zooms out.
 */
const LABEL_SIZE: LabelSize = { width: 75, height: 50 };
/**
 * The share of a label that may lie over cards: a label over a card's rim still reads (labels are
 * drawn above the cards), one over the middle of a card hides what the card says. Beyond this
 * the label shows only while its neuron is in focus.
 */
const MAX_NODE_COVER = 0.5;
/**
 * How far either way of a card's side its ports reach, on screen (px): the handle a port is drawn
 * as (11–14 px, node.css), so a label never hides one. (Its 24 px touch area may lie under a
 * label's rim: a label there would leave too little room between the columns of a wide layer.)
 */
const PORT_REACH = 8;
/** How long things must stay still before labels are placed again (ms). */
const SETTLE_MS = 150;
/**
 * A focused neuron whose labels did not all find room shows them on one line each (w ∂ Δ), tried
 * at points all along their edges: the fan of edges into a neuron of a wide layer has room for a
 * column of one-line labels near their sources, not for labels three lines high.
 */
const LINE_SIZE: LabelSize = { width: 176, height: 22 };
/**
 * Points tried along an edge, near the target first (the port the weight feeds), then outward,
 * then close to either end: a label at the screen size of its numbers needs more places to try
 * than the few of label-placement.ts when two edges run close together across a narrow gap.
 */
const CANDIDATES = [
  0.7, 0.55, 0.82, 0.42, 0.3, 0.62, 0.48, 0.76, 0.36, 0.2, 0.9, 0.12, 0.25, 0.66, 0.86, 0.16,
];
/**
 * Where no point of an edge is free, its label may sit above or below one, joined to it by a leader
 * line: points of the middle of the edge (near the ends, edges fan in and out of ports), at two
 * distances (px on screen, to the label's centre): just clear of the edge, and one label further.
 */
const BESIDE_T = [0.5, 0.35, 0.65, 0.25, 0.75];
const BESIDE_PX = [LABEL_SIZE.height / 2 + 14, LABEL_SIZE.height * 1.5 + 18];
/** The same for a focused label on one line: where a short edge leaves no point clear of its card. */
const FOCUS_BESIDE_T = [0.5, 0.3, 0.7, 0.15, 0.85];
const FOCUS_BESIDE_PX = [LINE_SIZE.height / 2 + 12, LINE_SIZE.height * 1.5 + 16, LINE_SIZE.height * 2.5 + 20];
/**
 * Labels go beside their edges only in a network of at most this many weights: among the crossing
 * edges of wide layers a leader line could not say which edge a label reads (those show in focus).
 */
const BESIDE_MAX_EDGES = 24;

/** Every 4 % of the edge, nearest the ends first (where a fan of edges is spread widest). */
const FOCUS_CANDIDATES = Array.from({ length: 24 }, (_, i) => 0.04 + i * 0.04).sort(
  (a, b) => Math.abs(b - 0.5) - Math.abs(a - 0.5),
);

interface LabelSlots {
  /** null: no free place on that edge (a dense layer); its label shows only while it is selected. */
  t: ReadonlyMap<string, number | null>;
  /** Labels beside their edge: how far from their point (see LabelOffset). */
  offsets: ReadonlyMap<string, LabelOffset>;
  /** Where each node's numbers show; a node absent here has no room for them (shown only in focus). */
  blocks: ReadonlyMap<string, BlockSide>;
  /** The node hovered or (alone) selected: its edges' labels and its numbers show whatever room there is. */
  focus: string | null;
  /** Where the focused node's edges put their labels (placed among themselves). */
  focusT: ReadonlyMap<string, number | null>;
  /** Focused labels placed beside their edge (see LabelOffset). */
  focusOffsets: ReadonlyMap<string, LabelOffset>;
  /** The focused labels are drawn on one line each (there was no room for all of them as they are). */
  focusLine: boolean;
  /** Whether the blocks were placed with numbers to show. */
  placedOnce: boolean;
}

/**
 * A label moved off its edge's point, drawn there with a leader line to the point: dy px on screen
 * below it (above if negative), kept at any zoom like the label's own size.
 */
export interface LabelOffset {
  dy: number;
}

export const useLabelSlots = create<LabelSlots>()(() => ({
  t: new Map(),
  offsets: new Map(),
  blocks: new Map(),
  focus: null,
  focusT: new Map(),
  focusOffsets: new Map(),
  focusLine: false,
  placedOnce: false,
}));

/** The edge's label point; an edge not placed yet (just added) starts near its target. */
export const selectLabelT = perId((id) => (s: LabelSlots) => {
  const focused = s.focusT.get(id);
  if (focused !== undefined) return focused;
  const t = s.t.get(id);
  return t === undefined ? DEFAULT_LABEL_T : t;
});

/**
 * Where the edge's label sits off its point (null: on it): as placed with all labels, or for a
 * focused neuron whose labels were placed again, on one line each, as placed then.
 */
export const selectLabelOffset = perId((id) => (s: LabelSlots): LabelOffset | null => {
  if (s.focusLine && s.focusT.has(id)) return s.focusOffsets.get(id) ?? null;
  return s.offsets.get(id) ?? null;
});

/** Whether the edge's label belongs to the focused node. */
export const selectEdgeInFocus = perId((id) => (s: LabelSlots) => s.focusT.has(id));

/**
 * Where a node's numbers show: where they have room, or while the node is in focus (null: hidden).
 * Before the first placement (no numbers yet) under the node.
 */
export const selectBlockSide = perId((id) => (s: LabelSlots): BlockSide | null => {
  const side = s.blocks.get(id);
  if (side) return side;
  return s.focus === id || !s.placedOnce ? 'below' : null;
});

export const selectFocus = (s: LabelSlots) => s.focus;
export const selectFocusLine = (s: LabelSlots) => s.focusLine;

const ends = new Map<string, EdgeEnds>();
let lastChange = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let watching = false;
/** numberScale of the view the labels were last placed for. */
let scale = 1;
/** numberScale of the view now (placed for at the next pass). */
let latestScale = 1;
let hovered: string | null = null;

function changed(): void {
  lastChange = performance.now();
  if (timer === null) timer = setTimeout(settle, SETTLE_MS);
}

function settle(): void {
  const quiet = performance.now() - lastChange;
  timer = quiet >= SETTLE_MS ? null : setTimeout(settle, SETTLE_MS - quiet);
  if (timer === null) place();
}

function scaled(): LabelSize {
  return { width: LABEL_SIZE.width * scale, height: LABEL_SIZE.height * scale };
}

/**
 * How many rows an overlay entry prints for a node with these output ports, and how wide they are
 * on screen. Entries are replaced whenever their numbers change, so this is kept per entry: a
 * placement (after every drag, every zoom) does not print and re-parse the numbers of every node again.
 */
const printedOf = new WeakMap<NodeOverlay, { ports: string; rows: number; width: number }>();
/** A spec's output ports as nodePrintedKey names them, kept per spec (specs are cached per params). */
const portsOf = new WeakMap<NodeSpec, string>();

function printedBlock(spec: NodeSpec, entry: NodeOverlay | undefined): { rows: number; width: number } {
  if (!entry) return { rows: 0, width: 0 };
  let ports = portsOf.get(spec);
  if (ports === undefined) {
    ports = spec.ports.outputs.map((p) => `${p.id}=${p.label}`).join(',');
    portsOf.set(spec, ports);
  }
  const hit = printedOf.get(entry);
  if (hit && hit.ports === ports) return hit;
  const key = nodePrintedKey(entry, ports);
  const rows = key === null ? [] : (JSON.parse(key) as PrintedRow[]);
  const printed = { ports, rows: rows.length, width: printedBlockWidth(rows) };
  printedOf.set(entry, printed);
  return printed;
}

/**
 * The widest each node's block has been since its numbers started (a block placed for "2" must
 * not cover its neighbour once it reads "1.94"; a block that narrows keeps its room, so it does
 * not move or vanish and come back as its digits come and go).
 */
const widest = new Map<string, number>();
/** The width each node's block was last placed with (see noteBlockWidth). */
let placedWidths: ReadonlyMap<string, number> = new Map();

interface NodeBoxes {
  /** Each node's card (with its name chip) and its block of numbers. */
  blocks: NumberBlock[];
  /** The cards alone (where their ports are). */
  cards: Box[];
  /** The name chips shown (see title-chips.ts): nothing goes over them. */
  chips: Box[];
}

/**
 * Each node's card, its name chip where chips show at the view placed for, and the rows of numbers
 * it prints (its entry in the training overlay) and their width.
 */
function nodeBoxes(): NodeBoxes {
  const { nodes } = useDocument.getState();
  const sizes = useView.getState().sizes;
  const overlay = useOverlay.getState().nodes;
  // Until something ran there are no numbers under the nodes: nothing to keep room for.
  const ran = useTraining.getState().ran;
  const withChips = showsTitleChips(1 / scale, nodes.length);
  const out: NodeBoxes = { blocks: [], cards: [], chips: [] };
  for (const n of nodes) {
    // A card not measured yet (just opened) is about its estimated size: labels must avoid it too.
    const size = sizes.get(n.id) ?? estimateNodeSize(n);
    const spec = nodeSpec(n);
    const card = { x: n.position.x, y: n.position.y, width: size.width, height: size.height };
    let taken: Box = card;
    if (withChips && spec) {
      const chip = chipBox(card, chipMinWidth(n.label || spec.kind.label, spec.kind.icon), scale);
      out.chips.push(chip);
      taken = withChip(card, chip);
    }
    const printed = spec && ran ? printedBlock(spec, overlay.get(n.id)) : { rows: 0, width: 0 };
    const width = Math.max(printed.width, widest.get(n.id) ?? 0);
    if (printed.rows > 0) widest.set(n.id, width);
    out.cards.push(card);
    out.blocks.push({ id: n.id, card: taken, rows: printed.rows, width });
  }
  return out;
}

function edgeOrder(): EdgeEnds[] {
  // In document order, so the same graph gets the same labels whatever order edges mounted in.
  const order: EdgeEnds[] = [];
  const present = new Set<string>();
  for (const e of useDocument.getState().edges) {
    present.add(e.id);
    const at = ends.get(e.id);
    if (at) order.push(at);
  }
  for (const id of ends.keys()) if (!present.has(id)) ends.delete(id);
  return order;
}

/** Where the cards' ports are, at the current view (see portRims). */
function ports(cards: readonly Box[]): Box[] {
  return cards.flatMap((c) => portRims(c, PORT_REACH * scale));
}

/** The box around `boxes` (an empty one for none). */
function around(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** No label and no block of numbers anywhere: forget where they were. */
function clearPlacement(): void {
  placedWidths = new Map();
  const old = useLabelSlots.getState();
  if (old.t.size > 0 || old.offsets.size > 0 || old.blocks.size > 0)
    useLabelSlots.setState({ t: new Map(), offsets: new Map(), blocks: new Map() });
  placeFocus();
}

function place(): void {
  scale = latestScale;
  const edges = edgeOrder();
  // Nothing to place: no edge shows a weight label and nothing has run, so no node prints numbers
  // (a big network just opened, seen from far). The passes below would still index every card and
  // port: 0.3–0.8 s of one task for 5,000 nodes on a busy machine.
  if (edges.length === 0 && !useTraining.getState().ran) {
    clearPlacement();
    return;
  }
  const { blocks, cards: bare, chips } = nodeBoxes();
  placedWidths = new Map(blocks.map((b) => [b.id, b.width ?? 0]));
  if (edges.length === 0 && blocks.every((b) => b.rows === 0)) {
    clearPlacement();
    return;
  }
  const cards = blocks.map((b) => b.card);
  const { shown } = placeBlocks(blocks, scale);
  // A small network (leader lines allowed) tries a few orders and moves labels aside to make room.
  const placeAll = edges.length <= BESIDE_MAX_EDGES ? placeMostLabelSlots : placeLabelSlots;
  const slots = placeAll(edges, cards, scaled(), {
    reserved: [...[...shown.values()].map((b) => b.box), ...ports(bare), ...chips],
    maxNodeCover: MAX_NODE_COVER,
    candidates: CANDIDATES,
    beside:
      edges.length <= BESIDE_MAX_EDGES
        ? {
            ts: BESIDE_T,
            distances: BESIDE_PX.map((d) => d * scale),
            within: around([...cards, ...[...shown.values()].map((b) => b.box)]),
          }
        : undefined,
  });
  const t = new Map([...slots].map(([id, slot]) => [id, slot === null ? null : slot.t]));
  const old = useLabelSlots.getState();
  const offsets = offsetsOf(slots, old.offsets);
  const sides = new Map([...shown].map(([id, b]) => [id, b.side]));
  const next: Partial<LabelSlots> = {};
  if (!sameMap(t, old.t)) next.t = t;
  if (!sameMap(offsets, old.offsets)) next.offsets = offsets;
  if (!sameMap(sides, old.blocks)) next.blocks = sides;
  if (!old.placedOnce && blocks.some((b) => b.rows > 0)) next.placedOnce = true;
  if (Object.keys(next).length > 0) useLabelSlots.setState(next);
  placeFocus();
}

/**
 * The focused node's edges, placed among themselves (the other labels fade behind them) around
 * its cards and its own numbers, all of them shown.
 */
function placeFocus(): void {
  const focus = hovered ?? selectedNode();
  const old = useLabelSlots.getState();
  if (focus === null) {
    if (old.focus !== null || old.focusT.size > 0)
      useLabelSlots.setState({ focus: null, focusT: new Map(), focusOffsets: new Map(), focusLine: false });
    return;
  }
  const mine = new Set<string>(
    useDocument
      .getState()
      .edges.filter((e) => e.source === focus || e.target === focus)
      .map((e) => e.id),
  );
  const edges = edgeOrder().filter((e) => mine.has(e.id));
  // Where all its labels already have a place, focus only fades the others.
  if (edges.every((e) => typeof old.t.get(e.id) === 'number')) {
    const focusT = new Map(edges.map((e) => [e.id, old.t.get(e.id) ?? null]));
    if (old.focus === focus && !old.focusLine && sameMap(focusT, old.focusT)) return;
    useLabelSlots.setState({ focus, focusT, focusOffsets: new Map(), focusLine: false });
    return;
  }
  // Its outgoing edges first: they are few and short (to the next layer's neurons), so the many
  // incoming ones, which have room all along their length, fit around them.
  const out = new Set(
    useDocument
      .getState()
      .edges.filter((e) => e.source === focus)
      .map((e) => e.id as string),
  );
  edges.sort((a, b) => Number(out.has(b.id)) - Number(out.has(a.id)));
  const { blocks, cards: bare, chips } = nodeBoxes();
  const own = blocks.find((b) => b.id === focus);
  const side = old.blocks.get(focus) ?? 'below';
  // Its numbers count as a label, and so do the names on the cards; its own card is worse to cover
  // than any label (see `forbidden`).
  const reserved: Box[] = [...ports(bare), ...chips];
  if (own && own.rows > 0) reserved.push(blockBox(own.card, own.rows, scale, side, own.width));
  const slots = placeLabelSlots(
    edges,
    blocks.map((b) => b.card),
    { width: LINE_SIZE.width * scale, height: LINE_SIZE.height * scale },
    {
      reserved,
      forbidden: own ? [own.card] : [],
      candidates: FOCUS_CANDIDATES,
      force: true,
      beside: { ts: FOCUS_BESIDE_T, distances: FOCUS_BESIDE_PX.map((d) => d * scale) },
    },
  );
  const focusT = new Map([...slots].map(([id, slot]) => [id, slot === null ? null : slot.t]));
  const focusOffsets = offsetsOf(slots, old.focusOffsets);
  if (
    old.focus === focus &&
    old.focusLine &&
    sameMap(focusT, old.focusT) &&
    sameMap(focusOffsets, old.focusOffsets)
  )
    return;
  useLabelSlots.setState({ focus, focusT, focusOffsets, focusLine: true });
}

/** The slots placed beside their edge, as offsets on screen; an unchanged one keeps its object (no re-render). */
function offsetsOf(
  slots: ReadonlyMap<string, LabelSlot | null>,
  old: ReadonlyMap<string, LabelOffset>,
): Map<string, LabelOffset> {
  const offsets = new Map<string, LabelOffset>();
  for (const [id, slot] of slots) {
    if (slot === null || slot.dy === 0) continue;
    const dy = Math.round(slot.dy / scale);
    const was = old.get(id);
    offsets.set(id, was && was.dy === dy ? was : { dy });
  }
  return offsets;
}

function selectedNode(): string | null {
  const { nodes, edges } = useSelection.getState();
  return nodes.size === 1 && edges.size === 0 ? [...nodes][0] : null;
}

/**
 * The view zoomed: labels keep their screen size, so they are placed again for their new size once
 * the view is still (a fit glides: a placement made on the way, at a zoom a few percent off, would
 * leave labels placed edge to edge a pixel over each other at the end).
 */
export function showLabelZoom(zoom: number): void {
  latestScale = numberScale(zoom);
  if (Math.abs(latestScale - scale) / scale < 0.002) return;
  changed();
}

/** The pointer entered or left node `id`: it is the focus while hovered. */
export function hoverFocus(id: string, inside: boolean): void {
  const next = inside ? id : hovered === id ? null : hovered;
  if (hovered === next) return;
  hovered = next;
  watch();
  placeFocus();
}

/** Node moves and resizes shift what labels must avoid, even for edges whose ends stayed put. */
function watch(): void {
  if (watching) return;
  watching = true;
  useDocument.subscribe((s, prev) => {
    // A node under the pointer that went with its document left no pointerleave behind: a node of
    // the same id in the new one would hold the focus.
    if (s.loads !== prev.loads) {
      hovered = null;
      widest.clear();
    }
    if (s.nodes !== prev.nodes || s.edges !== prev.edges) changed();
  });
  useView.subscribe(changed);
  // A new training run may print more or fewer rows under a node, and other numbers.
  useOverlay.subscribe((s, prev) => {
    if (s.loadId === prev.loadId) return;
    widest.clear();
    changed();
  });
  useTraining.subscribe((s, prev) => {
    if (s.ran === prev.ran) return;
    if (!s.ran) widest.clear();
    changed();
  });
  useSelection.subscribe((s, prev) => {
    if (s.nodes !== prev.nodes || s.edges !== prev.edges) placeFocus();
  });
}

/**
 * Called by an edge that shows a weight, whenever its ends move. An edge scrolled out of view (a big
 * network draws only what is visible) keeps its record, so panning changes no label's place; records
 * of deleted edges go at the next pass.
 */
export function reportEdgeEnds(id: string, sx: number, sy: number, tx: number, ty: number): void {
  watch();
  const at = ends.get(id);
  if (!at) {
    ends.set(id, { id, sx, sy, tx, ty });
    changed();
  } else if (at.sx !== sx || at.sy !== sy || at.tx !== tx || at.ty !== ty) {
    at.sx = sx;
    at.sy = sy;
    at.tx = tx;
    at.ty = ty;
    changed();
  }
}

/**
 * Called by a node that prints numbers under it: where they go is decided by the same pass, which
 * must run even in a graph with no weight to report its ends (the chain rule's expression, where
 * every block left under its card covered the card under it).
 */
export function reportNodeNumbers(): void {
  if (watching) return;
  watch();
  changed();
}

/**
 * Called by a node's block of numbers whenever what it prints changes, with its width on screen:
 * a block grown past the room it was placed with (a number with more digits) is placed again,
 * once things are still, so it never covers a neighbour for long.
 */
export function noteBlockWidth(id: string, width: number): void {
  const placed = placedWidths.get(id);
  if (placed !== undefined && width > placed + 0.5) changed();
}

/** Called when an edge stops showing a weight (its target is no longer a neuron). */
export function forgetEdgeEnds(id: string): void {
  if (ends.delete(id)) changed();
}
