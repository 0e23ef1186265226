import { ImportIcon } from '../icons';
import { withPictures } from './load-pictures';
import './pictures.css';

interface Props {
  /** The element to save: a chart's root, or a <canvas>. */
  target(): HTMLElement | null;
  /** What it shows, for the file name and the test id: "loss" → "my-network-loss.png". */
  what: string;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** A small "Save PNG" button for a chart or a drawn picture (the loss curve, the decision boundary). */
export function SavePngButton({ target, what }: Props) {
  const name = slug(what);
  return (
    <button
      type="button"
      className="save-png"
      title={`Save the ${what.toLowerCase()} as a PNG picture`}
      aria-label={`Save the ${what.toLowerCase()} as PNG`}
      data-testid={`save-png-${name}`}
      onClick={() => {
        const el = target();
        if (el) void withPictures((p) => p.saveElementPng(el, `${p.pictureStem(name)}.png`));
      }}
    >
      <ImportIcon width={12} height={12} strokeWidth="2.4" />
      PNG
    </button>
  );
}
