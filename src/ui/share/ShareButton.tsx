import { copyShareLink } from './share';
import './share.css';

const LinkIcon = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
    <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
  </svg>
);

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
