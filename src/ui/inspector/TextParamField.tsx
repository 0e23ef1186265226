import { useDocument } from '../../store';
import { Field } from './Field';
import { fieldId, type ParamFieldProps } from './ParamField';
import { useReportDraft } from './param-drafts';
import { useDraft } from './use-draft';

/** Text, e.g. a formula in x: checked by the kind as typed (a formula must parse). */
export function TextParamField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  const draft = useDraft(String(value ?? ''), (text) => useDocument.getState().setParam(nodeId, name, text));
  useReportDraft(name, draft.value);
  const formula = spec.type === 'text' && spec.formula;
  return (
    <Field
      id={id}
      label={spec.label}
      help={spec.help}
      hint={formula ? 'A formula in x, e.g. x * tanh(x)' : undefined}
      error={draft.error}
    >
      <textarea
        id={id}
        className={`input${formula ? ' input--mono' : ''}`}
        rows={formula ? 2 : 3}
        spellCheck={false}
        data-testid={`param-input-${name}`}
        {...draft.inputProps}
      />
    </Field>
  );
}
