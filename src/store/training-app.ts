/**
 * The app's training stores: one worker, following the app's document. Nothing starts until
 * `useTraining.getState().start()` (the training panel does it), so importing this is free.
 *
 * The store does not know where its worker comes from: the app's entry (main.tsx) plugs the real
 * one in with `connectTrainingWorker` before the first render; tests build their own store with a
 * fake (createTrainingStore).
 */
import type { WorkerLike } from '../worker/client';
import { useDocument } from './document';
import { createTrainingStore } from './training';

let workerFactory: (() => WorkerLike) | null = null;

/** Says how the app's training worker is made; the entry calls it once, before anything trains. */
export function connectTrainingWorker(factory: () => WorkerLike): void {
  workerFactory = factory;
}

const createWorker = (): WorkerLike => {
  if (!workerFactory) throw new Error('No training worker: the app entry calls connectTrainingWorker first.');
  return workerFactory();
};

const app = createTrainingStore({ createWorker, documents: useDocument });

/** Status, settings and actions of the app's training run. */
export const useTraining = app.store;
/** The numbers on the canvas, by edge and node id (see training-overlay.ts), at every applied snapshot. */
export const useOverlay = app.overlay;
/** The same, for printed numbers: while playing, a few times a second. */
export const useReadout = app.readout;

/** The app's training worker, for other runs that train in one (runs compared). */
export const createAppWorker = createWorker;
