/**
 * While a big document's nodes come to the canvas in slices (reveal-slices.ts), how far along it
 * is: a bar and "Drawing the network: 1,200 of 5,000 nodes". The editor works meanwhile.
 */
import { useReveal } from './flow-elements';
import type { RevealState } from './reveal-slices';

const selectProgress = (s: RevealState) => (s.total > 0 ? `${s.shown}/${s.total}` : '');

export function RevealProgress() {
  const progress = useReveal(selectProgress);
  if (!progress) return null;
  const [shown, total] = progress.split('/').map(Number);
  return (
    <div className="reveal-progress" role="status" data-testid="reveal-progress">
      <span>
        Drawing the network: {shown.toLocaleString('en')} of {total.toLocaleString('en')} nodes
      </span>
      <progress max={total} value={shown} aria-label="Nodes drawn" />
    </div>
  );
}
