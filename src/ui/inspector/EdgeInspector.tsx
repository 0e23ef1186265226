import type { ParamSpecs } from '../../engine/params';
import {
  edgesCarryWeights,
  formatNumbers,
  inputPort,
  nodeName,
  nodeSpec,
  outputPort,
  parseWeight,
  selectEdge,
  selectEdgeDiagnostics,
  selectNode,
  useCompiled,
  useDocument,
  useSelection,
} from '../../store';
import { TrashIcon } from '../icons';
import { DiagnosticList } from './DiagnosticList';
import { Field } from './Field';
import { Section } from './Section';
import { useDraft } from './use-draft';

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
          <span className="inspector__subtitle">
            {out?.type ?? '?'} → {input?.label ?? edge.targetHandle}
          </span>
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
    </div>
  );
}

function WeightSection({
  id,
  target,
}: {
  id: string;
  target: NonNullable<ReturnType<ReturnType<typeof selectNode>>>;
}) {
  const edge = useDocument(selectEdge(id));
  const spec = nodeSpec(target);
  const initSpec = spec && (spec.kind.params as ParamSpecs).init;
  const scheme =
    spec && initSpec?.type === 'choice'
      ? (initSpec.options.find((o) => o.value === spec.values.init)?.label ?? '')
      : '';
  const weight = useDraft(formatNumbers(edge?.weight), (text) => {
    const parsed = parseWeight(text);
    if (!parsed.ok) return parsed.message;
    useDocument.getState().setEdgeWeight(id, parsed.value);
    return null;
  });
  const name = useDraft(edge?.label ?? '', (text) => {
    useDocument.getState().setEdgeLabel(id, text);
    return null;
  });
  return (
    <Section title="Weight">
      <div className="inspector__fields">
        <Field
          id={`weight-${id}`}
          label="Initial weight"
          help="The weight this edge starts training from. A vector input takes one number per element."
          hint={`Blank: drawn by the ${scheme ? `${scheme} ` : ''}init scheme`}
          error={weight.error}
        >
          <input
            id={`weight-${id}`}
            className="input"
            type="text"
            inputMode="decimal"
            placeholder="drawn at random"
            autoComplete="off"
            data-testid="edge-weight"
            {...weight.inputProps}
          />
        </Field>
        <Field id={`weight-name-${id}`} label="Name" help="Names this weight in charts and exports.">
          <input
            id={`weight-name-${id}`}
            className="input"
            type="text"
            placeholder="w"
            autoComplete="off"
            data-testid="edge-label"
            {...name.inputProps}
          />
        </Field>
      </div>
    </Section>
  );
}
