/**
 * The training worker: a thin adapter from the worker's message port to a TrainingHost, which
 * runs a TrainingSession (src/engine/training) off the UI thread.
 * Created by `createTrainingWorker()` in client.ts.
 */
import { TrainingHost } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new TrainingHost((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent) => host.handle(event.data);
