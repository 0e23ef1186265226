import { useGallery } from '../gallery/state';
import type { Action } from './action';

export const openGallery: Action = {
  id: 'gallery',
  label: 'All examples and lessons',
  description: 'Cards with what each reaches; step-by-step lessons.',
  group: 'Document',
  menu: {
    menu: 'examples',
    item: 'gallery',
    title: 'All examples and lessons…',
    testId: 'open-gallery',
    className: 'menu__item--gallery',
  },
  run: () => useGallery.getState().show(),
};
