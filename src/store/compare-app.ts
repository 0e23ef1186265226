/**
 * The app's runs compared: its document's comparison, trained in the app's training workers (one
 * per variant). Importing this starts nothing.
 */
import { createCompareStore } from './compare';
import { useDocument } from './document';
import { createAppWorker } from './training-app';

export const useCompare = createCompareStore({ createWorker: createAppWorker, documents: useDocument });
