/**
 * What training draws on a node: its value(s) and ∂L/∂(value) for the shown example (or the batch
 * mean) in a strip under it (a layer's units as a heat strip), the ring of a phase step, and a badge
 * for a training problem. Hovering a neuron (or a unit of a layer) shows its own output over the
 * inputs in the prediction view.
 */
import { type CSSProperties, memo, useEffect, useMemo, useRef } from 'react';
import { type LabelMode, selectNodeProblems, selectNodeWave, type TrainingState } from '../../store/training';
import { useOverlay, useReadout, useTraining } from '../../store/training-app';
import { selectNodeHasOverlay } from '../../store/training-overlay';
import { printedBlockWidth, printsGradients } from '../canvas/block-text';
import {
  hoverFocus,
  noteBlockWidth,
  reportNodeNumbers,
  selectBlockSide,
  selectFocus,
  useLabelSlots,
} from '../canvas/label-slots';
import type { BlockSide } from '../canvas/number-blocks';
import { type PrintedCell, type PrintedRow, selectNodePrinted } from './printed';

const selectLabels = (s: TrainingState) => s.labels;
const selectRan = (s: TrainingState) => s.ran;

function hoverable(id: string): boolean {
  const node = useTraining.getState().layout?.nodes.find((n) => n.id === id);
  return node?.role === 'op';
}

function Strip({ id, cells, kind }: { id: string; cells: readonly PrintedCell[]; kind: 'value' | 'grad' }) {
  return (
    <span className={`ng-strip ng-strip--${kind}`} data-testid={`strip-${kind}`}>
      {cells.map((c, j) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: hovering only previews the unit in the prediction view.
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: cells are unit positions.
          key={j}
          className="ng-strip__cell"
          style={{ background: c.color }}
          title={`unit ${j + 1}: ${kind === 'grad' ? '∂L/∂y = ' : 'y = '}${c.text}`}
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
  row,
  mode,
  gradients,
}: {
  id: string;
  row: PrintedRow;
  mode: LabelMode;
  gradients: boolean;
}) {
  const showValue = mode === 'values' || mode === 'both';
  const showGrad = gradients && (mode === 'gradients' || mode === 'both');
  if (row.cells) {
    return (
      <div className="ng-node-train__row ng-node-train__row--strip" data-port={row.port}>
        <span className="ng-node-train__key">{row.name}</span>
        <span className="ng-node-train__strips">
          {showValue && <Strip id={id} cells={row.cells.value} kind="value" />}
          {showGrad && <Strip id={id} cells={row.cells.grad} kind="grad" />}
        </span>
      </div>
    );
  }
  return (
    <div className="ng-node-train__row" data-port={row.port}>
      <span className="ng-node-train__key">{row.name}</span>
      {showValue && (
        <span className={`ng-node-train__value sign-${row.sign}`} data-testid="node-value">
          {row.value}
        </span>
      )}
      {showGrad && (
        <span className="ng-node-train__grad" data-testid="node-grad">
          <i>∂</i>
          {row.grad}
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

/**
 * The numbers under a node; mounted only while they can be read, and then following what its entry
 * prints (not its numbers: digits that do not change re-render nothing).
 */
const Chips = memo(function Chips({
  id,
  ports,
  mode,
  focused,
  side,
}: Props & { mode: LabelMode; focused: boolean; side: BlockSide }) {
  const key = useReadout(selectNodePrinted(id, ports));
  const rows = useMemo(() => (key === null ? [] : (JSON.parse(key) as PrintedRow[])), [key]);
  // Wider than the room it was placed with: placed again (canvas/label-slots.ts).
  useEffect(() => {
    if (rows.length > 0) noteBlockWidth(id, printedBlockWidth(rows));
  }, [id, rows]);
  if (rows.length === 0) return null;
  return (
    <div
      className={`ng-node-train ng-node-train--${side}${focused ? ' is-focus' : ''}`}
      data-testid={`train-node-${id}`}
    >
      {rows.map((row) => (
        <Row key={row.port} id={id} row={row} mode={mode} gradients={printsGradients(rows)} />
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
  // Kept at their size on screen (canvas/number-blocks.ts): shown where they cover no other node.
  const side = useLabelSlots(selectBlockSide(id));
  const focused = useLabelSlots(selectFocus) === id;
  // Before anything ran, every value is 0: nothing worth showing.
  const ran = useTraining(selectRan);

  useEffect(() => {
    reportNodeNumbers();
    const el = anchor.current?.closest('.react-flow__node');
    if (!el) return;
    // The pointer left for one of its focused labels and then went on elsewhere: no mouseleave of
    // the node tells that, so while it is the focus any move outside it and its labels ends it.
    const away = (e: PointerEvent) => {
      const to = e.target;
      if (to instanceof Element && (el.contains(to) || to.closest('.ng-weight.is-focus'))) return;
      unfocus();
    };
    const unfocus = () => {
      document.removeEventListener('pointermove', away, true);
      hoverFocus(id, false);
    };
    const enter = () => {
      hoverFocus(id, true);
      document.addEventListener('pointermove', away, true);
      if (hoverable(id)) useTraining.getState().setHover({ nodeId: id, index: 0 });
    };
    const leave = (e?: Event) => {
      // Onto one of its own labels: still the focus (the label belongs to it).
      const to = (e as MouseEvent | undefined)?.relatedTarget;
      if (!(to instanceof Element && to.closest('.ng-weight.is-focus'))) unfocus();
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

  const rows = hasEntry && ran && side !== null && mode !== 'none';
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
      {rows && <Chips id={id} ports={ports} mode={mode} focused={focused} side={side ?? 'below'} />}
    </>
  );
});
