import { useTraining } from '../../store/training-app';
import { type Action, plain } from './action';
import { trainingPanelHasFocus } from './focus';

/**
 * Space steps too, but only in the training panel: on the canvas it stays quick-add's (a key that
 * changed meaning with a hidden state — "has training started?" — would add a node one moment and
 * train the next). Clicking the panel gives it the focus.
 */
export const trainStepInPanel: Action = {
  id: 'train-step-space',
  label: 'Train one step',
  description:
    'Training: one step, once you have clicked the training panel (on the canvas Space adds a node)',
  group: 'Training',
  keys: 'Space',
  keyTest: (e) => plain(e) && !e.shiftKey && e.key === ' ' && trainingPanelHasFocus(),
  hiddenFromPalette: true,
  run: () => void useTraining.getState().trainStep(),
};
