/**
 * An in-process stand-in for the training worker: the real TrainingHost (and so the real session)
 * behind a WorkerLike. Messages cross by structuredClone with their transfer lists, asynchronously
 * and in order, as they would between threads.
 */
import type { WorkerLike } from '../../src/worker/client';
import { type HostOptions, TrainingHost } from '../../src/worker/host';
import type { Request, WorkerMessage } from '../../src/worker/protocol';

export interface FakeWorker extends WorkerLike {
  host: TrainingHost;
  /** Every message the "worker" posted, in order (after cloning). */
  posted: WorkerMessage[];
  /** How many typed-array buffers were transferred (not copied) to the client. */
  transferred: number;
  terminated: boolean;
}

export function fakeWorker(options: HostOptions = {}): FakeWorker {
  const worker: FakeWorker = {
    onmessage: null,
    onerror: null,
    posted: [],
    transferred: 0,
    terminated: false,
    host: undefined as unknown as TrainingHost,
    postMessage(message: Request, transfer: Transferable[]) {
      const copy = structuredClone(message, { transfer });
      setTimeout(() => {
        if (!worker.terminated) worker.host.handle(copy);
      }, 0);
    },
    terminate() {
      worker.terminated = true;
      worker.host.dispose();
    },
  };
  worker.host = new TrainingHost(
    (message, transfer) => {
      const copy = structuredClone(message, { transfer });
      worker.transferred += transfer.length;
      // A transferred buffer is detached on the sending side, as postMessage would leave it.
      for (const t of transfer)
        if (t instanceof ArrayBuffer && t.byteLength !== 0) throw new Error('not detached');
      setTimeout(() => {
        if (worker.terminated) return;
        worker.posted.push(copy);
        worker.onmessage?.({ data: copy } as MessageEvent);
      }, 0);
    },
    { schedule: (fn, delay) => setTimeout(fn, delay), ...options },
  );
  return worker;
}
