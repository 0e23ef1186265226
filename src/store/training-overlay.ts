/**
 * The numbers training puts on the canvas, keyed by edge id and node id: for each edge its
 * weight(s), ∂L/∂w, the last Δw, and the numbers flowing along it with their gradient ∂L/∂x; for
 * each node its outputs and ∂L/∂(output) for the shown example (or the batch mean), and the
 * parameters it owns. They live here, not in React Flow's node and edge objects.
 *
 * A new snapshot rebuilds only the entries whose numbers changed: an unchanged entry keeps its
 * identity, so a component that selects its own entry (`selectEdgeOverlay(id)`) re-renders only
 * when its own numbers change.
 */
import { create } from 'zustand';
import type { TrainingLayout, TrainingSnapshot } from '../engine/training';
import { perId } from './per-id';

export type Numbers = readonly number[];

/** A block of θ (a weight, a bias, a weight matrix): where it sits and its numbers now. */
export interface ParamOverlay {
  /** Index into `TrainingLayout.blocks`. */
  block: number;
  name: string;
  label: string;
  /** Offset of its first number in θ. */
  offset: number;
  value: Numbers;
  /** ∂L/∂θ of the last backward pass. */
  grad: Numbers;
  /** The last update Δθ. */
  delta: Numbers;
  /** The optimizer's state for these numbers, one list per state vector (`TrainingLayout.optimizer.state`). */
  state: readonly Numbers[];
  /** Not trained: a running statistic the node keeps (BatchNorm), with no gradient or optimizer state. */
  buffer?: boolean;
}

export interface EdgeOverlay {
  /** The weight the edge owns (an edge into a neuron), else null. */
  param: ParamOverlay | null;
  /** The numbers flowing along the edge, for the shown example or the batch mean. */
  x: Numbers;
  /** Their gradient ∂L/∂x. */
  dx: Numbers;
}

export interface PortOverlay {
  port: string;
  values: Numbers;
  grads: Numbers;
}

export interface NodeOverlay {
  /** Output buffers (and scratch buffers such as a neuron's z), by name. */
  outputs: readonly PortOverlay[];
  scratch: readonly PortOverlay[];
  /** Parameter blocks the node owns that no edge owns (a bias, a dense layer's W and b). */
  params: readonly ParamOverlay[];
}

export interface OverlayState {
  edges: ReadonlyMap<string, EdgeOverlay>;
  nodes: ReadonlyMap<string, NodeOverlay>;
  /** The load the entries belong to (0: none). */
  loadId: number;
  /** Counts the entries rebuilt so far (tests, and the bench). */
  rebuilt: number;
}

export interface OverlayOptions {
  /** Show the batch mean instead of one example's numbers. */
  mean?: boolean;
}

const EMPTY: Numbers = Object.freeze([]) as Numbers;
const NO_STATE: readonly Numbers[] = Object.freeze([]) as readonly Numbers[];
const NO_PORTS: readonly PortOverlay[] = Object.freeze([]) as readonly PortOverlay[];

/** `source[from … from + size)` as a plain array, or `previous` when the numbers are the same. */
function numbers(source: Float64Array, from: number, size: number, previous: Numbers | undefined): Numbers {
  if (size === 0) return EMPTY;
  if (previous && previous.length === size) {
    let same = true;
    for (let i = 0; i < size; i++) {
      if (!Object.is(previous[i], source[from + i])) {
        same = false;
        break;
      }
    }
    if (same) return previous;
  }
  // A plain loop: Array.from(subarray(…)) makes a view and walks an iterator, several times
  // slower, and a big network's first overlay makes tens of thousands of these.
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = source[from + i];
  return out;
}

function paramOverlay(
  layout: TrainingLayout,
  snapshot: TrainingSnapshot,
  index: number,
  previous: ParamOverlay | null | undefined,
): ParamOverlay {
  const b = layout.blocks[index];
  const value = numbers(snapshot.theta, b.offset, b.size, previous?.value);
  const grad = numbers(snapshot.thetaGrad, b.offset, b.size, previous?.grad);
  const delta = numbers(snapshot.delta, b.offset, b.size, previous?.delta);
  // While seeking there is no optimizer state (the history keeps θ only): the last known stays.
  const vectors = snapshot.optimizer?.state;
  const state = vectors
    ? vectors.map((v, i) => numbers(v, b.offset, b.size, previous?.state[i]))
    : (previous?.state ?? NO_STATE);
  const sameState = previous !== undefined && previous !== null && sameList(previous.state, state);
  if (
    sameState &&
    previous &&
    previous.block === index &&
    previous.offset === b.offset &&
    previous.label === b.label &&
    previous.value === value &&
    previous.grad === grad &&
    previous.delta === delta
  )
    return previous;
  return {
    block: index,
    name: b.name,
    label: b.label,
    offset: b.offset,
    value,
    grad,
    delta,
    state: previous && sameState ? previous.state : state,
    ...(b.buffer ? { buffer: true } : {}),
  };
}

