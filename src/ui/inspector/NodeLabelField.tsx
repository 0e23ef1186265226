import { useDocument } from '../../store';
import { useDraft } from './use-draft';

/** The node's name, edited in place (it names its parameters and appears in messages). */
export function NodeLabelField({
  id,
  label,
  placeholder,
}: {
  id: string;
  label: string;
  placeholder: string;
}) {
  const draft = useDraft(label, (text) => {
    useDocument.getState().setNodeLabel(id, text);
    return null;
  });
  return (
    <input
      className="inspector__name"
      aria-label="Node name"
      placeholder={placeholder}
      spellCheck={false}
      data-testid="node-name"
      {...draft.inputProps}
    />
  );
}
