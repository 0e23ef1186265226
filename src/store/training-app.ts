/**
 * The app's training stores: one worker, following the app's document. Nothing starts until
 * `useTraining.getState().start()` (the training panel does it), so importing this is free.
 */
import { createTrainingWorker } from '../worker/client';
import { useDocument } from './document';
import { createTrainingStore } from './training';

const app = createTrainingStore({ createWorker: createTrainingWorker, documents: useDocument });

/** Status, settings and actions of the app's training run. */
export const useTraining = app.store;
/** The numbers on the canvas, by edge and node id (see training-overlay.ts), at every applied snapshot. */
export const useOverlay = app.overlay;
/** The same, for printed numbers: while playing, a few times a second. */
export const useReadout = app.readout;
