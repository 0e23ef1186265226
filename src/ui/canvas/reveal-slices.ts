/**
 * A big document is handed to React Flow a slice of nodes at a time. Opening 5,000 nodes at once
 * was one task of seconds (React's render and commit, then style and layout of every card drawn),
 * a frozen page; in slices of about SLICE_BUDGET_MS each (slice-size.ts) the page paints, answers
 * clicks and shows its progress between them. The document itself is whole from the start:
 * compiling, saving, undo and the overview layers read it, only the canvas's React Flow nodes
 * follow in slices.
 *
 * Only a burst of new nodes is sliced (an open, an import, an undo of one): an edit that adds a
 * few, or a paste of fewer than ALL_AT_ONCE, shows in the next frame as before.
 *
 * While React Flow is to hold no nodes at all (`hold`: a very big network zoomed out is drawn as an
 * overview, OverviewNodes.tsx), every node is withheld and nothing is sliced; once that ends (zoomed
 * in) the nodes come in slices again, those off screen a thousand at a time.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { nextSliceSize, type SlicePace } from './slice-size';

/** New nodes up to this many are drawn at once. */
export const ALL_AT_ONCE = 250;
/**
 * Nodes off screen a slice hands over at most: each costs React Flow little (it draws only what is
 * on screen), but thousands at once (a very big network zoomed in from its overview) still made one
 * task of its adopting them.
 */
export const MAX_OFF_SCREEN = 1000;
/** Frames a burst waits for the view to be fitted to it before it comes anyway. */
const MAX_VIEW_WAIT = 30;

export interface RevealState {
  /** Nodes of the document not handed to React Flow yet. */
  withheld: ReadonlySet<string>;
  /** Nodes in the burst being revealed (0 when none is). */
  total: number;
  /** How many of them are on the canvas. */
  shown: number;
}

/** Runs `run` once the page has painted what changed (the next task after the next frame). */
export type AfterPaint = (run: () => void) => void;

/**
 * Which nodes lie outside the view as it is now (null: unknown). They cost React Flow little —
 * it draws only what is on screen — so they go with the next slice whatever its size.
 */
export type OffScreen = () => ((id: string) => boolean) | null;

interface NodesSource {
  getState(): { nodes: readonly { id: string }[] };
  subscribe(listener: (state: { nodes: readonly { id: string }[] }) => void): () => void;
}

/** Whether React Flow is to be given no nodes now, and when that may have changed. */
export interface HoldSource {
  held(): boolean;
  subscribe(listener: () => void): () => void;
}

const NOTHING: ReadonlySet<string> = new Set();
const NEVER_HELD: HoldSource = { held: () => false, subscribe: () => () => {} };

/**
 * Follows `doc`: a burst of more than ALL_AT_ONCE new nodes is withheld and released a slice per
 * `afterPaint`, from the first paint after it came and the view is fitted (`viewPending`), each
 * slice sized by the pace of the one before (`now` times it); nodes `offScreen` come at once.
 */
export function createReveal(
  doc: NodesSource,
  afterPaint: AfterPaint,
  now: () => number = () => performance.now(),
  offScreen: OffScreen = () => null,
  viewPending: () => boolean = () => false,
  hold: HoldSource = NEVER_HELD,
): UseBoundStore<StoreApi<RevealState>> {
  const store = create<RevealState>()(() => ({ withheld: NOTHING, total: 0, shown: 0 }));
  /** Every id of the document as last seen, withheld or not. */
  let known = new Set<string>();
  let running = false;
  let pace: SlicePace | null = null;
  /** Frames the burst has waited for the view to be fitted. */
  let waited = 0;

  /** Every node withheld, no progress shown: React Flow is given none while held. */
  const withholdAll = () => {
    const { withheld } = store.getState();
    const all = withheld.size === known.size ? withheld : new Set(known);
    store.setState({ withheld: all.size === 0 ? NOTHING : all, total: 0, shown: 0 });
  };

  const start = () => {
    if (running) return;
    running = true;
    pace = null;
    // The first slice after a paint: the view is fitted to the new document first (a task
    // queued by its commit), so the nodes are drawn as they will be seen.
    afterPaint(releaseSlice);
  };

  const releaseSlice = () => {
    if (hold.held()) {
      running = false;
      pace = null;
      return;
    }
    const { withheld, shown } = store.getState();
    if (withheld.size === 0) {
      running = false;
      pace = null;
      store.setState({ total: 0, shown: 0 });
      return;
    }
    // Nothing before the view is fitted (a frame or two), or what is on screen is not known.
    if (viewPending() && waited++ < MAX_VIEW_WAIT) {
      afterPaint(releaseSlice);
      return;
    }
    waited = 0;
    const count = nextSliceSize(pace);
    const outside = offScreen();
    const rest = new Set<string>();
    /** Nodes of this slice that will be drawn (on screen, or where that is not known). */
    let drawn = 0;
    let released = 0;
    let away = 0;
    for (const id of withheld) {
      if (outside?.(id)) {
        if (away < MAX_OFF_SCREEN) {
          away++;
          released++;
        } else rest.add(id);
      } else if (drawn < count) {
        drawn++;
        released++;
      } else rest.add(id);
    }
    const started = now();
    store.setState({ withheld: rest.size === 0 ? NOTHING : rest, shown: shown + released });
    afterPaint(() => {
      // Paced by the nodes drawn; a slice of only off-screen ones says nothing about the next.
      if (drawn > 0) pace = { count: drawn, ms: now() - started };
      releaseSlice();
    });
  };

  const follow = (nodes: readonly { id: string }[]) => {
    const fresh: string[] = [];
    for (const n of nodes) if (!known.has(n.id)) fresh.push(n.id);
    // Moves and edits of existing nodes: nothing new, nothing gone.
    if (fresh.length === 0 && nodes.length === known.size) return;
    known = new Set(nodes.map((n) => n.id));
    if (hold.held()) {
      withholdAll();
      return;
    }
    const { withheld } = store.getState();
    const kept = [...withheld].filter((id) => known.has(id));
    if (fresh.length <= ALL_AT_ONCE && kept.length === withheld.size) return;
    const next = new Set(fresh.length > ALL_AT_ONCE ? [...kept, ...fresh] : kept);
    const shown = running ? store.getState().shown : 0;
    store.setState({ withheld: next.size === 0 ? NOTHING : next, shown, total: shown + next.size });
    if (next.size > 0) start();
  };

  let held = hold.held();
  const followHold = () => {
    const now = hold.held();
    if (now === held) return;
    held = now;
    if (held) {
      withholdAll();
      return;
    }
    const { withheld } = store.getState();
    if (withheld.size === 0) return;
    store.setState({ total: withheld.size, shown: 0 });
    start();
  };

  follow(doc.getState().nodes);
  doc.subscribe((state) => follow(state.nodes));
  hold.subscribe(followHold);
  return store;
}

/** How long a slice waits for a frame before going on without one (a tab in the background paints none). */
const NO_FRAME_MS = 250;

/** The next task after the next frame; or, if no frame comes (a hidden tab), after NO_FRAME_MS. */
export const afterNextPaint: AfterPaint = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    run();
  };
  const fallback = setTimeout(once, NO_FRAME_MS);
  requestAnimationFrame(() => setTimeout(once, 0));
};

export const selectWithheld = (s: RevealState) => s.withheld;
