import { useTraining } from '../../store/training-app';
import { type Action, plain } from './action';
import { canvasHasFocus, itemHasFocus, trainingPanelHasFocus, trainingPanelShown } from './focus';

/** → or . with the canvas or the training panel focused (→ is React Flow's while a node has the focus). */
export const trainStep: Action = {
  id: 'train-step',
  label: 'Train one step',
  description: 'Training: one step (forward, loss, backward, update)',
  group: 'Training',
  keys: '→ / .',
  keyTest: (e) =>
    plain(e) &&
    !e.shiftKey &&
    ((e.key === 'ArrowRight' && !itemHasFocus()) || e.key === '.') &&
    trainingPanelShown() &&
    (trainingPanelHasFocus() || canvasHasFocus()),
  run: () => void useTraining.getState().trainStep(),
};
