import { LinkIcon } from '../icons';
import { copyShareLink } from '../share/share';
import '../share/share.css';
import type { Action } from './action';

export const copyLink: Action = {
  id: 'copy-link',
  label: 'Copy link',
  description: 'Copy a link that opens a copy of this network (the network is inside the link)',
  group: 'Document',
  icon: LinkIcon,
  testId: 'copy-link',
  run: () => void copyShareLink(),
};
