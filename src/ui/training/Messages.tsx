/** When it goes wrong: the first non-finite number, a graph that cannot train, and the watch's diagnostics. */
import type { NonFiniteReport, WatchDiagnostic } from '../../engine/training';
import { useSelection } from '../../store';
import { useTraining } from '../../store/training-app';
import { AlertIcon } from '../icons';

function select(where: { nodeId?: string; edgeId?: string }): void {
  if (where.edgeId) useSelection.getState().select([], [where.edgeId]);
  else if (where.nodeId) useSelection.getState().select([where.nodeId]);
}

function NonFinite({ report }: { report: NonFiniteReport }) {
  return (
    <div className="train-alert train-alert--error" role="alert" data-testid="train-nonfinite">
      <AlertIcon />
      <div className="train-alert__text">
        <b data-testid="train-nonfinite-title" data-step={report.step}>
          Training paused at step {report.step}.
        </b>{' '}
        {report.message}{' '}
        <span className="train-alert__hint">
          Everything shown is step {report.step - 1}, the last whose numbers were all finite. Reset, or scrub
          back and continue with a smaller learning rate.
        </span>
      </div>
      {(report.nodeId || report.edgeId) && (
        <button type="button" className="btn btn--outline" onClick={() => select(report)}>
          Show
        </button>
      )}
    </div>
  );
}

function DiagnosticLine({ d }: { d: WatchDiagnostic }) {
  const target = d.edgeId || d.nodeId;
  const content = (
    <>
      <AlertIcon />
      <span>{d.message}</span>
    </>
  );
  return (
    <li className="diagnostic diagnostic--warning" data-code={d.code} title={d.message}>
      {target ? (
        <button type="button" className="diagnostic__link" onClick={() => select(d)}>
          {content}
        </button>
      ) : (
        content
      )}
    </li>
  );
}

export function Messages() {
  const nonFinite = useTraining((s) => s.nonFinite);
  const problem = useTraining((s) => s.loadProblem);
  const diagnostics = useTraining((s) => s.diagnostics);
  const error = useTraining((s) => s.error);
  const empty = useTraining((s) => s.compiled === true && (s.layout?.nodes.length ?? 0) === 0);
  if (empty) {
    return (
      <div className="train-messages" data-testid="train-messages">
        <p className="train-note">
          Nothing to train yet: a network needs data, neurons, a loss and an optimizer — or open an example.
        </p>
      </div>
    );
  }
  if (!nonFinite && !problem && diagnostics.length === 0 && !error) return null;
  return (
    <div className="train-messages" data-testid="train-messages">
      {nonFinite && <NonFinite report={nonFinite} />}
      {problem && (
        <div className="train-alert" data-testid="train-load-problem">
          <AlertIcon />
          <div className="train-alert__text">
            <b>Not ready to train.</b> {problem}
          </div>
        </div>
      )}
      {error && !nonFinite && (
        <div className="train-alert train-alert--error" role="alert">
          <AlertIcon />
          <div className="train-alert__text">{error}</div>
        </div>
      )}
      {diagnostics.length > 0 && (
        <ul className="diagnostics train-diagnostics" data-testid="train-diagnostics">
          {diagnostics.map((d) => (
            <DiagnosticLine key={`${d.code}:${d.nodeId ?? ''}:${d.edgeId ?? ''}`} d={d} />
          ))}
        </ul>
      )}
    </div>
  );
}
