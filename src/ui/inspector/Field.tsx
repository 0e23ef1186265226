import type { ReactNode } from 'react';
import { HelpHint } from './HelpHint';

interface Props {
  id: string;
  label: string;
  help?: string;
  /** Shown under the control: the allowed range, or what is wrong (then in red). */
  hint?: string;
  error?: string | null;
  children: ReactNode;
  inline?: boolean;
}

/** A labelled control with its hint or error underneath. */
export function Field({ id, label, help, hint, error, children, inline }: Props) {
  return (
    <div className={`field${inline ? ' field--inline' : ''}${error ? ' field--invalid' : ''}`}>
      <span className="field__label">
        <label htmlFor={id}>{label}</label>
        {help && <HelpHint text={help} label={label} />}
      </span>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert" data-testid="field-error">
          {error}
          {hint ? ` Allowed: ${hint}.` : ''}
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
