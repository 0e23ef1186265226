/**
 * What training draws on a node: its value(s) and ∂L/∂(value) for the shown example (or the batch
 * mean) in a strip under it (a layer's units as a heat strip), the ring of a phase step, and a badge
 * for a training problem. Hovering a neuron (or a unit of a layer) shows its own output over the
 * inputs in the prediction view.
 */
import { type ReactFlowState, useStore } from '@xyflow/react';
import { type CSSProperties, memo, useEffect, useRef } from 'react';
import { type LabelMode, selectNodeProblems, selectNodeWave, type TrainingState } from '../../store/training';
import { useOverlay, useReadout, useTraining } from '../../store/training-app';
import {
  type Numbers,
  type PortOverlay,
  selectNodeHasOverlay,
  selectNodeOverlay,
} from '../../store/training-overlay';
import { cellColor, fmt, maxAbs, signOf } from './format';

const selectLabels = (s: TrainingState) => s.labels;
const selectRan = (s: TrainingState) => s.ran;
const MAX_CELLS = 64;
/** Below this zoom the numbers would be too small to read: only colours and widths stay. */
export const READABLE_ZOOM = 0.6;
const selectReadable = (s: ReactFlowState) => s.transform[2] >= READABLE_ZOOM;

function hoverable(id: string): boolean {
  const node = useTraining.getState().layout?.nodes.find((n) => n.id === id);
  return node?.role === 'op';
}

function Strip({ id, values, kind }: { id: string; values: Numbers; kind: 'value' | 'grad' }) {
  const shown = values.slice(0, MAX_CELLS);
  const scale = maxAbs(shown);
  return (
    <span className={`ng-strip ng-strip--${kind}`} data-testid={`strip-${kind}`}>
      {shown.map((v, j) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: hovering only previews the unit in the prediction view.
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: cells are unit positions.
          key={j}
          className="ng-strip__cell"
          style={{ background: cellColor(v, scale) }}
          title={`unit ${j + 1}: ${kind === 'grad' ? '∂L/∂y = ' : 'y = '}${fmt(v)}`}
          onMouseEnter={
            kind === 'value'
              ? () => hoverable(id) && useTraining.getState().setHover({ nodeId: id, index: j })
              : undefined
          }
        />
      ))}
    </span>
  );
}

function Row({
  id,
  name,
  port,
  mode,
  gradients,
}: {
  id: string;
  name: string;
  port: PortOverlay;
  mode: LabelMode;
  gradients: boolean;
}) {
  const showValue = mode === 'values' || mode === 'both';
  const showGrad = gradients && (mode === 'gradients' || mode === 'both');
  if (port.values.length > 1) {
    return (
      <div className="ng-node-train__row ng-node-train__row--strip" data-port={port.port}>
        <span className="ng-node-train__key">{name}</span>
        <span className="ng-node-train__strips">
          {showValue && <Strip id={id} values={port.values} kind="value" />}
          {showGrad && <Strip id={id} values={port.grads} kind="grad" />}
        </span>
      </div>
    );
  }
  return (
    <div className="ng-node-train__row" data-port={port.port}>
      <span className="ng-node-train__key">{name}</span>
      {showValue && (
        <span className={`ng-node-train__value sign-${signOf(port.values[0])}`} data-testid="node-value">
          {fmt(port.values[0])}
        </span>
      )}
      {showGrad && (
        <span className="ng-node-train__grad" data-testid="node-grad">
          <i>∂</i>
          {fmt(port.grads[0])}
        </span>
      )}
    </div>
  );
}

interface Props {
  id: string;
  /** The node's output ports as `id=label`, comma-separated (a node's other buffers are not shown). */
  ports: string;
}

/** The numbers under a node; mounted only while they can be read, and then following its entry. */
const Chips = memo(function Chips({ id, ports, mode }: Props & { mode: LabelMode }) {
  const entry = useReadout(selectNodeOverlay(id));
  const names = new Map(ports.split(',').map((p) => p.split('=') as [string, string]));
  const outputs = entry ? entry.outputs.filter((p) => names.has(p.port)) : [];
  if (outputs.length === 0) return null;
  const isLoss = outputs.length === 1 && outputs[0].port === 'loss';
  return (
    <div className="ng-node-train" data-testid={`train-node-${id}`}>
      {outputs.map((p) => (
        <Row
          key={p.port}
          id={id}
          name={names.get(p.port) || p.port}
          port={p}
          mode={mode}
          gradients={!isLoss}
        />
      ))}
    </div>
  );
});

export const NodeTraining = memo(function NodeTraining({ id, ports }: Props) {
  const hasEntry = useOverlay(selectNodeHasOverlay(id));
  const mode = useTraining(selectLabels);
  const wave = useTraining(selectNodeWave(id));
  const problems = useTraining(selectNodeProblems(id));
  const anchor = useRef<HTMLSpanElement>(null);
  const readable = useStore(selectReadable);
  // Before anything ran, every value is 0: nothing worth showing.
  const ran = useTraining(selectRan);

  useEffect(() => {
    const el = anchor.current?.closest('.react-flow__node');
    if (!el) return;
    const enter = () => {
      if (hoverable(id)) useTraining.getState().setHover({ nodeId: id, index: 0 });
    };
    const leave = () => {
      if (useTraining.getState().hover?.nodeId === id) useTraining.getState().setHover(null);
    };
    el.addEventListener('mouseenter', enter);
    el.addEventListener('mouseleave', leave);
    return () => {
      el.removeEventListener('mouseenter', enter);
      el.removeEventListener('mouseleave', leave);
      leave();
    };
  }, [id]);

  const rows = hasEntry && ran && readable && mode !== 'none';
  let ring = null;
  if (wave) {
    const [phase, order, waveId] = wave.split(':');
    ring = (
      <span
        key={waveId}
        className={`ng-node-wave ng-node-wave--${phase}`}
        style={{ '--wave-order': Number(order) } as CSSProperties}
        data-testid="node-wave"
        data-phase={phase}
      />
    );
  }
  const error = problems.some((p) => p.severity === 'error');
  return (
    <>
      <span ref={anchor} className="ng-train-anchor" />
      {ring}
      {problems.length > 0 && (
        <span
          className={`ng-train-badge${error ? ' is-error' : ''}`}
          title={problems.map((p) => p.message).join('\n')}
          aria-label={problems.map((p) => p.message).join('\n')}
          role="img"
          data-testid="train-node-problem"
          data-codes={problems.map((p) => p.code).join(' ')}
        >
          {error ? '!' : problems.length > 1 ? problems.length : '!'}
        </span>
      )}
      {rows && <Chips id={id} ports={ports} mode={mode} />}
    </>
  );
});
