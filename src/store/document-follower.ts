/**
 * Document following: the training store loads the document's network into the worker, and again
 * once an edit settles (load-scheduler.ts debounces). An edit while playing pauses at once; going
 * back to what is loaded (an undo) before the reload cancels it; an edit of the same network keeps
 * the learned weights. What a finished load shows is the store's (training.ts).
 */
import type { Graph, GraphEdge } from '../engine/graph';
import type { LoadResult } from '../engine/training';
import type { TrainingClient } from '../worker/client';
import type { DocumentStore } from './document';
import { createLoadScheduler } from './load-scheduler';
import { type Structure, sameStructure } from './structure';

const sameWeight = (a: GraphEdge['weight'], b: GraphEdge['weight']) =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => Object.is(x, b[i])));

/**
 * Whether a reload after this change keeps the learned weights: an edit of the same network does
 * (some node or edge object is untouched), opening another one does not, nor does a new seed or a
 * new initial weight on an edge (the learner asked for that start).
 */
export function keepsWeights(previous: Structure, next: Structure): boolean {
  if (previous.seed !== next.seed) return false;
  const oldNodes = new Set(previous.nodes);
  const oldEdges = new Set(previous.edges);
  const shared = next.nodes.some((n) => oldNodes.has(n)) || next.edges.some((e) => oldEdges.has(e));
  if (!shared) return false;
  const byId = new Map(previous.edges.map((e) => [e.id as string, e]));
  for (const e of next.edges) {
    const old = byId.get(e.id);
    if (old && old !== e && !sameWeight(old.weight, e.weight)) return false;
  }
  return true;
}

export interface FollowOptions {
  documents: DocumentStore;
  debounceMs: number;
  client(): TrainingClient | null;
  playing(): boolean;
  /** A load is waiting or running (true), or done (false). */
  loading(on: boolean): void;
  /** The newest load finished. */
  loaded(result: LoadResult, client: TrainingClient): void;
  failed(error: unknown): void;
}

export interface DocumentFollower {
  /** Loads now and follows the document's edits from then on. */
  start(): void;
  /** Resolves once the graph shown is the document's (a waiting load runs now). */
  flush(): Promise<void>;
  /** Stops following; the next start loads afresh. */
  stop(): void;
}

export function followDocument(opts: FollowOptions): DocumentFollower {
  /** The structure of the document last sent to the worker. */
  let sent: Structure | null = null;
  let unsubscribe: (() => void) | null = null;

  const structure = (): Structure => {
    const d = opts.documents.getState();
    return { nodes: d.nodes, edges: d.edges, seed: d.seed, orderSeed: d.orderSeed };
  };

  /** Sends the document to the worker. */
  const load = async (): Promise<void> => {
    const client = opts.client();
    if (!client) return;
    const next = structure();
    const keep = sent !== null && keepsWeights(sent, next);
    sent = next;
    const { seed, orderSeed } = next;
    const graph: Graph = { nodes: [...next.nodes], edges: [...next.edges], seed, orderSeed };
    opts.loading(true);
    try {
      const result = await client.load(graph, { keep });
      if (sent !== next) return; // a newer load is on its way
      opts.loaded(result, client);
    } catch (e) {
      opts.failed(e);
    } finally {
      if (sent === next) opts.loading(false);
    }
  };

  const loads = createLoadScheduler(load, opts.debounceMs);

  const onDocument = () => {
    const client = opts.client();
    if (!client) return;
    const next = structure();
    if (sent && sameStructure(sent, next)) {
      // Back to what is loaded (an undo) before the debounce ran: nothing to reload.
      if (loads.cancel()) opts.loading(false);
      return;
    }
    // Editing while training: pause at once, recompile once the edits settle.
    if (opts.playing()) void client.pause().catch(() => {});
    opts.loading(true);
    loads.schedule();
  };

  return {
    start() {
      unsubscribe = opts.documents.subscribe(onDocument);
      void loads.run();
    },
    flush: () => loads.flush(),
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      loads.cancel();
      sent = null;
    },
  };
}
