import { useDocument } from '../../store';
import { fieldId, type ParamFieldProps } from './ParamField';

export function BoolField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        className="switch"
        checked={value === true}
        data-testid={`param-input-${name}`}
        onChange={(e) => useDocument.getState().setParam(nodeId, name, e.target.checked)}
      />
      <label htmlFor={id} className="field__label" title={spec.help}>
        {spec.label}
      </label>
      {spec.help && <p className="field__hint field__hint--wide">{spec.help}</p>}
    </div>
  );
}
