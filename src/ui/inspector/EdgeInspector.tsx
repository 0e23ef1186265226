import { describePortType } from '../../engine/ports';
import {
  edgesCarryWeights,
  inputPort,
  nodeName,
  outputPort,
  selectEdge,
  selectEdgeDiagnostics,
  selectNode,
  useCompiled,
  useDocument,
  useSelection,
} from '../../store';
import { TrashIcon } from '../icons';
import { TrainingEdgeSection } from '../training/lazy-sections';
import { DiagnosticList } from './DiagnosticList';
import { Section } from './Section';
import { WeightSection } from './WeightSection';

/** The selected edge: where it goes and, into a neuron, its initial weight. */
export function EdgeInspector({ id }: { id: string }) {
  const edge = useDocument(selectEdge(id));
  const source = useDocument(selectNode(edge?.source ?? ''));
  const target = useDocument(selectNode(edge?.target ?? ''));
  const diagnostics = useCompiled(selectEdgeDiagnostics(id));
  if (!edge || !source || !target) return null;
  const out = outputPort(source, edge.sourceHandle);
  const input = inputPort(target, edge.targetHandle);
  return (
    <div className="inspector__body" data-testid="edge-inspector">
      <header className="inspector__header">
        <div className="inspector__titles">
          <span className="inspector__title">Connection</span>
          <span className="inspector__subtitle">carries {out ? describePortType(out.type) : 'nothing'}</span>
        </div>
        <button
          type="button"
          className="btn btn--icon"
          title="Delete this connection"
          aria-label="Delete this connection"
          onClick={() => {
            useDocument.getState().remove([], [id]);
            useSelection.getState().clear();
          }}
        >
          <TrashIcon />
        </button>
      </header>
      <DiagnosticList diagnostics={diagnostics} />
      <Section title="From → to">
        <div className="edge-route">
          <button
            type="button"
            className="edge-route__end"
            onClick={() => useSelection.getState().select([source.id])}
          >
            <span className="edge-route__node">{nodeName(source)}</span>
            <span className="edge-route__port">{out?.label ?? edge.sourceHandle}</span>
          </button>
          <span className="edge-route__arrow">→</span>
          <button
            type="button"
            className="edge-route__end"
            onClick={() => useSelection.getState().select([target.id])}
          >
            <span className="edge-route__node">{nodeName(target)}</span>
            <span className="edge-route__port">{input?.label ?? edge.targetHandle}</span>
          </button>
        </div>
      </Section>
      {edgesCarryWeights(target) && <WeightSection id={id} target={target} />}
      <TrainingEdgeSection id={id} />
    </div>
  );
}
