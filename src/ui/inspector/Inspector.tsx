import { parseFocusKey, selectFocusKey, useSelection } from '../../store';
import { DocumentInspector } from './DocumentInspector';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';
import { SelectionSummary } from './SelectionSummary';

/** The right-hand panel: the selected node, the selected edge, a summary of several, or the document. */
export function Inspector({ className }: { className?: string }) {
  const focus = parseFocusKey(useSelection(selectFocusKey));
  return (
    <aside className={`inspector ${className ?? ''}`} aria-label="Inspector" data-testid="inspector">
      {focus.type === 'node' && <NodeInspector key={focus.id} id={focus.id} />}
      {focus.type === 'edge' && <EdgeInspector key={focus.id} id={focus.id} />}
      {focus.type === 'many' && <SelectionSummary nodes={focus.nodes} edges={focus.edges} />}
      {focus.type === 'document' && <DocumentInspector />}
    </aside>
  );
}
