/**
 * Dropout's mask for the example shown: one cell per unit, crossed out where this step dropped it.
 * Outside training (no step run yet, or a network that only evaluates) nothing is dropped.
 */
export function DroppedUnits({ mask, mean }: { mask: readonly number[]; mean: boolean }) {
  if (mean) {
    const kept = mask.reduce((a, b) => a + b, 0) / Math.max(1, mask.length);
    return (
      <p className="train-inspector__note" data-testid="dropout-kept-share">
        Over the batch, {Math.round(kept * 100)} % of the numbers were kept this step.
      </p>
    );
  }
  const dropped = mask.flatMap((m, i) => (m === 0 ? [i + 1] : []));
  return (
    <div className="dropped-units" data-testid="dropped-units" data-dropped={dropped.join(' ')}>
      <p className="train-inspector__note">
        {dropped.length === 0
          ? 'No unit dropped for this example this step.'
          : `Dropped this step: ${dropped.length} of ${mask.length} (unit${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')}).`}
      </p>
      <ol className="dropped-units__cells" aria-hidden="true">
        {Array.from(mask, (m, i) => ({ unit: i + 1, dropped: m === 0 })).map(({ unit, dropped }) => (
          <li
            key={unit}
            className={dropped ? 'is-dropped' : undefined}
            title={`unit ${unit}: ${dropped ? 'dropped' : 'kept'}`}
          >
            {dropped ? '×' : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
