import { type NodeProps, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useContext, useEffect } from 'react';
import {
  nodeSpec,
  selectConnectingFrom,
  selectFitPorts,
  selectNodeDiagnostics,
  selectNodeKind,
  selectNodeLabel,
  selectNodeParams,
  selectOriginPort,
  useCompiled,
  useDocument,
  useSession,
} from '../../store';
import { selectNodeLit } from '../../store/lesson';
import { useLesson } from '../lessons/lesson-app';
import { NodeTraining } from '../training/NodeTraining';
import { DiagnosticBadge } from './DiagnosticBadge';
import type { FlowNode } from './flow-elements';
import { KeyParams } from './KeyParams';
import { NodePort, type PortState } from './NodePort';
import { PlainCard } from './PlainCard';
import { PortColumn } from './PortColumn';
import { PlainCardsContext } from './plain-cards';
import { fullCardNeedsMeasure, measureSoon } from './port-measure';
import { TitleChip, TitleChipsContext } from './TitleChip';

/**
 * The one node component: draws any kind from the registry, as its full card or, zoomed far out,
 * as a plain card (PlainCard). It re-renders only when its own data change (or its selection, or
 * the level of detail) — not when another node moves, nor when it moves itself.
 */
function NeuroNodeView({ id, selected }: NodeProps<FlowNode>) {
  const plain = useContext(PlainCardsContext);
  return plain ? <PlainCard id={id} selected={selected} /> : <FullCard id={id} selected={selected} />;
}

/** The full card reads its own kind, parameters, label and diagnostics from the stores by id. */
function FullCard({ id, selected }: { id: string; selected: boolean }) {
  const kindId = useDocument(selectNodeKind(id));
  const params = useDocument(selectNodeParams(id));
  const label = useDocument(selectNodeLabel(id));
  const diagnostics = useCompiled(selectNodeDiagnostics(id));
  const fit = useSession(selectFitPorts(id));
  const origin = useSession(selectOriginPort(id));
  const from = useSession(selectConnectingFrom);
  const lit = useLesson(selectNodeLit(id));
  const chip = useContext(TitleChipsContext);
  const spec = kindId && params ? nodeSpec({ kind: kindId, params }) : null;

  // Handles move when ports come and go (a dataset with more features): React Flow must re-measure them.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = spec ? [...spec.ports.inputs, ...spec.ports.outputs].map((p) => p.id).join(',') : '';
  // Not for a node new on screen: React Flow measures new nodes itself, all at once. One call per node
  // on mount (a DOM query and a store update each) made opening a 1,000-node network take minutes;
  // the ones that need it (back from a plain card) are measured in one batch.
  useEffect(() => {
    if (fullCardNeedsMeasure(id, portKey)) measureSoon(updateNodeInternals, id);
  }, [id, portKey, updateNodeInternals]);

  if (!spec) {
    return (
      <div className="ng-node has-error" data-testid={`node-${id}`}>
        <header className="ng-node__header">
          <span className="ng-node__title">Unknown kind “{kindId}”</span>
          <DiagnosticBadge diagnostics={diagnostics} />
        </header>
      </div>
    );
  }

  const { kind, ports, values } = spec;
  const portState = (side: 'source' | 'target', portId: string): PortState => {
    if (!fit) return 'idle';
    if (origin === portId && from === side) return 'origin';
    return side !== from && fit.has(portId) ? 'fit' : 'unfit';
  };
  const rows = Math.max(ports.inputs.length, ports.outputs.length);
  const hasError = diagnostics.some((d) => d.severity === 'error');
  const title = label || kind.label;
  return (
    <div
      className={`ng-node family-${kind.family}${selected ? ' is-selected' : ''}${hasError ? ' has-error' : ''}${fit ? ' is-connecting' : ''}${lit ? ' is-lesson-lit' : ''}${chip ? ' has-title-chip' : ''}`}
      data-testid={`node-${id}`}
      data-kind={kind.id}
    >
      {chip && <TitleChip name={title} icon={kind.icon} />}
      <header className="ng-node__header">
        <span className="kind-icon">{kind.icon}</span>
        <span className="ng-node__titles">
          <span className="ng-node__title">{title}</span>
          {title !== kind.label && !title.startsWith(kind.label) && (
            <span className="ng-node__kind">{kind.label}</span>
          )}
        </span>
        <DiagnosticBadge diagnostics={diagnostics} />
      </header>
      {rows > 0 && (
        <div
          className={`ng-node__ports${ports.inputs.length >= 2 ? ' has-in-column' : ''}${ports.outputs.length >= 2 ? ' has-out-column' : ''}`}
        >
          {Array.from({ length: rows }, (_, i) => {
            const input = ports.inputs[i];
            const output = ports.outputs[i];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions, not items.
              <div className="ng-node__row" key={i}>
                {input ? (
                  <NodePort side="target" port={input} state={portState('target', input.id)} owner={title} />
                ) : (
                  <span />
                )}
                {output ? (
                  <NodePort
                    side="source"
                    port={output}
                    state={portState('source', output.id)}
                    owner={title}
                  />
                ) : (
                  <span />
                )}
              </div>
            );
          })}
          {ports.inputs.length >= 2 && <PortColumn nodeId={id} side="target" count={ports.inputs.length} />}
          {ports.outputs.length >= 2 && <PortColumn nodeId={id} side="source" count={ports.outputs.length} />}
        </div>
      )}
      <KeyParams kind={kind} values={values} />
      <NodeTraining id={id} ports={ports.outputs.map((p) => `${p.id}=${p.label}`).join(',')} />
    </div>
  );
}

export const NeuroNode = memo(NeuroNodeView, (a, b) => a.id === b.id && a.selected === b.selected);
