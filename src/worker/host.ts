/**
 * The worker's side of the protocol, kept apart from the worker global so tests can run it in
 * process: requests go to a TrainingSession, and "play" trains in slices of ~16 ms, posting
 * snapshots at most ~30 times a second with their typed arrays transferred.
 */

import { loadAll } from '../engine/lazy';
import { librariesFor } from '../engine/support';
import {
  type GridPrediction,
  type SessionOptions,
  snapshotTransferables,
  TrainingSession,
  type TrainingSnapshot,
} from '../engine/training';
import {
  isRequest,
  type PlayOptions,
  type PlayStatus,
  type PlayStopReason,
  type Request,
  type RequestType,
  type Results,
  type StepResult,
  type WorkerMessage,
} from './protocol';

export type Post = (message: WorkerMessage, transfer: Transferable[]) => void;
/** Runs `fn` after `delayMs` (0: as soon as possible, without the 4 ms clamp of nested timeouts). */
export type Schedule = (fn: () => void, delayMs: number) => void;

export interface HostOptions {
  session?: SessionOptions;
  schedule?: Schedule;
  now?: () => number;
}

interface Play {
  token: number;
  options: PlayOptions;
  startedAt: number;
  done: number;
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class TrainingHost {
  readonly session: TrainingSession;
  private readonly schedule: Schedule;
  private readonly now: () => number;
  private play: Play | null = null;
  private token = 0;
  private lastSnapshotAt = Number.NEGATIVE_INFINITY;
  /** The last step whose loss has been sent in a snapshot. */
  private sentLosses = 0;
  private sliceMs = 16;
  private snapshotHz = 30;
  private channel: MessageChannel | null = null;
  private disposed = false;
  private error: string | undefined;
  /** Requests queued behind a graph whose libraries are loading (see handle). */
  private waiting: Promise<void> | null = null;

  constructor(
    private readonly post: Post,
    options: HostOptions = {},
  ) {
    this.now = options.now ?? clock;
    this.session = new TrainingSession({ now: this.now, ...options.session });
    this.schedule = options.schedule ?? this.defaultSchedule();
  }

  /**
   * Handles one message from the client; anything that is not a request is ignored. A graph with a
   * custom formula or a CSV node waits for its library (mathjs, papaparse: loaded on first use, see
   * engine/lazy.ts); the requests behind it wait too, so they are still handled in order.
   */
  handle(message: unknown): void {
    if (this.disposed || !isRequest(message)) return;
    const needs = message.type === 'load' ? librariesFor(message.graph.nodes) : [];
    if (this.waiting === null && needs.every((lib) => lib.state() === 'ready')) {
      this.handleNow(message);
      return;
    }
    // A library that fails to load is not an error here: the compile then reports it on its node.
    const next = (this.waiting ?? Promise.resolve())
      .then(() => loadAll(needs))
      .catch(() => undefined)
      .then(() => this.handleNow(message));
    this.waiting = next;
    void next.then(() => {
      if (this.waiting === next) this.waiting = null;
    });
  }

  private handleNow(message: Request): void {
    if (this.disposed) return;
    try {
      this.dispatch(message);
    } catch (e) {
      this.post(
        {
          type: 'reply',
          id: message.id,
          request: message.type,
          ok: false,
          error: e instanceof Error ? e.message : String(e),
        },
        [],
      );
    }
  }

  dispose(): void {
    this.disposed = true;
    this.token++;
    this.play = null;
    this.channel?.port1.close();
    this.channel = null;
  }

  private reply<K extends RequestType>(
    req: Request & { type: K },
    result: Results[K],
    transfer: Transferable[] = [],
  ) {
    this.post({ type: 'reply', id: req.id, request: req.type, ok: true, result } as WorkerMessage, transfer);
  }

  private dispatch(req: Request): void {
    const s = this.session;
    switch (req.type) {
      case 'load': {
        this.stopPlay('load');
        const result = s.load(req.graph, { keep: req.keep });
        this.sentLosses = 0;
        // The reply (with the layout) goes first, so no snapshot of the new graph arrives before its
        // layout. The layout is structured-cloned, not transferred: the session keeps using its own.
        this.reply(req, result);
        this.postSnapshot();
        return;
      }
      case 'step': {
        this.stopPlay('pause');
        const count = Math.max(1, Math.floor(req.count ?? 1));
        const taken = count === 1 ? (s.step() ? 1 : 0) : s.run({ steps: count });
        this.postSnapshot();
        this.reply(req, this.stepResult(taken));
        return;
      }
      case 'phase': {
        this.stopPlay('pause');
        const phase = s.phase();
        this.postSnapshot();
        this.reply(req, { phase, step: s.currentStep, paused: s.paused });
        return;
      }
      case 'play':
        this.reply(req, this.startPlay(req.options ?? {}));
        return;
      case 'pause':
        this.stopPlay('pause');
        this.reply(req, this.status());
        return;
      case 'reset':
        this.stopPlay('reset');
        s.reset();
        this.sentLosses = 0;
        this.postSnapshot();
        this.reply(req, this.stepResult(0));
        return;
      case 'rewind': {
        this.stopPlay('rewind');
        const result = s.rewind(req.step);
        // The losses up to the step went back to are the run's own: the client keeps them.
        this.sentLosses = Math.min(this.sentLosses, result.step);
        this.postSnapshot();
        this.reply(req, result);
        return;
      }
      case 'seek':
        this.stopPlay('pause');
        s.seek(req.step, req.snap);
        this.postSnapshot();
        this.reply(req, { step: s.seeking });
        return;
      case 'configure': {
        const { snapshotHz, sliceMs, ...settings } = req.settings;
        if (snapshotHz !== undefined) this.snapshotHz = Math.max(1, snapshotHz);
        if (sliceMs !== undefined) this.sliceMs = Math.max(1, sliceMs);
        s.configure(settings);
        if (settings.example !== undefined && !this.play) this.postSnapshot();
        this.reply(req, null);
        return;
      }
      case 'evaluate':
        this.reply(req, s.evaluate());
        return;
      case 'predictGrid': {
        const grid = s.predictGrid(req.options ?? {});
        this.reply(req, grid, gridTransferables(grid));
        return;
      }
      case 'verifyGradient':
        this.reply(req, s.verifyGradient(req.index));
        return;
      case 'explainEdge':
        this.reply(req, s.explainEdge(req.edgeId, req.options ?? {}));
        return;
      case 'explainParameter':
        this.reply(req, s.explainParameter(req.index, req.options ?? {}));
        return;
      case 'snapshot': {
        const snapshot = this.takeSnapshot();
        this.reply(req, snapshot, snapshot ? snapshotTransferables(snapshot) : []);
        return;
      }
    }
  }

  private stepResult(taken: number): StepResult {
    return { step: this.session.currentStep, taken, paused: this.session.paused };
  }

  private status(reason?: PlayStopReason): PlayStatus {
    return {
      playing: this.play !== null,
      step: this.session.currentStep,
      ...(reason && !this.play ? { reason } : {}),
      ...(reason === 'error' && this.error ? { error: this.error } : {}),
    };
  }

  private takeSnapshot(): TrainingSnapshot | null {
    const snapshot = this.session.snapshot({ lossesFrom: this.sentLosses + 1 });
    if (snapshot) this.sentLosses = snapshot.liveStep;
    return snapshot;
  }

  private postSnapshot(): void {
    const snapshot = this.takeSnapshot();
    this.lastSnapshotAt = this.now();
    if (snapshot) this.post({ type: 'snapshot', snapshot }, snapshotTransferables(snapshot));
  }

  private startPlay(options: PlayOptions): PlayStatus {
    const s = this.session;
    this.stopPlay(null);
    if (!s.trainer) return this.status('nothing');
    if (s.paused) return this.status('non-finite');
    if (options.until !== undefined && s.currentStep >= options.until) return this.status('until');
    const token = ++this.token;
    this.play = { token, options, startedAt: this.now(), done: 0 };
    const status = this.status();
    this.post({ type: 'status', status }, []);
    this.schedule(() => this.tick(token), 0);
    return status;
  }

  /** Stops playing; with a reason, tells the client (and shows where it stopped). */
  private stopPlay(reason: PlayStopReason | null): void {
    if (!this.play) return;
    this.play = null;
    this.token++;
    if (reason === null) return;
    if (reason === 'pause' || reason === 'non-finite' || reason === 'until' || reason === 'error') {
      this.postSnapshot();
    }
    this.post({ type: 'status', status: this.status(reason) }, []);
  }

  private tick(token: number): void {
    const play = this.play;
    if (!play || play.token !== token || this.disposed) return;
    const s = this.session;
    const { stepsPerSecond: sps, until } = play.options;
    let delay = 0;
    try {
      if (sps && sps > 0) {
        // Slow play: the first step at once, then one every 1/sps seconds.
        const elapsed = this.now() - play.startedAt;
        const due = Math.floor((elapsed * sps) / 1000) + 1 - play.done;
        if (due > 0) play.done += s.run({ steps: due, ms: this.sliceMs, until });
        delay = Math.max(0, (play.done * 1000) / sps - (this.now() - play.startedAt));
      } else {
        play.done += s.run({ ms: this.sliceMs, until });
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.stopPlay('error');
      this.error = undefined;
      return;
    }
    if (s.paused) {
      this.stopPlay('non-finite');
      return;
    }
    if (until !== undefined && s.currentStep >= until) {
      this.stopPlay('until');
      return;
    }
    if (this.now() - this.lastSnapshotAt >= 1000 / this.snapshotHz) this.postSnapshot();
    this.schedule(() => this.tick(token), delay);
  }

  private defaultSchedule(): Schedule {
    const queue: (() => void)[] = [];
    return (fn, delayMs) => {
      if (delayMs > 0 || typeof MessageChannel === 'undefined') {
        setTimeout(fn, delayMs);
        return;
      }
      if (!this.channel) {
        this.channel = new MessageChannel();
        this.channel.port1.onmessage = () => queue.shift()?.();
      }
      queue.push(fn);
      this.channel.port2.postMessage(null);
    };
  }
}

function gridTransferables(grid: GridPrediction | null): ArrayBuffer[] {
  if (!grid) return [];
  const out = [grid.values.buffer as ArrayBuffer];
  if (grid.classes) out.push(grid.classes.buffer as ArrayBuffer);
  return out;
}
