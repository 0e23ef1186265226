/**
 * What training draws on an edge: the weight's sign as colour (blue +, orange −), its magnitude as
 * width (log scale), labels with w, ∂L/∂w and the last Δw, the wave of a phase step (the gradient
 * flowing backward during the backward phase), and a badge for a training problem.
 *
 * The encoding subscribes to a display-level string (sign and width) of its own overlay entry, so
 * an edge re-renders only when what it draws changes; the label (only when zoomed in enough to read
 * it) subscribes to the entry's numbers.
 */
import { type CSSProperties, memo, type ReactNode, useLayoutEffect, useRef } from 'react';
import { useSelection } from '../../store';
import { type LabelMode, selectEdgeProblems, selectEdgeWave, type TrainingState } from '../../store/training';
import { useOverlay, useReadout, useTraining } from '../../store/training-app';
import { type EdgeOverlay, selectEdgeHasWeight, selectEdgeLook } from '../../store/training-overlay';
// Not React Flow's EdgeLabelRenderer: it runs a querySelector per label on every store change.
import { EdgeLabelRenderer } from '../canvas/edge-label-layer';
import { LabelLeader } from '../canvas/LabelLeader';
import { type LabelOffset, selectFocusLine, useLabelSlots } from '../canvas/label-slots';
import { labelTransform } from '../canvas/number-blocks';
import { fmtList, magnitudeWidth, signOf } from './format';
import { headline, parsePrinted, selectEdgePrinted } from './printed';

const selectLabels = (s: TrainingState) => s.labels;

/** Colour and width: by the weight, or (showing gradients only) by ∂L/∂w. */
const lookOf = (basis: 'value' | 'grad') => (entry: EdgeOverlay) => {
  const p = entry.param;
  if (!p) return null;
  const x = headline(basis === 'grad' ? p.grad : p.value);
  return `${signOf(x)}|${magnitudeWidth(x)}`;
};
const VALUE_LOOK = lookOf('value');
const GRAD_LOOK = lookOf('grad');

function summary(entry: EdgeOverlay): string {
  const p = entry.param;
  const lines: string[] = [];
  if (p) {
    lines.push(`${p.label} = ${fmtList(p.value)}`);
    lines.push(`∂L/∂${p.label} = ${fmtList(p.grad)}`);
    lines.push(`last Δ${p.label} = ${fmtList(p.delta)}`);
  }
  lines.push(`x = ${fmtList(entry.x)} flowing forward`);
  lines.push(`∂L/∂x = ${fmtList(entry.dx)} flowing back`);
  return lines.join('\n');
}

/**
 * The raw numbers (for tests and the inspector's tooltip) follow every readout by hand: they are
 * attributes nobody sees, and re-rendering the label for them would redo its text too.
 */
function useRawAttributes(id: string, problem: string | null) {
  const ref = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    let last: EdgeOverlay | undefined;
    const write = () => {
      const entry = useReadout.getState().edges.get(id);
      const el = ref.current;
      if (!el || !entry?.param || entry === last) return;
      last = entry;
      const p = entry.param;
      el.dataset.weight = JSON.stringify(p.value);
      el.dataset.grad = JSON.stringify(p.grad);
      el.dataset.delta = JSON.stringify(p.delta);
      el.title = problem ? `${problem}\n\n${summary(entry)}` : summary(entry);
    };
    write();
    return useReadout.subscribe(write);
  }, [id, problem]);
  return ref;
}

