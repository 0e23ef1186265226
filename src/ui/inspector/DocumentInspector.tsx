import { readyToTrain } from '../../engine/diagnostics';
import { MAX_DESCRIPTION_CHARS } from '../../format';
import { useCompiled, useDocument } from '../../store';
import { DiagnosticList } from './DiagnosticList';
import { Field } from './Field';
import { Section } from './Section';
import { SeedField } from './SeedField';
import { useDraft } from './use-draft';

const selectName = (s: { name: string }) => s.name;
const selectDescription = (s: { description?: string }) => s.description ?? '';
const selectCounts = (s: { nodes: unknown[]; edges: unknown[] }) => `${s.nodes.length}:${s.edges.length}`;
const selectDiagnostics = (s: ReturnType<typeof useCompiled.getState>) => s.result.diagnostics;
const selectParamCount = (s: ReturnType<typeof useCompiled.getState>) =>
  s.result.plan?.trainableCount ?? null;

/** Nothing selected: the document's own settings and everything the compiler has to say. */
export function DocumentInspector() {
  const name = useDraft(useDocument(selectName), (text) => {
    useDocument.getState().setName(text);
    return null;
  });
  const description = useDraft(useDocument(selectDescription), (text) => {
    useDocument.getState().setDescription(text);
    return null;
  });
  const [nodes, edges] = useDocument(selectCounts).split(':').map(Number);
  const diagnostics = useCompiled(selectDiagnostics);
  const paramCount = useCompiled(selectParamCount);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  // Compiling is not enough: data, a loss and an optimizer must be connected for training to learn.
  const ready = readyToTrain(diagnostics);
  return (
    <div className="inspector__body" data-testid="document-inspector">
      <header className="inspector__header">
        <div className="inspector__titles">
          <span className="inspector__title">Network</span>
          <span className="inspector__subtitle">
            {nodes} nodes · {edges} connections
            {paramCount !== null ? ` · ${paramCount} trainable numbers` : ''}
          </span>
        </div>
      </header>
      <Section title="Settings">
        <div className="inspector__fields">
          <Field id="doc-name" label="Name">
            <input id="doc-name" className="input" type="text" autoComplete="off" {...name.inputProps} />
          </Field>
          <SeedField />
          <Field id="doc-description" label="Description">
            <textarea
              id="doc-description"
              className="input input--prose"
              rows={3}
              placeholder="What this network shows"
              maxLength={MAX_DESCRIPTION_CHARS}
              {...description.inputProps}
            />
          </Field>
        </div>
      </Section>
      <Section
        title="Checks"
        aside={
          <span
            className={`status-pill status-pill--${errors > 0 ? 'error' : nodes === 0 || !ready ? 'idle' : 'ok'}`}
            data-testid="compile-status"
          >
            {nodes === 0
              ? 'empty'
              : errors > 0
                ? `${errors} to fix`
                : ready
                  ? 'ready to train'
                  : 'not complete'}
          </span>
        }
      >
        {diagnostics.length > 0 ? (
          <DiagnosticList diagnostics={diagnostics} linked />
        ) : (
          <p className="inspector__tip">
            {nodes === 0 ? 'Add nodes to build a network.' : 'No problems found.'}
          </p>
        )}
      </Section>
      <p className="inspector__tip">Select a node or a connection to edit it.</p>
    </div>
  );
}
