import type { ReactNode } from 'react';

interface Props {
  icon: ReactNode;
  label: string;
  title?: string;
  onClick(): void;
  disabled?: boolean;
  /** Shows only the icon; the label stays as the accessible name. */
  iconOnly?: boolean;
  /** A toggle: on or off (aria-pressed). */
  pressed?: boolean;
  testId?: string;
}

export function ToolbarButton({ icon, label, title, onClick, disabled, iconOnly, pressed, testId }: Props) {
  return (
    <button
      type="button"
      className={`btn ${iconOnly ? 'btn--icon' : ''}`}
      title={title ?? label}
      // The label names it even where narrow widths hide the label's text.
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={pressed}
      data-testid={testId}
    >
      {icon}
      {!iconOnly && <span className="toolbar__label">{label}</span>}
    </button>
  );
}