const Label = memo(function Label({
  id,
  mode,
  x,
  y,
  offset,
  selected,
  focused,
  problem,
}: {
  id: string;
  mode: LabelMode;
  x: number;
  y: number;
  offset: LabelOffset | null;
  selected: boolean;
  focused: boolean;
  problem: string | null;
}) {
  // Re-renders only when the printed text changes (see printed.ts), not at every readout.
  const key = useReadout(selectEdgePrinted(id));
  const ref = useRawAttributes(id, problem);
  // A focused label where the labels did not all fit: one line (label-slots.ts).
  const line = useLabelSlots(selectFocusLine) && focused;
  if (key === null) return null;
  const { value, grad, delta, sign } = parsePrinted(key);
  const showValue = mode === 'values' || mode === 'both';
  const showGrad = mode === 'gradients' || mode === 'both';
  return (
    <EdgeLabelRenderer>
      <button
        ref={ref}
        type="button"
        className={`ng-weight ng-weight--train nodrag nopan${line ? ' ng-weight--line' : ''}${selected ? ' is-selected' : ''}${focused ? ' is-focus' : ''}${problem ? ' has-problem' : ''}`}
        style={{ transform: labelTransform({ x, y }, offset?.dy) }}
        data-testid={`train-edge-${id}`}
        onClick={() => useSelection.getState().select([], [id])}
      >
        {problem && <span className="ng-weight__badge">!</span>}
        {showValue && (
          <span className={`ng-weight__value sign-${sign}`} data-testid="edge-value">
            {value}
          </span>
        )}
        {showGrad && (
          <>
            <span className="ng-weight__part" data-testid="edge-grad">
              <i>∂</i>
              {grad}
            </span>
            <span className="ng-weight__part" data-testid="edge-delta">
              <i>Δ</i>
              {delta}
            </span>
          </>
        )}
        <LabelLeader offset={offset} />
      </button>
    </EdgeLabelRenderer>
  );
});

interface Props {
  id: string;
  path: string;
  /** Where the edge's label goes (edges into a neuron), else null. */
  at: { x: number; y: number } | null;
  /** The label sits beside `at` (label-slots.ts), or on it (null). */
  offset?: LabelOffset | null;
  selected: boolean;
  /** The edge belongs to the focused neuron: its label stays bright while the others fade. */
  focused?: boolean;
  /** The edge's own label (its initial weight), shown while training has no numbers for it. */
  children?: ReactNode;
}

export const EdgeTraining = memo(function EdgeTraining({
  id,
  path,
  at,
  offset = null,
  selected,
  focused = false,
  children,
}: Props) {
  const mode = useTraining(selectLabels);
  const gradients = mode === 'gradients';
  const look = useOverlay(
    selectEdgeLook(id, gradients ? 'grad' : 'value', gradients ? GRAD_LOOK : VALUE_LOOK),
  );
  const hasWeight = useOverlay(selectEdgeHasWeight(id));
  const wave = useTraining(selectEdgeWave(id));
  const problems = useTraining(selectEdgeProblems(id));
  const problem = problems.length > 0 ? problems.map((p) => p.message).join('\n') : null;
  const error = problems.some((p) => p.severity === 'error');

  let encoding: ReactNode = null;
  if (look) {
    const [sign, width] = look.split('|');
    encoding = (
      <path
        d={path}
        className={`ng-train-edge sign-${sign}${selected ? ' is-selected' : ''}${focused ? ' is-focus' : ''}${error ? ' has-error' : ''}`}
        style={{ strokeWidth: Number(width) }}
        data-testid={`train-encoding-${id}`}
        data-sign={sign}
      />
    );
  }

  let waveNode: ReactNode = null;
  if (wave) {
    const [phase, order, waveId] = wave.split(':');
    const style = { '--wave-order': Number(order) } as CSSProperties;
    waveNode = (
      <g
        key={waveId}
        className={`ng-train-wave ng-train-wave--${phase}${focused ? ' is-focus' : ''}`}
        style={style}
        data-phase={phase}
      >
        <path d={path} className="ng-train-wave__glow" />
        {(phase === 'backward' || phase === 'forward') && <path d={path} className="ng-train-wave__flow" />}
      </g>
    );
  }

  let label: ReactNode = children;
  if (hasWeight && at) {
    // Zoomed far out (plain cards) the canvas hides every label (canvas-perf.css).
    label =
      mode === 'none' && !problem ? null : (
        <Label
          id={id}
          mode={mode}
          x={at.x}
          y={at.y}
          offset={offset}
          selected={selected}
          focused={focused}
          problem={problem}
        />
      );
  }
  return (
    <>
      {encoding}
      {waveNode}
      {label}
    </>
  );
});
