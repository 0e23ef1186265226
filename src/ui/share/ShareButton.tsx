import { LinkIcon } from '../icons';
import { copyShareLink } from './share';
import './share.css';

/** "Copy link": the whole network in a link, copied to the clipboard and shown in a dialog. */
export function ShareButton() {
  return (
    <button
      type="button"
      className="btn"
      title="Copy a link that opens a copy of this network (the network is inside the link)"
      data-testid="copy-link"
      aria-label="Copy link"
      onClick={() => void copyShareLink()}
    >
      <LinkIcon />
      <span className="toolbar__label">Copy link</span>
    </button>
  );
}
