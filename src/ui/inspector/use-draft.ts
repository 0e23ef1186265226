import { useEffect, useRef, useState } from 'react';
import { useDocument } from '../../store';

/**
 * A text field editing a document value: it shows what is typed (even when invalid), applies each
 * valid value at once, and records the whole edit as one undo entry (a gesture from focus to blur).
 * `apply` returns why a text is refused, or null once applied. Leaving the field shows the document's
 * value again; Escape restores the value the field had when it was focused.
 */
export function useDraft(committed: string, apply: (text: string) => string | null) {
  const [draft, setDraft] = useState(committed);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  const original = useRef(committed);
  useEffect(() => {
    if (!focused.current) {
      setDraft(committed);
      setError(null);
    }
  }, [committed]);
  const change = (text: string) => {
    setDraft(text);
    setError(apply(text));
  };
  return {
    value: draft,
    error,
    /** Types `text` into the field, as if the learner had. */
    change,
    inputProps: {
      value: draft,
      'aria-invalid': error ? true : undefined,
      onFocus: () => {
        focused.current = true;
        original.current = committed;
        useDocument.getState().beginGesture();
      },
      onChange: (e: { target: { value: string } }) => change(e.target.value),
      onBlur: () => {
        focused.current = false;
        useDocument.getState().endGesture();
        setDraft(committed);
        setError(null);
      },
      onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        if (e.key === 'Enter') {
          // Enter commits an input; in a text area, Ctrl+Enter does (Enter starts a new line).
          const area = e.currentTarget instanceof HTMLTextAreaElement;
          if (!area || e.ctrlKey || e.metaKey) e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          if (draft !== original.current) apply(original.current);
          setError(null);
          e.currentTarget.blur();
        }
      },
    },
  };
}
