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
import { useDocument, useView } from '../../store';
import { perId } from '../../store/per-id';
import { type Box, DEFAULT_LABEL_T, type EdgeEnds, type LabelSize, placeLabels } from './label-placement';

/**
 * A training label (value above ∂ and Δ) in flow units, with a value of up to 4 significant digits;
 * the plain weight label is smaller. Fixed, not measured: a label's text changes at every training
 * step, and labels that moved whenever their numbers grew a digit could not be followed.
 */
const LABEL_SIZE: LabelSize = { width: 64, height: 30 };
/** How long things must stay still before labels are placed again (ms). */
const SETTLE_MS = 150;

interface LabelSlots {
  /** null: no free place on that edge (a dense layer); its label shows only while it is selected. */
  t: ReadonlyMap<string, number | null>;
}

export const useLabelSlots = create<LabelSlots>()(() => ({ t: new Map() }));

/** The edge's label point; an edge not placed yet (just added) starts near its target. */
export const selectLabelT = perId((id) => (s: LabelSlots) => {
  const t = s.t.get(id);
  return t === undefined ? DEFAULT_LABEL_T : t;
});

const ends = new Map<string, EdgeEnds>();
let lastChange = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let watching = false;

function changed(): void {
  lastChange = performance.now();
  if (timer === null) timer = setTimeout(settle, SETTLE_MS);
}

function settle(): void {
  const quiet = performance.now() - lastChange;
  timer = quiet >= SETTLE_MS ? null : setTimeout(settle, SETTLE_MS - quiet);
  if (timer === null) place();
}

function place(): void {
  const { nodes, edges } = useDocument.getState();
  const sizes = useView.getState().sizes;
  const boxes: Box[] = [];
  for (const n of nodes) {
    const size = sizes.get(n.id);
    if (size) boxes.push({ x: n.position.x, y: n.position.y, width: size.width, height: size.height });
  }
  // In document order, so the same graph gets the same labels whatever order edges mounted in.
  const order: EdgeEnds[] = [];
  const present = new Set<string>();
  for (const e of edges) {
    present.add(e.id);
    const at = ends.get(e.id);
    if (at) order.push(at);
  }
  for (const id of ends.keys()) if (!present.has(id)) ends.delete(id);
  const t = placeLabels(order, boxes, LABEL_SIZE);
  const old = useLabelSlots.getState().t;
  if (t.size === old.size && [...t].every(([id, v]) => old.get(id) === v)) return;
  useLabelSlots.setState({ t });
}

/** Node moves and resizes shift what labels must avoid, even for edges whose ends stayed put. */
function watch(): void {
  if (watching) return;
  watching = true;
  useDocument.subscribe((s, prev) => {
    if (s.nodes !== prev.nodes || s.edges !== prev.edges) changed();
  });
  useView.subscribe(changed);
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

/** Called when an edge stops showing a weight (its target is no longer a neuron). */
export function forgetEdgeEnds(id: string): void {
  if (ends.delete(id)) changed();
}
