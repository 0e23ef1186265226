/** How long each run trains, the loss to reach, and Run / Stop. */
import type { ComparedRuns } from '../../engine/compare';
import { useCompare } from '../../store/compare-app';
import { editComparison } from './edit';

interface Props {
  comparison: ComparedRuns;
  maxSteps: number;
  running: boolean;
}

/** Enter applies a field by leaving it, as the inspector's fields do. */
const applyOnEnter = (e: React.KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') e.currentTarget.blur();
};

export function RunSettings({ comparison, maxSteps, running }: Props) {
  return (
    <div className="compare__row compare__settings">
      <label>
        Steps{' '}
        <input
          className="input"
          key={comparison.steps}
          type="number"
          min={1}
          max={maxSteps}
          defaultValue={comparison.steps}
          data-testid="compare-steps"
          onKeyDown={applyOnEnter}
          onBlur={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= maxSteps) editComparison((r) => ({ ...r, steps: n }));
            else e.target.value = String(comparison.steps);
          }}
        />
      </label>
      <label>
        Target loss{' '}
        <input
          className="input"
          key={comparison.target ?? 'none'}
          inputMode="decimal"
          size={7}
          placeholder="none"
          defaultValue={comparison.target ?? ''}
          data-testid="compare-target"
          onKeyDown={applyOnEnter}
          onBlur={(e) => {
            const text = e.target.value.trim();
            const n = Number(text);
            if (text === '') editComparison(({ target: _, ...r }) => r);
            else if (Number.isFinite(n) && n > 0) editComparison((r) => ({ ...r, target: n }));
            else e.target.value = comparison.target === undefined ? '' : String(comparison.target);
          }}
        />
      </label>
      {running ? (
        <button
          type="button"
          className="btn btn--outline compare__run"
          onClick={() => useCompare.getState().stop()}
        >
          Stop
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--primary compare__run"
          data-testid="compare-run"
          onClick={() => void useCompare.getState().run()}
        >
          Run {comparison.variants.length === 1 ? 'it' : `all ${comparison.variants.length}`}
        </button>
      )}
    </div>
  );
}
