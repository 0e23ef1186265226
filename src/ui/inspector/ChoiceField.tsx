import { useDocument } from '../../store';
import { Field } from './Field';
import { fieldId, type ParamFieldProps } from './ParamField';

export function ChoiceField({ nodeId, name, spec, value }: ParamFieldProps) {
  if (spec.type !== 'choice') return null;
  const id = fieldId(nodeId, name);
  return (
    <Field id={id} label={spec.label} help={spec.help}>
      <select
        id={id}
        className="input"
        value={String(value)}
        data-testid={`param-input-${name}`}
        onChange={(e) => useDocument.getState().setParam(nodeId, name, e.target.value)}
      >
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
