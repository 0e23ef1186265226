import { formatNumbers, parseNumberList, useDocument } from '../../store';
import { Field } from './Field';
import { fieldId, type ParamFieldProps } from './ParamField';
import { useDraft } from './use-draft';

/** An optional list of numbers ("1, 2, 3"); blank means "not given". */
export function NumbersField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  const draft = useDraft(formatNumbers(value as number[] | null), (text) => {
    const parsed = parseNumberList(text);
    if (!parsed.ok) return parsed.message;
    return useDocument.getState().setParam(nodeId, name, parsed.value ?? undefined);
  });
  return (
    <Field
      id={id}
      label={spec.label}
      help={spec.help}
      hint="Numbers separated by commas; blank: not given"
      error={draft.error}
    >
      <textarea
        id={id}
        className="input"
        rows={2}
        spellCheck={false}
        placeholder="not given"
        data-testid={`param-input-${name}`}
        {...draft.inputProps}
      />
    </Field>
  );
}
