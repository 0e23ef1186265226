/**
 * The landscape worker: evaluates the loss over a plane of parameter space off the UI thread.
 * The panel terminates it when the graph changes mid-grid (that is the cancel) and starts another.
 */
import { loadAll } from '../engine/lazy';
import { librariesFor } from '../engine/support';
import { LandscapeHost } from './landscape-host';
import type { LandscapeRequest } from './landscape-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new LandscapeHost((reply) => scope.postMessage(reply));
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<LandscapeRequest>) => {
  const request = event.data;
  // Formula and CSV nodes need their library before the graph compiles; a failed load shows as a compile error.
  queue = queue
    .then(() => loadAll(librariesFor(request.graph.nodes)))
    .catch(() => undefined)
    .then(() => host.handle(request));
};
