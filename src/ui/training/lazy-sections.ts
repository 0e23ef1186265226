import { lazyComponent } from '../lazy/lazy-component';

/**
 * The inspector's training sections (this step's numbers, the chain rule written out) load with the
 * first selection, after the app has started; nothing shows while they load.
 */
const sections = () => import('./TrainingInspector');

export const TrainingNodeSection = lazyComponent(
  'the training readout',
  () => sections().then((m) => m.TrainingNodeSection),
  { quiet: true },
);

export const TrainingEdgeSection = lazyComponent(
  'the training readout',
  () => sections().then((m) => m.TrainingEdgeSection),
  { quiet: true },
);
