import { deleteSelection, duplicateSelection } from '../../store';
import { CopyIcon, TrashIcon } from '../icons';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Several things selected: what, and what can be done with them. */
export function SelectionSummary({ nodes, edges }: { nodes: number; edges: number }) {
  const parts = [nodes > 0 && plural(nodes, 'node'), edges > 0 && plural(edges, 'connection')].filter(
    Boolean,
  );
  return (
    <div className="inspector__body" data-testid="selection-summary">
      <header className="inspector__header">
        <div className="inspector__titles">
          <span className="inspector__title">{parts.join(' and ')}</span>
          <span className="inspector__subtitle">selected</span>
        </div>
      </header>
      <div className="inspector__actions">
        {nodes > 0 && (
          <button type="button" className="btn btn--outline" onClick={() => duplicateSelection()}>
            <CopyIcon /> Duplicate <kbd>Ctrl+D</kbd>
          </button>
        )}
        <button type="button" className="btn btn--outline" onClick={deleteSelection}>
          <TrashIcon /> Delete <kbd>Del</kbd>
        </button>
      </div>
      <p className="inspector__tip">
        Shift+drag on the canvas selects a region; Shift or Ctrl+click adds to the selection.
      </p>
    </div>
  );
}
