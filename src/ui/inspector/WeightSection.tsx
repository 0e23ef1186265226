import type { GraphNode } from '../../engine/graph';
import type { ParamSpecs } from '../../engine/params';
import { formatNumbers, nodeSpec, parseWeight, selectEdge, useDocument } from '../../store';
import { Field } from './Field';
import { Section } from './Section';
import { useDraft } from './use-draft';

/** An edge into a neuron: its initial weight (blank: drawn by the neuron's init scheme) and its name. */
export function WeightSection({ id, target }: { id: string; target: GraphNode }) {
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
