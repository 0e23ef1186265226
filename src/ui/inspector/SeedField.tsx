import { parseNumber, useDocument } from '../../store';
import { Field } from './Field';
import { useDraft } from './use-draft';

const selectSeed = (s: { seed: number }) => s.seed;

/** The document's seed: initial weights, datasets and shuffling all follow from it. */
export function SeedField() {
  const seed = useDraft(String(useDocument(selectSeed)), (text) => {
    const parsed = parseNumber(text);
    if (!parsed.ok) return parsed.message;
    return useDocument.getState().setSeed(parsed.value);
  });
  return (
    <Field
      id="doc-seed"
      label="Seed"
      help="The same seed gives the same initial weights and the same data order."
      hint="a whole number"
      error={seed.error}
    >
      <input
        id="doc-seed"
        className="input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        data-testid="document-seed"
        {...seed.inputProps}
      />
    </Field>
  );
}
