/** "The canvas shows": the network itself, or one of its variants, on the canvas. */
import type { ComparedRuns } from '../../engine/compare';
import { showOnCanvas } from './edit';

export function CanvasSwitcher({ comparison }: { comparison: ComparedRuns }) {
  return (
    <label className="compare__switch">
      The canvas shows{' '}
      <select
        className="input"
        data-testid="compare-switcher"
        value={comparison.shown?.variant ?? -1}
        onChange={(e) => {
          const k = Number(e.target.value);
          try {
            showOnCanvas(k < 0 ? null : k);
          } catch {
            // A change that does not fit the network: listed above, and the canvas stays as it is.
          }
        }}
      >
        <option value={-1}>The network</option>
        {comparison.variants.map((v, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the comparison.
          <option key={k} value={k}>
            {v.name}
          </option>
        ))}
      </select>
    </label>
  );
}
