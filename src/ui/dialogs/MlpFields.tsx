/** The MLP form's fields: a label, the control, and its error (or its hint while there is none). */
import type { InputHTMLAttributes, ReactNode } from 'react';

interface FieldProps {
  /** The control's id and test id, e.g. `mlp-loss`; the error and hint are `${id}-error`, `${id}-hint`. */
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** The control's accessibility: described by the error while there is one (and invalid), else by the hint. */
function described(id: string, error?: string, hint?: ReactNode) {
  if (error) return { 'aria-invalid': true, 'aria-describedby': `${id}-error` } as const;
  return hint ? { 'aria-describedby': `${id}-hint` } : {};
}

/** A labelled field of the form, with its error, or its hint while there is no error. */
function Field({ children, ...field }: FieldProps & { children: ReactNode }) {
  const { id, label, error, hint } = field;
  return (
    <div className={`field mlp__field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** A field that picks one of a list of choices. */
export function SelectField<T extends string>({
  value,
  choices,
  onChange,
  ...field
}: FieldProps & {
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <Field {...field}>
      <select
        id={field.id}
        className="input"
        data-testid={field.id}
        value={value}
        // The value is one of the options, all drawn from `choices`.
        onChange={(e) => onChange(e.target.value as T)}
        {...described(field.id, field.error, field.hint)}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A field of typed text; `input` is passed to the <input> as it is. */
export function TextField({
  id,
  label,
  error,
  hint,
  testId = id,
  value,
  onChange,
  className = 'input',
  ...input
}: FieldProps & {
  testId?: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className={className}
        data-testid={testId}
        value={value}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        {...described(id, error, hint)}
        {...input}
      />
    </Field>
  );
}
