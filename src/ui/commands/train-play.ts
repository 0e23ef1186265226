import { useTraining } from '../../store/training-app';
import { type Action, plain } from './action';
import { canvasHasFocus, trainingPanelHasFocus, trainingPanelShown } from './focus';

export const trainPlay: Action = {
  id: 'train-play',
  label: 'Play / pause training',
  description: 'Training: play / pause',
  group: 'Training',
  keys: 'P',
  keyTest: (e) =>
    plain(e) &&
    !e.repeat &&
    e.key.toLowerCase() === 'p' &&
    trainingPanelShown() &&
    (trainingPanelHasFocus() || canvasHasFocus()),
  run: () => void useTraining.getState().togglePlay(),
};
