import { FAMILY_LABELS } from '../../engine/kind';
import { customActivationKind } from '../../engine/kinds/custom-activation';
import { type ParamSpecs, paramApplies } from '../../engine/params';
import {
  nodeSpec,
  selectNodeDiagnostics,
  selectNodeKind,
  selectNodeLabel,
  selectNodeParams,
  useCompiled,
  useDocument,
} from '../../store';
import { lazyComponent } from '../lazy/lazy-component';
import { TrainingNodeSection } from '../training/lazy-sections';
import { DiagnosticList } from './DiagnosticList';
import { Formula } from './Formula';
import { NodeLabelField } from './NodeLabelField';
import { ParamField } from './ParamField';
import { ParamDraftsProvider, useParamDrafts } from './param-drafts';
import { Section } from './Section';
import { stackEquations } from './stack-equations';

/** A custom formula's f(x) and f′(x), worked out and typeset: loads with the first custom node shown. */
const CustomFormulaPreview = lazyComponent(
  'the formula preview',
  () => import('./CustomFormulaPreview').then((m) => m.CustomFormulaPreview),
  { quiet: true },
);

/** The selected node: its name, what it does (with its formula), its parameters and its problems. */
export function NodeInspector({ id }: { id: string }) {
  const kindId = useDocument(selectNodeKind(id));
  const params = useDocument(selectNodeParams(id));
  const label = useDocument(selectNodeLabel(id));
  const diagnostics = useCompiled(selectNodeDiagnostics(id));
  const [drafts, reportDraft] = useParamDrafts();
  const spec = kindId && params ? nodeSpec({ kind: kindId, params }) : null;
  if (!spec) return <p className="inspector__empty">This node’s kind is unknown.</p>;
  const { kind, values } = spec;
  const entries = Object.entries(kind.params as ParamSpecs).filter(([, p]) => paramApplies(p, values));
  return (
    <div className={`inspector__body family-${kind.family}`} data-testid="node-inspector">
      <header className="inspector__header">
        <span className="kind-icon kind-icon--large">{kind.icon}</span>
        <div className="inspector__titles">
          <NodeLabelField id={id} label={label ?? ''} placeholder={kind.label} />
          <span className="inspector__subtitle">
            {kind.label} · {FAMILY_LABELS[kind.family]}
          </span>
        </div>
      </header>
      <DiagnosticList diagnostics={diagnostics} />
      <Section title="What it does">
        <p className="inspector__description">{kind.description}</p>
        {kind.formula && <Formula tex={stackEquations(kind.formula)} />}
      </Section>
      {entries.length > 0 && (
        <Section title="Parameters">
          <ParamDraftsProvider value={reportDraft}>
            <div className="inspector__fields">
              {entries.map(([name, p]) => (
                <ParamField key={name} nodeId={id} name={name} spec={p} value={values[name]} />
              ))}
            </div>
          </ParamDraftsProvider>
        </Section>
      )}
      {kind.id === customActivationKind.id && (
        <CustomFormulaPreview
          formula={drafts.formula ?? String(values.formula)}
          derivative={drafts.derivative ?? String(values.derivative)}
        />
      )}
      <TrainingNodeSection id={id} />
    </div>
  );
}
