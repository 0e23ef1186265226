/** One variant in the compare panel: its name, its changes (each removable) and the form that adds one. */
import { type ChangeChoices, describeChange, type Variant } from '../../engine/compare';
import type { Graph } from '../../engine/graph';
import { AddChange } from './AddChange';
import { editComparison } from './edit';

interface Props {
  index: number;
  variant: Variant;
  base: Graph;
  choices: ChangeChoices;
  removable: boolean;
}

export function VariantCard({ index, variant, base, choices, removable }: Props) {
  const setVariant = (next: Variant) =>
    editComparison((runs) => ({ ...runs, variants: runs.variants.with(index, next) }));
  return (
    <li className={`compare-variant compare-c${index}`} data-testid="compare-variant">
      <div className="compare-variant__head">
        <span className="compare-swatch" aria-hidden="true" />
        <input
          className="input compare-variant__name"
          aria-label={`Name of run ${index + 1}`}
          defaultValue={variant.name}
          maxLength={80}
          onBlur={(e) => {
            const name = e.target.value.trim();
            if (name && name !== variant.name) setVariant({ ...variant, name });
            else e.target.value = variant.name;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        {removable && (
          <button
            type="button"
            className="btn btn--icon compare-icon-button"
            aria-label={`Remove run ${variant.name}`}
            title="Remove this run"
            onClick={() =>
              editComparison((runs) => ({ ...runs, variants: runs.variants.filter((_, k) => k !== index) }))
            }
          >
            ×
          </button>
        )}
      </div>
      <ul className="compare-changes" aria-label={`Changes of ${variant.name}`}>
        {variant.changes.length === 0 && <li className="compare-changes__none">The network as it is</li>}
        {variant.changes.map((c, i) => {
          const text = describeChange(c, base);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a change is its place in the list.
            <li key={i}>
              {text}
              <button
                type="button"
                className="btn btn--icon compare-icon-button"
                aria-label={`Remove change ${text} from ${variant.name}`}
                onClick={() => setVariant({ ...variant, changes: variant.changes.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <AddChange
        variantName={variant.name}
        base={base}
        choices={choices}
        onAdd={(change) => setVariant({ ...variant, changes: [...variant.changes, change] })}
      />
    </li>
  );
}
