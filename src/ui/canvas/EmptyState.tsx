import { useDocument, useSaveStatus } from '../../store';
import { EXAMPLES, openExample } from '../actions/examples';
import { useGallery } from '../gallery/state';

const selectEmpty = (s: { nodes: unknown[] }) => s.nodes.length === 0;
const selectLoading = (s: { status: string }) => s.status === 'loading';

/** What an empty canvas says: where to start. */
export function EmptyState() {
  const empty = useDocument(selectEmpty);
  // While the saved network is read (a few ms), say nothing rather than flash "Build a network".
  const loading = useSaveStatus(selectLoading);
  if (!empty || loading) return null;
  return (
    <div className="empty-state">
      <div className="empty-state__card">
        <h2>Build a network</h2>
        <p>
          Drag a node from the palette, or double-click the canvas to search. Connect an output (right) to an
          input (left).
        </p>
        <div className="empty-state__actions">
          <button type="button" className="btn btn--primary" onClick={() => openExample(EXAMPLES[0])}>
            Open “{EXAMPLES[0].title}”
          </button>
          <button type="button" className="btn btn--outline" onClick={() => openExample(EXAMPLES[1])}>
            {EXAMPLES[1].title}
          </button>
        </div>
        <button
          type="button"
          className="empty-state__gallery"
          data-testid="empty-gallery"
          onClick={() => useGallery.getState().show()}
        >
          Gallery and step-by-step lessons…
        </button>
      </div>
    </div>
  );
}
