import { parseNumber, rangeHint, useDocument } from '../../store';
import { Field } from './Field';
import { fieldId, type ParamFieldProps } from './ParamField';
import { useDraft } from './use-draft';

/** Arrow-key step: 1 for whole numbers, else a tenth of the value's order of magnitude (0.01 → 0.001). */
function stepFor(value: number, integer: boolean): number {
  if (integer) return 1;
  if (value === 0) return 0.1;
  return 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
}

/**
 * A number parameter: typed freely (or stepped with the arrow keys), applied when valid, shown in
 * red with its range when not.
 */
export function NumberField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  const draft = useDraft(String(value), (text) => {
    const parsed = parseNumber(text);
    if (!parsed.ok) return parsed.message;
    return useDocument.getState().setParam(nodeId, name, parsed.value);
  });
  const hint = rangeHint(spec);
  const integer = spec.type === 'number' && spec.integer === true;
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return draft.inputProps.onKeyDown(e);
    const current = parseNumber(draft.value);
    if (!current.ok) return;
    e.preventDefault();
    const step = stepFor(current.value, integer) * (e.shiftKey ? 10 : 1);
    draft.change(String(Number((current.value + (e.key === 'ArrowUp' ? step : -step)).toPrecision(12))));
  };
  return (
    <Field id={id} label={spec.label} help={spec.help} hint={hint} error={draft.error}>
      <div className="number-input">
        <input
          id={id}
          className="input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          data-testid={`param-input-${name}`}
          aria-describedby={draft.error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          {...draft.inputProps}
          onKeyDown={onKeyDown}
        />
        {spec.type === 'number' && spec.unit && <span className="number-input__unit">{spec.unit}</span>}
      </div>
    </Field>
  );
}
