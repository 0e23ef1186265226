import { startNewDocument } from '../actions/documents';
import { NewIcon } from '../icons';
import type { Action } from './action';

export const newDocument: Action = {
  id: 'new',
  label: 'New',
  description: 'Start a new, empty network',
  group: 'Document',
  icon: NewIcon,
  run: startNewDocument,
};
