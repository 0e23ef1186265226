import type { Diagnostic } from '../../engine/diagnostics';
import { useSelection } from '../../store';
import { AlertIcon } from '../icons';

interface Props {
  diagnostics: readonly Diagnostic[];
  /** Clicking a problem selects the node or edge it concerns. */
  linked?: boolean;
}

/** Problems the compiler found, as sentences, errors first. */
export function DiagnosticList({ diagnostics, linked }: Props) {
  if (diagnostics.length === 0) return null;
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <ul className="diagnostics" data-testid="diagnostics">
      {sorted.map((d, i) => {
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
    </ul>
  );
}
