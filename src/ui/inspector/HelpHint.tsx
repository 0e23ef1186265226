/**
 * The "?" beside a field's label: its explanation opens on hover, on keyboard focus and on a tap
 * (a tablet has no hover), and closes on blur, Escape or another tap. The text is the button's
 * description, so a screen reader reads it with the field too.
 */
import { useId, useState } from 'react';

export function HelpHint({ text, label }: { text: string; label: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="help-hint">
      <button
        type="button"
        className="field__help"
        aria-label={`About ${label}`}
        aria-describedby={id}
        aria-expanded={open}
        data-testid="help-hint"
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={(e) => e.currentTarget !== document.activeElement && setOpen(false)}
        onClick={(e) => {
          // A label's click would move the focus to its field; the tap is for the hint.
          e.preventDefault();
          e.currentTarget.focus();
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        ?
      </button>
      <span id={id} role="tooltip" className="help-hint__text" hidden={!open} data-testid="help-hint-text">
        {text}
      </span>
    </span>
  );
}
