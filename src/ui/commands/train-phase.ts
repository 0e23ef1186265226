import { useTraining } from '../../store/training-app';
import { type Action, plain } from './action';
import { canvasHasFocus, itemHasFocus, trainingPanelHasFocus, trainingPanelShown } from './focus';

export const trainPhase: Action = {
  id: 'train-phase',
  label: 'Train one phase',
  description: 'Training: one phase at a time',
  group: 'Training',
  keys: 'Shift+→',
  keyTest: (e) =>
    plain(e) &&
    e.shiftKey &&
    e.key === 'ArrowRight' &&
    !itemHasFocus() &&
    trainingPanelShown() &&
    (trainingPanelHasFocus() || canvasHasFocus()),
  run: () => void useTraining.getState().phaseStep(),
};
