import { useEffect, useState } from 'react';
import { useDocument } from '../../store';

const selectName = (s: { name: string }) => s.name;

/** The document's name, editable in place; committed on Enter or blur, Escape reverts. */
export function DocumentName() {
  const name = useDocument(selectName);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    useDocument.getState().setName(draft);
    setDraft(useDocument.getState().name);
  };
  return (
    <input
      className="toolbar__name"
      aria-label="Network name"
      data-testid="document-name"
      value={draft}
      title={draft}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(name);
          requestAnimationFrame(() => (e.target as HTMLInputElement).blur());
        }
      }}
      size={Math.max(8, Math.min(draft.length + 1, 36))}
    />
  );
}
