import { parseNumber, rangeHint, useDocument } from '../../store';
import { Field } from './Field';
import { fieldId, type ParamFieldProps } from './ParamField';
import { useDraft } from './use-draft';

/** A number parameter: typed freely, applied when valid, shown in red with its range when not. */
export function NumberField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  const draft = useDraft(String(value), (text) => {
    const parsed = parseNumber(text);
    if (!parsed.ok) return parsed.message;
    return useDocument.getState().setParam(nodeId, name, parsed.value);
  });
  const hint = rangeHint(spec);
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
        />
        {spec.type === 'number' && spec.unit && <span className="number-input__unit">{spec.unit}</span>}
      </div>
    </Field>
  );
}
