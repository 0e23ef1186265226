import { useSession } from '../../store';
import { MlpIcon } from '../icons';
import type { Action } from './action';

export const buildMlp: Action = {
  id: 'build-mlp',
  label: 'Build MLP',
  description: 'Build a multilayer perceptron: choose its layers, dataset, loss and optimizer',
  group: 'Document',
  icon: MlpIcon,
  run: () => useSession.getState().openDialog({ type: 'mlp' }),
};
