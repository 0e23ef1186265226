import { parseNumber, useDocument } from '../../store';
import { Field } from './Field';
import { useDraft } from './use-draft';

const selectSeed = (s: { seed: number }) => s.seed;
const selectOrderSeed = (s: { orderSeed?: number }) => s.orderSeed;

/**
 * The document's seed: the initial weights, and the data order unless the document keeps an order
 * seed of its own (a compared run that changed the seed, shown on the canvas), which the help names.
 */
export function SeedField() {
  const orderSeed = useDocument(selectOrderSeed);
  const seed = useDraft(String(useDocument(selectSeed)), (text) => {
    const parsed = parseNumber(text);
    if (!parsed.ok) return parsed.message;
    return useDocument.getState().setSeed(parsed.value);
  });
  return (
    <Field
      id="doc-seed"
      label="Seed"
      help={
        orderSeed === undefined
          ? 'The same seed gives the same initial weights and the same data order.'
          : `The same seed gives the same initial weights. The data order and dropout masks follow seed ${orderSeed}, the network's under the runs compared.`
      }
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
