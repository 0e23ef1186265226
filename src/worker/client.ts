/**
 * The UI's handle on the training worker: one promise per request, and callbacks for the
 * snapshots and play status the worker sends on its own. The worker comes from a factory, so tests
 * can pass an in-process fake; `createTrainingWorker` makes the real one.
 *
 *   const client = new TrainingClient(createTrainingWorker);
 *   client.onSnapshot((s) => draw(s, client.layout));
 *   const { ok, diagnostics } = await client.load(graph);
 *   await client.play();
 */
import type { EdgeId, Graph } from '../engine/graph';
import {
  type ExplainOptions,
  type GridOptions,
  type LoadResult,
  LossCurve,
  type TrainingLayout,
  type TrainingSnapshot,
} from '../engine/training';
import type {
  PlayOptions,
  PlayStatus,
  Reply,
  Request,
  RequestBody,
  Results,
  WorkerMessage,
  WorkerSettings,
} from './protocol';

/** What the client needs of a Worker; a real one fits, and so does a test's fake. */
export interface WorkerLike {
  postMessage(message: Request, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The real worker, bundled by Vite as an ES module worker. */
export function createTrainingWorker(): WorkerLike {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
}

export type SnapshotListener = (snapshot: TrainingSnapshot) => void;
export type StatusListener = (status: PlayStatus) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class TrainingClient {
  private readonly worker: WorkerLike;
  private readonly pending = new Map<number, Pending>();
  private readonly snapshotListeners = new Set<SnapshotListener>();
  private readonly statusListeners = new Set<StatusListener>();
  private nextId = 1;
  /** Every step's loss recently, thinned further back: bounded however long the run (issue #19). */
  private readonly curve = new LossCurve();
  /** The penalty term in each of those losses, point for point, when the loss has an L1/L2 penalty. */
  private readonly penalties = new LossCurve();
  private disposed = false;
  private loadWaiters: { loadId: number; resolve(): void; reject(error: Error): void }[] = [];
  /** The layout of the last graph that loaded (offsets of every buffer, block and edge). */
  layout: TrainingLayout | null = null;
  /** The latest snapshot received. */
  latest: TrainingSnapshot | null = null;
  status: PlayStatus = { playing: false, step: 0 };

  constructor(factory: () => WorkerLike) {
    this.worker = factory();
    this.worker.onmessage = (event) => this.receive(event.data as WorkerMessage);
    this.worker.onerror = (event) =>
      this.failAll(new Error(`The training worker failed: ${event.message ?? event}`));
  }

  /** Calls `listener` with every snapshot; returns a function that stops it. */
  onSnapshot(listener: SnapshotListener): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The run's loss per step so far: every step recently, means of 2, 4, 8 … steps further back. */
  get lossCurve(): LossCurve {
    return this.curve;
  }

  /**
   * The L1/L2 penalty term in each loss of `lossCurve`, point for point (the same steps, thinned
   * alike); empty when the trained loss has no penalty.
   */
  get penaltyCurve(): LossCurve {
    return this.penalties;
  }

  /** Compiles a graph in the worker and starts a run on it (keeping learned weights with `keep`). */
  async load(graph: Graph, options: { keep?: boolean } = {}): Promise<LoadResult> {
    const result = await this.request({ type: 'load', graph, keep: options.keep });
    // Resolve once the new run's first snapshot is in, so `latest` belongs to this graph.
    const loadId = result.layout?.loadId;
    if (loadId !== undefined && this.latest?.loadId !== loadId) {
      await new Promise<void>((resolve, reject) => this.loadWaiters.push({ loadId, resolve, reject }));
    }
    return result;
  }

  /** Completes the current step, or takes `count` steps. */
  step(count = 1) {
    return this.request({ type: 'step', count });
  }

  /** Runs one phase: forward, loss, backward or update. */
  phase() {
    return this.request({ type: 'phase' });
  }

  play(options: PlayOptions = {}) {
    return this.request({ type: 'play', options });
  }

  pause() {
    return this.request({ type: 'pause' });
  }

  /** Starts over from the seeded initial weights. */
  reset() {
    return this.request({ type: 'reset' });
  }

  /** Continues from an earlier step: the run is rebuilt there, bit for bit. */
  rewind(step: number) {
    return this.request({ type: 'rewind', step });
  }

  /**
   * Shows an earlier step without changing the run; null goes back to the live run. With `snap`,
   * a step the thinned history cannot show exactly moves to the nearest one that way.
   */
  seek(step: number | null, snap?: 'down' | 'up') {
    return this.request({ type: 'seek', step, ...(snap ? { snap } : {}) });
  }

  configure(settings: WorkerSettings) {
    return this.request({ type: 'configure', settings });
  }

  /** Train and test loss and accuracy of the θ shown. */
  evaluate() {
    return this.request({ type: 'evaluate' });
  }

  /** The prediction, or a node's output, over the input plane (a heatmap or a curve). */
  predictGrid(options: GridOptions = {}) {
    return this.request({ type: 'predictGrid', options });
  }

  /** Backprop's ∂L/∂θ_index against a finite difference. */
  verifyGradient(index: number) {
    return this.request({ type: 'verifyGradient', index });
  }

  /** The chain-rule factors behind an edge's gradient. */
  explainEdge(edgeId: EdgeId, options: ExplainOptions = {}) {
    return this.request({ type: 'explainEdge', edgeId, options });
  }

  explainParameter(index: number, options: ExplainOptions = {}) {
    return this.request({ type: 'explainParameter', index, options });
  }

  /** A fresh snapshot (also delivered to the snapshot listeners). */
  snapshot() {
    return this.request({ type: 'snapshot' });
  }

  /** Stops the worker; pending requests are rejected. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    this.failAll(new Error('The training client was disposed.'));
  }

  /** Sends a request and resolves with its typed result. */
  request<B extends RequestBody>(body: B): Promise<Results[B['type']]> {
    if (this.disposed) return Promise.reject(new Error('The training client was disposed.'));
    const id = this.nextId++;
    return new Promise<Results[B['type']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...body, id } as Request, []);
    });
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.acceptSnapshot(message.snapshot);
        return;
      case 'status':
        this.status = message.status;
        for (const l of this.statusListeners) l(message.status);
        return;
      case 'reply':
        this.settle(message);
        return;
    }
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (!reply.ok) {
      pending.reject(new Error(reply.error));
      return;
    }
    // The layout is in place before any snapshot of the graph it describes arrives.
    if (reply.request === 'load') this.layout = reply.result.layout;
    if (reply.request === 'snapshot' && reply.result) this.acceptSnapshot(reply.result);
    if (reply.request === 'play' || reply.request === 'pause') this.status = reply.result;
    pending.resolve(reply.result);
  }

  private acceptSnapshot(snapshot: TrainingSnapshot): void {
    this.latest = snapshot;
    this.appendLosses(snapshot.losses.from, snapshot.losses.values, snapshot.losses.penalties);
    for (const l of this.snapshotListeners) l(snapshot);
    if (this.loadWaiters.length > 0) {
      const ready = this.loadWaiters.filter((w) => w.loadId <= snapshot.loadId);
      this.loadWaiters = this.loadWaiters.filter((w) => w.loadId > snapshot.loadId);
      for (const w of ready) w.resolve();
    }
  }

  /** Keeps the curve's steps before `from` and appends `values` as steps from, from + 1, … */
  private appendLosses(from: number, values: Float64Array, penalties: Float64Array | undefined): void {
    this.curve.append(from, values);
    if (penalties) this.penalties.append(from, penalties);
    else this.penalties.truncate(from - 1);
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    for (const w of this.loadWaiters) w.reject(error);
    this.loadWaiters = [];
  }
}
