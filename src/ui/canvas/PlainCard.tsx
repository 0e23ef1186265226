/**
 * A node seen from far away: a card in its family colour with its outline (selected, error, lesson
 * highlight) and nothing else. Its text would be a few pixels high; what a thousand full cards cost
 * is their ~20 elements each, laid out, painted and layerised on every frame of a pan or a drag
 * (bench/UI-RESULTS.md). A plain card is two or three elements.
 *
 * It keeps the full card's size and leaves invisible stand-ins where the ports are, so React Flow's
 * measure of the node (its size, where edges attach) stays what it was; a node never measured with
 * its full card gets estimated ones, and port-measure.ts has React Flow measure it again when its
 * full card comes back.
 */
import { type HandleType, type InternalNode, useStoreApi, useUpdateNodeInternals } from '@xyflow/react';
import { type CSSProperties, memo, useContext, useEffect, useRef } from 'react';
import {
  nodeSpec,
  selectNodeHasError,
  selectNodeKind,
  selectNodeLabel,
  selectNodeParams,
  selectNodeSize,
  useCompiled,
  useDocument,
  useView,
} from '../../store';
import { selectNodeLit } from '../../store/lesson';
import { useLesson } from '../lessons/lesson-app';
import type { FlowNode } from './flow-elements';
import { CARD_BORDER, estimateNodeSize, estimatePortBox } from './node-size';
import { measureSoon, notePlainCard } from './port-measure';
import { TitleChip, TitleChipsContext } from './TitleChip';

type HandleBounds = NonNullable<InternalNode['internals']['handleBounds']>['source'];

function samePorts(bounds: HandleBounds | undefined, ports: readonly { id: string }[]): boolean {
  return !!bounds && bounds.length === ports.length && ports.every((p, i) => bounds[i]?.id === p.id);
}

function PlainCardView({ id, selected }: { id: string; selected: boolean }) {
  const kindId = useDocument(selectNodeKind(id));
  const params = useDocument(selectNodeParams(id));
  const label = useDocument(selectNodeLabel(id));
  const hasError = useCompiled(selectNodeHasError(id));
  const lit = useLesson(selectNodeLit(id));
  const measured = useView(selectNodeSize(id));
  const chip = useContext(TitleChipsContext);
  const flow = useStoreApi<FlowNode>();
  const updateNodeInternals = useUpdateNodeInternals();
  const spec = kindId && params ? nodeSpec({ kind: kindId, params }) : null;
  const portKey = spec ? [...spec.ports.inputs, ...spec.ports.outputs].map((p) => p.id).join(',') : '';

  useEffect(() => notePlainCard(id), [id]);
  // Ports that come or go while far away (a dataset given more features) are measured again at once:
  // edges attach to them even zoomed out.
  const shownPorts = useRef(portKey);
  useEffect(() => {
    if (portKey === shownPorts.current) return;
    shownPorts.current = portKey;
    measureSoon(updateNodeInternals, id);
  }, [id, portKey, updateNodeInternals]);

  const size = measured ?? (kindId && params ? estimateNodeSize({ kind: kindId, params }) : undefined);
  const box: CSSProperties | undefined = size && { width: size.width, height: size.height };
  if (!spec) {
    return <div className="ng-node ng-node--plain has-error" style={box} data-testid={`node-${id}`} />;
  }
  const { kind, ports } = spec;
  // Read, not subscribed to: where React Flow measured the ports when the card was last drawn.
  const handles = flow.getState().nodeLookup.get(id)?.internals.handleBounds;
  const width = size?.width ?? 0;
  const stubs = (
    type: HandleType,
    list: readonly { id: string }[],
    measuredBounds: HandleBounds | undefined,
  ) => {
    // Measured bounds hold only while the ports are the ones measured; else every row is estimated.
    const known = samePorts(measuredBounds, list) ? measuredBounds : undefined;
    return list.map((port, row) => {
      const at =
        known?.find((h) => h.id === port.id) ?? estimatePortBox(type === 'target' ? 'in' : 'out', row, width);
      return (
        <span
          key={`${type}-${port.id}`}
          className={`ng-port-stub ${type}`}
          data-handleid={port.id}
          data-handlepos={type === 'target' ? 'left' : 'right'}
          // Placed inside the card's border; React Flow measures from its outer corner.
          style={{ left: at.x - CARD_BORDER, top: at.y - CARD_BORDER, width: at.width, height: at.height }}
        />
      );
    });
  };
  return (
    <div
      className={`ng-node ng-node--plain family-${kind.family}${selected ? ' is-selected' : ''}${hasError ? ' has-error' : ''}${lit ? ' is-lesson-lit' : ''}`}
      style={box}
      title={label || kind.label}
      data-testid={`node-${id}`}
      data-kind={kind.id}
    >
      {chip && <TitleChip name={label || kind.label} icon={kind.icon} />}
      {stubs('target', ports.inputs, handles?.target ?? undefined)}
      {stubs('source', ports.outputs, handles?.source ?? undefined)}
    </div>
  );
}

export const PlainCard = memo(PlainCardView);