function portOverlays(
  slots: Record<string, { base: number; width: number }>,
  values: Float64Array,
  grads: Float64Array,
  previous: readonly PortOverlay[] | undefined,
): readonly PortOverlay[] {
  const names = Object.keys(slots);
  if (names.length === 0) return NO_PORTS;
  let changed = !previous || previous.length !== names.length;
  const out = names.map((port, i) => {
    const slot = slots[port];
    const old = previous?.[i]?.port === port ? previous[i] : undefined;
    const v = numbers(values, slot.base, slot.width, old?.values);
    const g = numbers(grads, slot.base, slot.width, old?.grads);
    if (old && old.values === v && old.grads === g) return old;
    changed = true;
    return { port, values: v, grads: g };
  });
  return changed ? out : previous!;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The overlay of `snapshot`, reusing every entry of `previous` whose numbers did not change (and
 * the maps themselves when nothing changed at all).
 */
export function buildOverlay(
  previous: OverlayState,
  layout: TrainingLayout,
  snapshot: TrainingSnapshot,
  options: OverlayOptions = {},
): OverlayState {
  const arena = options.mean ? 'mean' : 'example';
  const values = snapshot.values[arena];
  const grads = snapshot.grads[arena];
  // Entries are matched by id across loads too: an edit that leaves an edge's numbers as they were
  // (a reload keeping the learned weights) re-renders nothing there.
  let rebuilt = 0;

  const edges = new Map<string, EdgeOverlay>();
  let edgesChanged = previous.edges.size !== layout.edges.length;
  for (const e of layout.edges) {
    const old = previous.edges.get(e.id);
    const param = e.block === undefined ? null : paramOverlay(layout, snapshot, e.block, old?.param);
    const x = numbers(values, e.slot.base, e.slot.width, old?.x);
    const dx = numbers(grads, e.slot.base, e.slot.width, old?.dx);
    if (old && old.param === param && old.x === x && old.dx === dx) {
      edges.set(e.id, old);
      continue;
    }
    edgesChanged = true;
    rebuilt++;
    edges.set(e.id, { param, x, dx });
  }

  // Blocks an edge owns are shown on the edge; the rest belong to their node.
  const nodes = new Map<string, NodeOverlay>();
  let nodesChanged = previous.nodes.size !== layout.nodes.length;
  for (const n of layout.nodes) {
    const old = previous.nodes.get(n.id);
    const outputs = portOverlays(n.outputs, values, grads, old?.outputs);
    const scratch = portOverlays(n.scratch, values, grads, old?.scratch);
    const own = Object.values(n.blocks).filter((i) => layout.blocks[i].edgeId === undefined);
    const params = own.map((i) =>
      paramOverlay(
        layout,
        snapshot,
        i,
        old?.params.find((p) => p.block === i),
      ),
    );
    const paramsSame = sameList(old?.params, params);
    if (old && old.outputs === outputs && old.scratch === scratch && paramsSame) {
      nodes.set(n.id, old);
      continue;
    }
    nodesChanged = true;
    rebuilt++;
    nodes.set(n.id, { outputs, scratch, params: paramsSame ? old!.params : params });
  }

  if (!edgesChanged && !nodesChanged && previous.loadId === layout.loadId) return previous;
  return {
    edges: edgesChanged ? edges : previous.edges,
    nodes: nodesChanged ? nodes : previous.nodes,
    loadId: layout.loadId,
    rebuilt: previous.rebuilt + rebuilt,
  };
}

export function emptyOverlay(): OverlayState {
  return { edges: new Map(), nodes: new Map(), loadId: 0, rebuilt: 0 };
}

export function createOverlayStore() {
  return create<OverlayState>()(() => emptyOverlay());
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;

/** Module-level selector factories: one selector per id, so each edge and node subscribes to its own. */
export const selectEdgeOverlay = perId(
  (id) =>
    (s: OverlayState): EdgeOverlay | undefined =>
      s.edges.get(id),
);

export const selectNodeOverlay = perId(
  (id) =>
    (s: OverlayState): NodeOverlay | undefined =>
      s.nodes.get(id),
);

/** Whether the edge owns a trained weight (changes only when a graph loads). */
export const selectEdgeHasWeight = perId(
  (id) =>
    (s: OverlayState): boolean =>
      s.edges.get(id)?.param != null,
);

/**
 * A derived, display-level value of an edge's entry (e.g. its colour and width): a string, so the
 * edge re-renders only when what it draws changes, not whenever its numbers move.
 */
const lookSelectors = new Map<string, (s: OverlayState) => string | null>();
export function selectEdgeLook(id: string, key: string, look: (entry: EdgeOverlay) => string | null) {
  const k = `${key}:${id}`;
  let sel = lookSelectors.get(k);
  if (!sel) {
    sel = (s) => {
      const entry = s.edges.get(id);
      return entry ? look(entry) : null;
    };
    lookSelectors.set(k, sel);
  }
  return sel;
}

/** Whether the node has training numbers (changes only when a graph loads). */
export const selectNodeHasOverlay = perId(
  (id) =>
    (s: OverlayState): boolean =>
      s.nodes.has(id),
);
