import { useDocument } from '../../store';
import { Field } from '../inspector/Field';
import { fieldId, type ParamFieldProps } from '../inspector/ParamField';
import { useDraft } from '../inspector/use-draft';

/** A list of names (e.g. feature columns), one per line. */
export function StringsField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  const names = Array.isArray(value) ? (value as string[]) : [];
  const draft = useDraft(names.join('\n'), (text) => {
    const list = text
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return useDocument.getState().setParam(nodeId, name, list);
  });
  return (
    <Field id={id} label={spec.label} help={spec.help} hint="One per line" error={draft.error}>
      <textarea
        id={id}
        className="input"
        rows={Math.min(6, Math.max(2, names.length))}
        spellCheck={false}
        placeholder="none"
        data-testid={`param-input-${name}`}
        {...draft.inputProps}
      />
    </Field>
  );
}
