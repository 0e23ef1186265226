import { useState } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import { useSelection } from '../../store';
import { AlertIcon } from '../icons';

interface Props {
  diagnostics: readonly Diagnostic[];
  /** Clicking a problem selects the node or edge it concerns. */
  linked?: boolean;
}

/**
 * How many problems are listed before a "Show more" button: 5,000 unconnected neurons have 5,000
 * problems, and listing them all took the page over a second to draw and lay out.
 */
export const LISTED_AT_ONCE = 50;

/** Problems the compiler found, as sentences, errors first. */
export function DiagnosticList({ diagnostics, linked }: Props) {
  const [listed, setListed] = useState(LISTED_AT_ONCE);
  if (diagnostics.length === 0) return null;
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const more = sorted.length - listed;
  return (
    <ul className="diagnostics" data-testid="diagnostics">
      {sorted.slice(0, listed).map((d, i) => {
        const target = d.nodeId
          ? { nodes: [d.nodeId], edges: [] }
          : d.edgeId
            ? { nodes: [], edges: [d.edgeId] }
            : null;
        const content = (
          <>
            <AlertIcon />
            <span>{d.message}</span>
          </>
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every compile.
          <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
            {linked && target ? (
              <button
                type="button"
                className="diagnostic__link"
                onClick={() => useSelection.getState().select(target.nodes, target.edges)}
              >
                {content}
              </button>
            ) : (
              content
            )}
          </li>
        );
      })}
      {more > 0 && (
        <li className="diagnostics__more">
          <button type="button" className="btn" onClick={() => setListed(listed + LISTED_AT_ONCE)}>
            Show {Math.min(more, LISTED_AT_ONCE)} more ({more.toLocaleString('en')} not shown)
          </button>
        </li>
      )}
    </ul>
  );
}
