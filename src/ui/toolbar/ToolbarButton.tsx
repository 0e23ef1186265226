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
}

export function ToolbarButton({ icon, label, title, onClick, disabled, iconOnly, pressed }: Props) {
  return (
    <button
      type="button"
      className={`btn ${iconOnly ? 'btn--icon' : ''}`}
      title={title ?? label}
      aria-label={iconOnly ? label : undefined}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={pressed}
    >
      {icon}
      {!iconOnly && <span className="toolbar__label">{label}</span>}
    </button>
  );
}
